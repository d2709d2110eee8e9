using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using MissionOps.ServiceDefaults.Security;
using Xunit;

namespace MissionOps.Testing;

/// <summary>
/// Calls every read of a service that takes a mission and whose answer can hold a field the
/// contract marks personal, as a viewer and as a personnel reader: the viewer's answer holds no
/// such field set, and the personnel reader's holds one somewhere. So a new aggregate answer that
/// names people is checked without anyone writing a case for it.
/// </summary>
public static class PersonalDataCheck
{
    public static async Task CheckAsync<TProgram>(GrpcServiceFactory<TProgram> service, ServiceDescriptor contract,
        IReadOnlyDictionary<string, Access> declared, Func<MethodDescriptor, IMessage, IMessage>? complete = null)
        where TProgram : class
    {
        using var viewer = service.ChannelWith(TestTokens.For($"{DynamicCall.Mission}:{MissionRoles.Viewer}"));
        using var reader = service.ChannelWith(TestTokens.For($"{DynamicCall.Mission}:{MissionRoles.Personnel}"));
        var methods = contract.Methods.Where(m => declared[m.Name] == Access.Read && !m.IsClientStreaming && !m.IsServerStreaming
            && PersonalData.CanHold(m.OutputType) && DynamicCall.NamesMission(m.InputType)).ToList();
        Assert.NotEmpty(methods);
        var failures = new List<string>();
        var named = 0;
        foreach (var method in methods)
        {
            var request = DynamicCall.RequestFor(method.InputType);
            request = complete?.Invoke(method, request) ?? request;
            if (await AnswerAsync(viewer.CreateCallInvoker(), method, request) is { } seen && PersonalData.Holds(seen))
            {
                failures.Add($"{method.Name} answered a viewer with personal data: {seen}");
            }

            if (await AnswerAsync(reader.CreateCallInvoker(), method, request) is { } full && PersonalData.Holds(full))
            {
                named++;
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(named > 0, "no answer named anyone to the personnel reader: the test has no personal data to check against");
    }

    private static async Task<IMessage?> AnswerAsync(CallInvoker invoker, MethodDescriptor method, IMessage request)
    {
        var call = new Method<IMessage, IMessage>(MethodType.Unary, method.Service.FullName, method.Name,
            Marshallers.Create<IMessage>(m => m.ToByteArray(), bytes => method.InputType.Parser.ParseFrom(bytes)),
            Marshallers.Create<IMessage>(m => m.ToByteArray(), bytes => method.OutputType.Parser.ParseFrom(bytes)));
        try
        {
            return await invoker.AsyncUnaryCall(call, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30)), request);
        }
        catch (RpcException)
        {
            return null;
        }
    }
}
