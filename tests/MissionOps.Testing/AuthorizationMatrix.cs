using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using MissionOps.ServiceDefaults.Security;
using Xunit;

namespace MissionOps.Testing;

/// <summary>
/// Calls every RPC of a service with no token, an expired token, a token for another service,
/// a token for another mission, and each role, and checks each answer against the service's one
/// declared map of what each RPC needs. An allowed call may still fail for its own reasons
/// (mostly INVALID_ARGUMENT: the requests carry little but the mission); it must just not be
/// refused for access.
/// </summary>
public static class AuthorizationMatrix
{
    public const string Mission = "minusma";

    public static async Task CheckAsync<TProgram>(GrpcServiceFactory<TProgram> service, ServiceDescriptor contract, string serviceName,
        IReadOnlyDictionary<string, Access> declared)
        where TProgram : class
    {
        Assert.Equal(contract.Methods.Select(m => m.Name).Order(StringComparer.Ordinal), declared.Keys.Order(StringComparer.Ordinal));
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

        var failures = new List<string>();
        foreach (var (name, token, expected) in cases)
        {
            using var channel = service.ChannelWith(token);
            foreach (var method in contract.Methods)
            {
                var status = await CallAsync(channel.CreateCallInvoker(), method);
                var want = name == "another mission" && !NamesMission(method.InputType) ? null : expected(declared[method.Name]);
                var ok = want is { } refusal ? status == refusal : status is not (StatusCode.Unauthenticated or StatusCode.PermissionDenied);
                if (!ok)
                {
                    failures.Add($"{method.Name} with {name}: got {status}, expected {(want?.ToString() ?? "no access refusal")}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static async Task<StatusCode> CallAsync(CallInvoker invoker, MethodDescriptor method)
    {
        var request = RequestFor(method.InputType);
        var marshaller = Marshallers.Create<IMessage>(m => m.ToByteArray(), bytes => method.OutputType.Parser.ParseFrom(bytes));
        var requestMarshaller = Marshallers.Create<IMessage>(m => m.ToByteArray(), bytes => method.InputType.Parser.ParseFrom(bytes));
        var type = method.IsClientStreaming ? MethodType.ClientStreaming : method.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary;
        var call = new Method<IMessage, IMessage>(type, method.Service.FullName, method.Name, requestMarshaller, marshaller);
        // An allowed stream stays open: its deadline ends it; a refusal comes at once.
        var options = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(type == MethodType.ServerStreaming ? 0.5 : 5));
        try
        {
            switch (type)
            {
                case MethodType.Unary:
                    await invoker.AsyncUnaryCall(call, null, options, request);
                    break;
                case MethodType.ServerStreaming:
                    using (var stream = invoker.AsyncServerStreamingCall(call, null, options, request))
                    {
                        await stream.ResponseStream.MoveNext(CancellationToken.None);
                    }

                    break;
                default:
                    using (var stream = invoker.AsyncClientStreamingCall(call, null, options))
                    {
                        await stream.RequestStream.WriteAsync(request);
                        await stream.RequestStream.CompleteAsync();
                        await stream.ResponseAsync;
                    }

                    break;
            }

            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    /// <summary>An otherwise empty request that names the mission where the service looks for it (its parent, name or mission).</summary>
    private static IMessage RequestFor(MessageDescriptor type)
    {
        var request = (IMessage)Activator.CreateInstance(type.ClrType)!;
        NameMission(request);
        return request;
    }

    private static bool NamesMission(MessageDescriptor type) => NameMission((IMessage)Activator.CreateInstance(type.ClrType)!);

    private static bool NameMission(IMessage message)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.IsRepeated || field.IsMap)
            {
                continue;
            }

            if (field.FieldType == FieldType.String && field.Name is "parent" or "name" or "mission" or "site")
            {
                field.Accessor.SetValue(message, $"missions/{Mission}");
                return true;
            }

            if (field.FieldType == FieldType.String && field.Name == "mission_id")
            {
                field.Accessor.SetValue(message, Mission);
                return true;
            }

            if (field.FieldType == FieldType.Message && field.MessageType.ClrType is { } clr && !clr.Namespace!.StartsWith("Google", StringComparison.Ordinal))
            {
                var nested = (IMessage)Activator.CreateInstance(clr)!;
                if (NameMission(nested))
                {
                    field.Accessor.SetValue(message, nested);
                    return true;
                }
            }
        }

        return false;
    }
}
