using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Net;
using System.Security.Claims;
using Duende.IdentityModel.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using MissionOps.ServiceDefaults;
using MissionOps.ServiceDefaults.Security;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MissionOps.Testing.Authority;

/// <summary>
/// A real OpenID Connect authority (OpenIddict, its store on the test PostgreSQL) on a loopback
/// port: discovery, signing keys, the client credentials grant, and the authorization code grant
/// with a sign-in page that offers its known people, as a production identity provider serves them.
/// A scope is a MissionOps service's audience (<c>missionops.sites</c>); each token carries its
/// client's mission roles, or for a person signed in, that person's.
/// </summary>
public sealed class OpenIdAuthority : IAsyncDisposable
{
    public static readonly string[] Scopes = [.. ServiceNames.All.Select(TokenIssuer.AudienceOf)];

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<(string Client, string Scope), int> _issued = new();

    private OpenIdAuthority(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static Task<OpenIdAuthority> StartAsync(PostgresServer postgres, params AuthorityClient[] clients) => StartAsync(postgres, [], clients);

    public static async Task<OpenIdAuthority> StartAsync(PostgresServer postgres, IReadOnlyList<AuthorityUser> users, params AuthorityClient[] clients)
    {
        var address = LoopbackPorts.AddressOf(LoopbackPorts.Free());
        var roles = clients.ToDictionary(c => c.ClientId, c => c.MissionRoles);
        var database = postgres.ConnectionString($"authority_{Guid.NewGuid():N}");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, address.Port));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddDbContext<AuthorityDbContext>(options =>
        {
            options.UseNpgsql(database);
            options.UseOpenIddict();
        });
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<AuthorityDbContext>())
            .AddServer(server =>
            {
                server.SetIssuer(address);
                server.SetTokenEndpointUris("connect/token");
                server.SetAuthorizationEndpointUris("connect/authorize");
                server.AllowClientCredentialsFlow();
                server.AllowAuthorizationCodeFlow();
                server.RegisterScopes([.. Scopes, OpenIddictConstants.Scopes.Profile]);
                server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                // Resource servers read the token themselves, as a JWT signed with the published keys.
                server.DisableAccessTokenEncryption();
                server.UseAspNetCore().EnableTokenEndpointPassthrough().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            });

        var app = builder.Build();
        var authority = new OpenIdAuthority(app, address);
        app.MapPost("/connect/token", (Delegate)((HttpContext context) => authority.IssueAsync(context, roles)));
        app.MapGet("/connect/authorize", (HttpContext context) => SignInPage(context, users));
        app.MapPost("/connect/authorize", (HttpContext context) => SignIn(context, users));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AuthorityDbContext>().Database.EnsureCreatedAsync();
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            foreach (var client in clients)
            {
                var descriptor = new OpenIddictApplicationDescriptor
                {
                    ClientId = client.ClientId,
                    ClientSecret = client.Secret,
                    ClientType = ClientTypes.Confidential,
                    Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
                };
                descriptor.Permissions.UnionWith(Scopes.Select(s => Permissions.Prefixes.Scope + s));
                if (client.RedirectUri is { } redirect)
                {
                    descriptor.RedirectUris.Add(redirect);
                    descriptor.Permissions.UnionWith([Permissions.Endpoints.Authorization, Permissions.GrantTypes.AuthorizationCode,
                        Permissions.ResponseTypes.Code, Permissions.Scopes.Profile]);
                }
                await applications.CreateAsync(descriptor);
            }
        }

        await app.StartAsync();
        return authority;
    }

    /// <summary>How many tokens the authority gave this client for this scope.</summary>
    public int TokensIssued(string clientId, string scope) => _issued.GetValueOrDefault((clientId, scope));

    /// <summary>A token by the client credentials grant, as a partner tool gets one.</summary>
    public async Task<string> TokenAsync(string clientId, string secret, params string[] scopes)
    {
        using var http = new HttpClient();
        var response = await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = new Uri(Address, "connect/token").ToString(),
            ClientId = clientId,
            ClientSecret = secret,
            Scope = string.Join(' ', scopes),
        });
        return response.IsError ? throw new InvalidOperationException($"The authority refused {clientId}: {response.Error}") : response.AccessToken!;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<IResult> IssueAsync(HttpContext context, IReadOnlyDictionary<string, IReadOnlyList<string>> roles)
    {
        // OpenIddict has already authenticated the client and checked its scopes, or the code and its PKCE verifier.
        var request = context.GetOpenIddictServerRequest()!;
        if (request.IsAuthorizationCodeGrantType())
        {
            var signedIn = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            return Results.SignIn(signedIn.Principal!, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        var clientId = request.ClientId!;
        var scopes = request.GetScopes();
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, clientId);
        identity.SetClaims(MissionRoles.ClaimType, [.. roles[clientId]]);
        identity.SetScopes(scopes);
        identity.SetResources(scopes);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        foreach (var scope in scopes)
        {
            _issued.AddOrUpdate((clientId, scope), 1, (_, n) => n + 1);
        }

        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>The authority's own sign-in page: one button per person it knows, the authorization request carried along.</summary>
    private static IResult SignInPage(HttpContext context, IReadOnlyList<AuthorityUser> users)
    {
        var carried = string.Concat(context.Request.Query.Select(p =>
            $"<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(p.Key)}\" value=\"{WebUtility.HtmlEncode(p.Value.ToString())}\">"));
        var buttons = string.Concat(users.Select(u =>
            $"<button type=\"submit\" name=\"user\" value=\"{WebUtility.HtmlEncode(u.Subject)}\">{WebUtility.HtmlEncode(u.Name)}</button>"));
        return Results.Content($"<!doctype html><html lang=\"en\"><title>Test authority</title><form method=\"post\">{carried}{buttons}</form></html>", "text/html");
    }

    private static IResult SignIn(HttpContext context, IReadOnlyList<AuthorityUser> users)
    {
        var request = context.GetOpenIddictServerRequest()!;
        var user = users.Single(u => u.Subject == context.Request.Form["user"]);
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Subject);
        identity.SetClaim(Claims.Name, user.Name);
        identity.SetClaims(MissionRoles.ClaimType, [.. user.MissionRoles]);
        identity.SetScopes(request.GetScopes());
        identity.SetResources(request.GetScopes().Intersect(Scopes));
        // The board reads who and which roles from the identity token; the services from the access token.
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
