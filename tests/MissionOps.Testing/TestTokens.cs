using MissionOps.ServiceDefaults;
using MissionOps.ServiceDefaults.Security;

namespace MissionOps.Testing;

/// <summary>Tokens signed with the tests' own development key, as the AppHost's key signs them in development.</summary>
public static class TestTokens
{
    public static readonly string SigningKey = TokenIssuer.NewSigningKey();

    public static readonly TokenIssuer Issuer = new(SigningKey);

    /// <summary>A token valid for every service, holding these roles (<c>minusma:viewer</c>, <c>*:administrator</c>).</summary>
    public static string For(params string[] missionRoles) =>
        Issuer.Issue("test-user", ServiceNames.All.Select(TokenIssuer.AudienceOf), missionRoles, TimeSpan.FromHours(1));

    /// <summary>A token valid for every service, holding these roles in MINUSMA, limited to one of its regions (<c>ML05</c>).</summary>
    public static string Scoped(string regionPcode, params string[] missionRoles) =>
        Issuer.Issue("test-partner", ServiceNames.All.Select(TokenIssuer.AudienceOf), missionRoles, TimeSpan.FromHours(1),
            partner: "regional-authority", missionRegions: [$"{DynamicCall.Mission}:{regionPcode}"]);

    /// <summary>Administrator of every mission: what the tests that are not about access use.</summary>
    public static readonly string Administrator = For($"{MissionRoles.AnyMission}:{MissionRoles.Administrator}");
}
