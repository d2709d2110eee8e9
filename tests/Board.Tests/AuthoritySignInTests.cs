extern alias liquidation;
extern alias personnel;
extern alias projects;
extern alias sites;
using MissionOps.Client;
using MissionOps.ServiceDefaults;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.ServiceDefaults.Security;
using MissionOps.Sites.V1;
using MissionOps.Testing;
using MissionOps.Testing.Authority;
using LiquidationProgram = liquidation::Program;
using PersonnelProgram = personnel::Program;
using ProjectsProgram = projects::Program;
using SitesProgram = sites::Program;

namespace MissionOps.Board.Tests;

/// <summary>
/// The board as in production: no development key anywhere, people sign in at a real OpenID Connect authority, and the
/// four services accept only that authority's tokens.
/// </summary>
public sealed class AuthoritySignInTests(AuthoritySignInTests.App app) : BoardTest(app.Browser), IClassFixture<AuthoritySignInTests.App>
{
    private const string Gao = "missions/minusma/sites/gao";

    [Fact]
    public async Task A_planner_signs_in_at_the_authority_and_what_they_record_on_the_board_is_audited_as_theirs()
    {
        var page = await SignInAsync("awa");
        await BoardPage.ReadyAsync(page);
        Assert.Contains("Awa Diallo", await page.Locator("header").TextContentAsync());
        Assert.Contains("Planner", await page.Locator("header").TextContentAsync());
        var mission = await app.Administrator.Sites.GetMissionAsync(new GetMissionRequest { Name = "missions/minusma" });
        Assert.Equal(mission.DisplayName.En, (await page.Locator("h1").TextContentAsync())?.Trim());

        await app.Administrator.Sites.PlanSiteClosureAsync(new PlanSiteClosureRequest
        {
            Name = Gao, DrawdownPhase = "missions/minusma/drawdownPhases/phase-2", PlannedClosureDate = new DateOnly(2023, 12, 20).ToProto(),
            RequestId = Guid.NewGuid().ToString(),
        });
        await page.GotoAsync(app.Url("/" + Gao));
        await page.Locator("form[data-form=closure-step]").WaitForAsync(new() { Timeout = 60_000 });
        await page.SelectOptionAsync("#step-kind", nameof(ClosureStepKind.UnEquipmentRemoved));
        await page.FillAsync("#step-performed-by", "Supply section, Sector East");
        await page.ClickAsync("form[data-form=closure-step] button[type=submit]");
        await page.Locator("form[data-form=closure-step] [role=status]").WaitForAsync(new() { Timeout = 20_000 });

        var audit = await app.Administrator.Sites.ListAuditEntriesAsync(new ListAuditEntriesRequest { Parent = "missions/minusma", Resource = Gao });
        var step = Assert.Single(audit.AuditEntries, e => e.Method.EndsWith("RecordClosureStep", StringComparison.Ordinal));
        Assert.Equal(("awa", "minusma:planner"), (step.Subject, Assert.Single(step.Roles)));
    }

    [Fact]
    public async Task Someone_the_authority_knows_for_another_mission_signs_in_and_the_services_refuse_them_minusma()
    {
        var page = await SignInAsync("kofi");
        await BoardPage.ReadyAsync(page);

        Assert.Contains("Your role does not allow this", await page.Locator("[role=alert]").TextContentAsync());
        Assert.Equal(0, await page.Locator("[data-chart]").CountAsync());
    }

    [Fact]
    public async Task The_sign_in_page_offers_the_authority_and_no_development_token()
    {
        var page = await app.Browser.NewPageAsync();
        await page.GotoAsync(app.Url("/signin"));

        Assert.Equal(1, await page.Locator("a[href^='/signin/authority']").CountAsync());
        Assert.Equal(0, await page.Locator("form[action='/signin/development']").CountAsync());
        var refused = await page.APIRequest.PostAsync(app.Url("/signin/development"), new() { Form = page.APIRequest.CreateFormData().Set("mission", "minusma").Set("role", "administrator") });
        Assert.False(refused.Ok);
    }

    /// <summary>A page of the board sends a stranger to the authority's own page, and back once signed in there.</summary>
    private async Task<Microsoft.Playwright.IPage> SignInAsync(string user)
    {
        var page = await app.Browser.NewPageAsync();
        await page.GotoAsync(app.Url("/missions/minusma"));
        Assert.StartsWith(app.Authority.ToString(), page.Url, StringComparison.Ordinal);
        await page.ClickAsync($"button[value={user}]");
        await page.WaitForURLAsync(app.Url("/missions/minusma"));
        return page;
    }

    /// <summary>An authority that knows a planner of MINUSMA and an administrator of another mission; Sites with its MINUSMA demo.</summary>
    public sealed class App : IAsyncLifetime
    {
        private static readonly AuthorityClient Admin = Client("mission-admin", $"{MissionRoles.AnyMission}:{MissionRoles.Administrator}");
        private readonly List<IAsyncDisposable> _running = [];

        public MissionOpsClient Administrator { get; private set; } = null!;

        public HeadlessChromium Browser { get; private set; } = null!;

        public Uri Address { get; private set; } = null!;

        public Uri Authority { get; private set; } = null!;

        public string Url(string path) => new Uri(Address, path).ToString();

        public async Task InitializeAsync()
        {
            var postgres = PostgresServer.Start();
            _running.Add(postgres);
            var boardPort = LoopbackPorts.Free();
            var board = Client("drawdown-board", null) with { RedirectUri = new Uri(LoopbackPorts.AddressOf(boardPort), "/signin-oidc") };
            var services = ServiceNames.All.ToDictionary(n => n, n => Client(n, $"{MissionRoles.AnyMission}:{MissionRoles.Service}"));
            AuthorityUser[] people =
            [
                new("awa", "Awa Diallo", ["minusma:planner"]),
                new("kofi", "Kofi Mensah", ["another-mission:administrator"]),
            ];
            var authority = await OpenIdAuthority.StartAsync(postgres, people, [Admin, board, .. services.Values]);
            _running.Insert(0, authority);
            Authority = authority.Address;

            var ports = ServiceNames.All.ToDictionary(n => n, _ => LoopbackPorts.Free());
            var addresses = ports.ToDictionary(p => p.Key, p => LoopbackPorts.AddressOf(p.Value));
            Start(new GrpcServiceFactory<SitesProgram>(postgres, "sitesdb", "sites_board_oidc").WithSetting("DemoData:Load", "true"), ServiceNames.Sites);
            Start(new GrpcServiceFactory<PersonnelProgram>(postgres, "personneldb", "personnel_board_oidc"), ServiceNames.Personnel);
            Start(new GrpcServiceFactory<ProjectsProgram>(postgres, "projectsdb", "projects_board_oidc"), ServiceNames.Projects);
            Start(new GrpcServiceFactory<LiquidationProgram>(postgres, "liquidationdb", "liquidation_board_oidc"), ServiceNames.Liquidation);

            var host = new BoardHost(addresses, new()
            {
                ["Auth:SigningKey"] = string.Empty,
                ["Auth:Authority"] = authority.Address.ToString(),
                ["Auth:RequireHttpsMetadata"] = "false",
                ["Auth:ClientId"] = board.ClientId,
                ["Auth:ClientSecret"] = board.Secret,
            });
            _running.Insert(0, host);
            Address = host.Start(boardPort);

            Administrator = new MissionOpsClient(new MissionOpsClientOptions
            {
                Sites = addresses[ServiceNames.Sites], Personnel = addresses[ServiceNames.Personnel],
                Projects = addresses[ServiceNames.Projects], Liquidation = addresses[ServiceNames.Liquidation],
                Tokens = MissionOpsClientOptions.FixedToken(await authority.TokenAsync(Admin.ClientId, Admin.Secret, OpenIdAuthority.Scopes)),
            });
            Browser = await HeadlessChromium.LaunchAsync();

            void Start<TProgram>(GrpcServiceFactory<TProgram> service, string name) where TProgram : class
            {
                foreach (var (other, address) in addresses)
                {
                    service.WithService(other, address);
                }

                service.WithAuthority(authority, services[name]).Start(ports[name]);
                _running.Insert(0, service);
            }
        }

        public async Task DisposeAsync()
        {
            await Browser.DisposeAsync();
            Administrator.Dispose();
            foreach (var running in _running)
            {
                await running.DisposeAsync();
            }
        }

        private static AuthorityClient Client(string id, string? role) => new(id, Guid.NewGuid().ToString("N"), role is null ? [] : [role]);
    }
}
