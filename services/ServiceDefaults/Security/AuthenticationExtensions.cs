using MissionOps.Client.Tokens;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;
using MissionOps.ServiceDefaults.Clients;

namespace MissionOps.ServiceDefaults.Security;

public static class AuthenticationExtensions
{
    /// <summary>
    /// Bearer tokens for every RPC: signature, issuer, this service's own audience and lifetime are
    /// all checked. In production the service trusts the OpenID Connect authority named by
    /// <c>Auth:Authority</c>; in development and tests, tokens signed with <c>Auth:SigningKey</c>.
    /// </summary>
    public static IHostApplicationBuilder AddServiceSecurity(this IHostApplicationBuilder builder, string service,
        IReadOnlyDictionary<string, Access> permissions, IReadOnlySet<string> regionScoped,
        IReadOnlyDictionary<string, Access>? whenFieldSet = null)
    {
        builder.Services.AddSingleton(new RpcPermissions(service, permissions, regionScoped, whenFieldSet));
        var auth = builder.Configuration.GetSection("Auth");
        var authority = auth["Authority"];
        var signingKey = auth["SigningKey"];
        if (string.IsNullOrEmpty(authority) && string.IsNullOrEmpty(signingKey))
        {
            throw new InvalidOperationException(
                "Auth:Authority (an OpenID Connect authority) or, for development, Auth:SigningKey must be set. " +
                "'dotnet run --project MissionOps.AppHost' sets the development key.");
        }

        var issuer = string.IsNullOrEmpty(signingKey) ? null : new TokenIssuer(signingKey, auth["Issuer"] ?? TokenIssuer.DevelopmentIssuer);
        AddServiceIdentity(builder, service, issuer, auth);

        builder.Services.AddSingleton<RememberingTokenHandler>();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<RememberingTokenHandler>((options, handler) =>
            {
                options.TokenHandlers.Clear();
                options.TokenHandlers.Add(handler);
            });
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateLifetime = true,
                ValidateIssuerSigningKey = true,
                RequireSignedTokens = true,
                RequireExpirationTime = true,
                ValidAudience = TokenIssuer.AudienceOf(service),
                ClockSkew = TimeSpan.FromSeconds(30),
            };
            if (!string.IsNullOrEmpty(authority))
            {
                // The issuer and signing keys come from the authority's discovery document unless Auth:Issuer overrides it.
                options.Authority = authority;
                options.RequireHttpsMetadata = auth.GetValue("RequireHttpsMetadata", true);
                options.TokenValidationParameters.ValidIssuer = auth["Issuer"];
            }
            else
            {
                options.TokenValidationParameters.ValidIssuer = issuer!.Issuer;
                options.TokenValidationParameters.IssuerSigningKey = issuer.Key;
            }
        });
        builder.Services.AddAuthorization();
        return builder;
    }

    /// <summary>The tokens this service calls the others with: signed by itself in development, else from the authority.</summary>
    private static void AddServiceIdentity(IHostApplicationBuilder builder, string service, TokenIssuer? issuer, IConfigurationSection auth)
    {
        if (issuer is not null)
        {
            builder.Services.AddSingleton(issuer);
            builder.Services.AddSingleton<AccessTokens>(services =>
                new SignedServiceIdentity(issuer, service, services.GetService<TimeProvider>() ?? TimeProvider.System));
        }
        else if (ClientCredentialsSettings.From(auth) is { } client)
        {
            builder.Services.AddHttpClient(ClientCredentialsSettings.HttpClientName);
            builder.Services.AddSingleton<AccessTokens>(services => new ClientCredentialsTokens(client,
                () => services.GetRequiredService<IHttpClientFactory>().CreateClient(ClientCredentialsSettings.HttpClientName),
                services.GetService<TimeProvider>()));
        }
    }
}
