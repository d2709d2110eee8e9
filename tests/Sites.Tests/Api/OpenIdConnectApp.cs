extern alias personnel;
extern alias projects;
using MissionOps.ServiceDefaults.Security;
using MissionOps.Testing;
using MissionOps.Testing.Authority;
using PersonnelProgram = personnel::Program;
using ProjectsProgram = projects::Program;

namespace MissionOps.Sites.Tests.Api;

/// <summary>
/// Sites, Personnel and Projects as in production: no development key, tokens from a real
/// OpenID Connect authority, each service a client of it with the <c>*:service</c> role. One more
/// Personnel holds a secret the authority does not know.
/// </summary>
public sealed class OpenIdConnectApp : IAsyncLifetime
{
    public static readonly AuthorityClient Administrator = Client("mission-admin", $"{MissionRoles.AnyMission}:{MissionRoles.Administrator}");
    public static readonly AuthorityClient SitesClient = ServiceClient("sites");
    public static readonly AuthorityClient PersonnelClient = ServiceClient("personnel");
    public static readonly AuthorityClient ProjectsClient = ServiceClient("projects");

    public PostgresServer Postgres { get; private set; } = null!;

    public OpenIdAuthority Authority { get; private set; } = null!;

    public GrpcServiceFactory<Program> Sites { get; private set; } = null!;

    public GrpcServiceFactory<PersonnelProgram> Personnel { get; private set; } = null!;

    public GrpcServiceFactory<ProjectsProgram> Projects { get; private set; } = null!;

    public GrpcServiceFactory<PersonnelProgram> PersonnelWithWrongSecret { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Postgres = PostgresServer.Start();
        Authority = await OpenIdAuthority.StartAsync(Postgres, Administrator, SitesClient, PersonnelClient, ProjectsClient);
        int sitesPort = LoopbackPorts.Free(), personnelPort = LoopbackPorts.Free(), projectsPort = LoopbackPorts.Free();
        var sites = LoopbackPorts.AddressOf(sitesPort);
        Sites = new GrpcServiceFactory<Program>(Postgres, Extensions.DatabaseName, "sites_oidc")
            .WithService("personnel", LoopbackPorts.AddressOf(personnelPort))
            .WithService("projects", LoopbackPorts.AddressOf(projectsPort))
            .WithAuthority(Authority, SitesClient);
        Personnel = new SitesDependentServiceFactory<PersonnelProgram>(Postgres, "personneldb", "personnel_oidc", sites).WithAuthority(Authority, PersonnelClient);
        Projects = new SitesDependentServiceFactory<ProjectsProgram>(Postgres, "projectsdb", "projects_oidc", sites).WithAuthority(Authority, ProjectsClient);
        PersonnelWithWrongSecret = new SitesDependentServiceFactory<PersonnelProgram>(Postgres, "personneldb", "personnel_oidc_refused", sites)
            .WithAuthority(Authority, PersonnelClient with { Secret = "not-the-secret" });
        Sites.Start(sitesPort);
        Personnel.Start(personnelPort);
        Projects.Start(projectsPort);
        PersonnelWithWrongSecret.Start();
    }

    public async Task DisposeAsync()
    {
        await PersonnelWithWrongSecret.DisposeAsync();
        await Projects.DisposeAsync();
        await Personnel.DisposeAsync();
        await Sites.DisposeAsync();
        await Authority.DisposeAsync();
        await Postgres.DisposeAsync();
    }

    /// <summary>The mission administrator's token, valid for every service.</summary>
    public Task<string> AdministratorTokenAsync() => Authority.TokenAsync(Administrator.ClientId, Administrator.Secret, OpenIdAuthority.Scopes);

    private static AuthorityClient Client(string id, string role) => new(id, Guid.NewGuid().ToString("N"), [role]);

    private static AuthorityClient ServiceClient(string service) =>
        Client(service, $"{MissionRoles.AnyMission}:{MissionRoles.Service}");
}
