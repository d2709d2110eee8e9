using Google.Protobuf.Reflection;
using Grpc.Core;
using MissionOps.ServiceDefaults.Security;
using Xunit;

namespace MissionOps.Testing;

/// <summary>
/// Calls every RPC of a service with no token, an expired token, a token for another service,
/// a token for another mission, each role, and a viewer and an administrator limited to a region,
/// and checks each answer against the service's one declared map of what each RPC needs (a
/// viewer is refused every personal read) and of the reads that honour a region scope (a
/// region-scoped token is refused everything else). An allowed call may still fail for its own reasons
/// (mostly INVALID_ARGUMENT: the requests carry little but the mission); it must just not be
/// refused for access.
/// </summary>
public static class AuthorizationMatrix
{
    public const string Mission = DynamicCall.Mission;

    public const string Region = "ML05";

    public static async Task CheckAsync<TProgram>(GrpcServiceFactory<TProgram> service, ServiceDescriptor contract, string serviceName,
        IReadOnlyDictionary<string, Access> declared, IReadOnlySet<string> regionScoped)
        where TProgram : class
    {
        Assert.Equal(contract.Methods.Select(m => m.Name).Order(StringComparer.Ordinal), declared.Keys.Order(StringComparer.Ordinal));
        Assert.All(regionScoped, name => Assert.Equal(Access.Read, declared[name]));
        var audience = TokenIssuer.AudienceOf(serviceName);
        var cases = new List<(string Case, string? Token, Func<Access, StatusCode?> Expected)>
        {
            ("no token", null, _ => StatusCode.Unauthenticated),
            ("expired", TestTokens.Issuer.Issue("t", [audience], [$"{Mission}:{MissionRoles.Administrator}"], TimeSpan.FromMinutes(1),
                now: DateTimeOffset.UtcNow.AddHours(-2)), _ => StatusCode.Unauthenticated),
            ("another service", TestTokens.Issuer.Issue("t", ["missionops.elsewhere"], [$"{Mission}:{MissionRoles.Administrator}"], TimeSpan.FromMinutes(5)),
                _ => StatusCode.Unauthenticated),
            // An RPC that names no mission (ListMissions) answers another mission's token with that mission's data only.
            ("another mission", TestTokens.Issuer.Issue("t", [audience], [$"unmiss:{MissionRoles.Administrator}"], TimeSpan.FromMinutes(5)),
                _ => StatusCode.PermissionDenied),
        };
        foreach (var role in MissionRoles.All)
        {
            cases.Add(($"{role} of {Mission}", TestTokens.Issuer.Issue("t", [audience], [$"{Mission}:{role}"], TimeSpan.FromMinutes(5)),
                access => MissionRoles.Grants(role, access) ? null : StatusCode.PermissionDenied));
        }

        foreach (var role in new[] { MissionRoles.Viewer, MissionRoles.Administrator })
        {
            cases.Add(($"{role} of {Mission} limited to {Region}", TestTokens.Scoped(Region, $"{Mission}:{role}"), _ => null));
        }

        var failures = new List<string>();
        foreach (var (name, token, expected) in cases)
        {
            using var channel = service.ChannelWith(token);
            foreach (var method in contract.Methods)
            {
                var status = await DynamicCall.CallAsync(channel.CreateCallInvoker(), method, DynamicCall.RequestFor(method.InputType));
                var want = name == "another mission" && !DynamicCall.NamesMission(method.InputType) ? null
                    : name.Contains(" limited to ", StringComparison.Ordinal)
                        ? declared[method.Name] == Access.Read && regionScoped.Contains(method.Name) ? null : StatusCode.PermissionDenied
                        : expected(declared[method.Name]);
                var ok = want is { } refusal ? status == refusal : status is not (StatusCode.Unauthenticated or StatusCode.PermissionDenied);
                if (!ok)
                {
                    failures.Add($"{method.Name} with {name}: got {status}, expected {(want?.ToString() ?? "no access refusal")}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
