using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using MissionOps.ServiceDefaults;
using MissionOps.ServiceDefaults.Security;

namespace MissionOps.Board.Security;

/// <summary>
/// How people sign in: with the mission's OpenID Connect authority when <c>Auth:Authority</c> is set, whose access token
/// the board keeps and sends to the services; otherwise, in development and tests only, a page that makes a development
/// token for a chosen role and mission, signed with the key the AppHost gives every service.
/// </summary>
public static class BoardSignIn
{
    public const string SignInPath = "/signin";
    public const string DevelopmentSignInPath = "/signin/development";
    public const string AuthorityChallengePath = "/signin/authority";
    public const string SignOutPath = "/signout";

    private static readonly TimeSpan DevelopmentTokenLifetime = TimeSpan.FromHours(8);

    /// <summary>The roles the development sign-in offers, from the least to the most rights.</summary>
    public static readonly IReadOnlyList<string> DevelopmentRoles =
        [MissionRoles.Viewer, MissionRoles.Personnel, MissionRoles.Planner, MissionRoles.Approver, MissionRoles.Administrator];

    public static bool UsesAuthority(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration["Auth:Authority"]);

    public static bool OffersDevelopmentSignIn(IConfiguration configuration, IHostEnvironment environment) =>
        !UsesAuthority(configuration) && !environment.IsProduction() && !string.IsNullOrWhiteSpace(configuration["Auth:SigningKey"]);

    public static WebApplicationBuilder AddBoardSignIn(this WebApplicationBuilder builder)
    {
        var authentication = builder.Services.AddAuthentication(options =>
        {
            options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            if (UsesAuthority(builder.Configuration))
            {
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            }
        }).AddCookie(options =>
        {
            options.LoginPath = SignInPath;
            options.ReturnUrlParameter = "returnUrl";
            options.Cookie.Name = "missionops-board";
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = DevelopmentTokenLifetime;
            options.SlidingExpiration = false;
        });

        if (UsesAuthority(builder.Configuration))
        {
            authentication.AddOpenIdConnect(options =>
            {
                builder.Configuration.GetSection("Auth").Bind(options);
                options.ResponseType = "code";
                options.SaveTokens = true;
                options.MapInboundClaims = false;
                foreach (var service in ServiceNames.All)
                {
                    options.Scope.Add(TokenIssuer.AudienceOf(service));
                }

                // The access token rides in the sign-in cookie, so that the board's live circuit can call on the user's behalf.
                options.Events.OnTokenValidated = context =>
                {
                    if (context.TokenEndpointResponse?.AccessToken is { } token && context.Principal?.Identity is ClaimsIdentity identity)
                    {
                        identity.AddClaim(new Claim(BoardClaims.Token, token));
                    }

                    return Task.CompletedTask;
                };
            });
        }

        builder.Services.AddAuthorization();
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }

    public static WebApplication MapSignIn(this WebApplication app)
    {
        if (OffersDevelopmentSignIn(app.Configuration, app.Environment))
        {
            var issuer = new TokenIssuer(app.Configuration["Auth:SigningKey"]!);
            app.MapPost(DevelopmentSignInPath, async (HttpContext context, [FromForm] string mission, [FromForm] string role,
                [FromForm] string? name, [FromForm] string? returnUrl) =>
            {
                if (!DevelopmentRoles.Contains(role) || string.IsNullOrWhiteSpace(mission) || mission.Contains(':'))
                {
                    return Results.BadRequest("Choose a mission and one of the roles offered.");
                }

                var subject = string.IsNullOrWhiteSpace(name) ? $"board-{role}" : name.Trim();
                var token = issuer.Issue(subject, ServiceNames.All.Select(TokenIssuer.AudienceOf), [$"{mission}:{role}"],
                    DevelopmentTokenLifetime, partner: "drawdown-board");
                var identity = new ClaimsIdentity(
                    [new Claim("sub", subject), new Claim("name", subject), new Claim(MissionRoles.ClaimType, $"{mission}:{role}"), new Claim(BoardClaims.Token, token)],
                    CookieAuthenticationDefaults.AuthenticationScheme, "name", ClaimTypes.Role);
                await context.SignInAsync(new ClaimsPrincipal(identity));
                return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : $"/missions/{Uri.EscapeDataString(mission)}");
            });
        }

        if (UsesAuthority(app.Configuration))
        {
            app.MapGet(AuthorityChallengePath, (string? returnUrl) =>
                Results.Challenge(new AuthenticationProperties { RedirectUri = IsLocal(returnUrl) ? returnUrl : "/" }, [OpenIdConnectDefaults.AuthenticationScheme]));
        }

        app.MapPost(SignOutPath, async (HttpContext context, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest("Sign out from the board's own page.");
            }

            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/");
        });
        return app;
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
