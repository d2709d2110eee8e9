namespace MissionOps.Testing.Authority;

public static class AuthorityServiceSettings
{
    /// <summary>
    /// Runs the service as in production: it trusts <paramref name="authority"/> (no development
    /// key) and calls the others with tokens it gets there as <paramref name="client"/>.
    /// </summary>
    public static GrpcServiceFactory<TProgram> WithAuthority<TProgram>(this GrpcServiceFactory<TProgram> service, OpenIdAuthority authority,
        AuthorityClient client)
        where TProgram : class =>
        service.WithSetting("Auth:SigningKey", string.Empty)
            .WithSetting("Auth:Authority", authority.Address.ToString())
            .WithSetting("Auth:RequireHttpsMetadata", "false")
            .WithSetting("Auth:ClientId", client.ClientId)
            .WithSetting("Auth:ClientSecret", client.Secret);
}
