using System.Text;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using MissionOps.ServiceDefaults.Security;
using Xunit;

namespace MissionOps.Testing;

/// <summary>
/// Calls every region-scoped read of a service that takes a mission (lists, exports, timelines,
/// feeds) as a viewer of the whole mission, a viewer limited to the region the data lies in, and a
/// viewer limited to a region where nothing lies, and reads every resource name and P-code in the
/// answers' bytes (nested payloads, CSV and XML included): the first two must name the same
/// resources, the last none of what lies in the data's region. So a new region-scoped list is
/// checked without anyone writing a case for it.
/// </summary>
public static partial class RegionScopeCheck
{
    /// <summary>A region of Mali where the tests put nothing (Gao).</summary>
    public const string Elsewhere = "ML07";

    public static async Task CheckAsync<TProgram>(GrpcServiceFactory<TProgram> service, ServiceDescriptor contract, IReadOnlySet<string> regionScoped,
        string region, Func<MethodDescriptor, IMessage, IMessage>? complete = null)
        where TProgram : class
    {
        using var whole = service.ChannelWith(TestTokens.For($"{DynamicCall.Mission}:{MissionRoles.Viewer}"));
        using var inRegion = service.ChannelWith(TestTokens.Scoped(region, $"{DynamicCall.Mission}:{MissionRoles.Viewer}"));
        using var elsewhere = service.ChannelWith(TestTokens.Scoped(Elsewhere, $"{DynamicCall.Mission}:{MissionRoles.Viewer}"));
        var failures = new List<string>();
        var seen = 0;
        foreach (var method in contract.Methods.Where(m => regionScoped.Contains(m.Name) && TakesMission(m.InputType)))
        {
            var request = DynamicCall.RequestFor(method.InputType);
            request = complete?.Invoke(method, request) ?? request;
            // Liabilities and records are the mission's, in no region: a scoped readiness report leaves them out.
            var all = Named(await AnswerAsync(whole.CreateCallInvoker(), method, request))
                .Where(n => !n.Contains("/liabilities/", StringComparison.Ordinal) && !n.Contains("/archiveRecords/", StringComparison.Ordinal))
                .ToHashSet(StringComparer.Ordinal);
            var scoped = Named(await AnswerAsync(inRegion.CreateCallInvoker(), method, request));
            var outside = Named(await AnswerAsync(elsewhere.CreateCallInvoker(), method, request));
            // An answer may name the regions it is limited to (ClosureReadiness.regions): the token's own, which the whole mission's need not name.
            if (!all.Contains(region))
            {
                scoped.Remove(region);
            }

            seen += all.Count;
            if (!all.SetEquals(scoped))
            {
                failures.Add($"{method.Name} limited to {region}: named {string.Join(", ", scoped)}; the whole mission: {string.Join(", ", all)}");
            }

            var leaked = outside.Where(n => n.StartsWith(region, StringComparison.Ordinal) || n.Contains("/sites/", StringComparison.Ordinal)
                || n.Contains("/projects/", StringComparison.Ordinal) || n.Contains("/assets/", StringComparison.Ordinal)
                || n.Contains("/disposalCases/", StringComparison.Ordinal) || n.Contains("/regions/", StringComparison.Ordinal)).ToList();
            if (leaked.Count > 0)
            {
                failures.Add($"{method.Name} limited to {Elsewhere} named {string.Join(", ", leaked)}");
            }
        }

        Assert.True(seen > 0, "no region-scoped read named anything: the test has no data to check the scope against");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static bool TakesMission(MessageDescriptor type) =>
        type.Fields.InDeclarationOrder().Any(f => f.FieldType == FieldType.String && f.Name is "parent" or "mission");

    /// <summary>The answer's bytes, every message of a stream within a second.</summary>
    private static async Task<byte[]> AnswerAsync(CallInvoker invoker, MethodDescriptor method, IMessage request)
    {
        var marshaller = Marshallers.Create<IMessage>(m => m.ToByteArray(), bytes => method.OutputType.Parser.ParseFrom(bytes));
        var requestMarshaller = Marshallers.Create<IMessage>(m => m.ToByteArray(), bytes => method.InputType.Parser.ParseFrom(bytes));
        var type = method.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary;
        var call = new Method<IMessage, IMessage>(type, method.Service.FullName, method.Name, requestMarshaller, marshaller);
        using var buffer = new MemoryStream();
        try
        {
            if (type == MethodType.Unary)
            {
                (await invoker.AsyncUnaryCall(call, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30)), request)).WriteTo(buffer);
            }
            else
            {
                using var stream = invoker.AsyncServerStreamingCall(call, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(1)), request);
                while (await stream.ResponseStream.MoveNext(CancellationToken.None))
                {
                    stream.ResponseStream.Current.WriteTo(buffer);
                }
            }
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.DeadlineExceeded)
        {
            // A feed stays open: what came before its deadline is its answer.
        }

        return buffer.ToArray();
    }

    /// <summary>Resource names below a mission and P-codes, wherever they are in the bytes.</summary>
    private static HashSet<string> Named(byte[] answer) =>
        Names().Matches(Encoding.Latin1.GetString(answer)).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"missions/[a-z0-9-]+/[A-Za-z]+/[a-z0-9-]+|\bML[0-9]{2}(?:[0-9]{2})?\b")]
    private static partial Regex Names();
}
