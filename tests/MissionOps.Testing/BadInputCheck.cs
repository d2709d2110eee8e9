using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;
using Xunit;
using Xunit.Abstractions;

namespace MissionOps.Testing;

/// <summary>
/// Sends the bad-input corpus to every change of a service: each change's audit-coverage scenario arranges what it
/// needs and hands over its valid request (taken, not sent), and each bad request made from it must be refused
/// properly (never UNKNOWN or INTERNAL, INVALID_ARGUMENT naming the field) and store nothing at all.
/// </summary>
public static class BadInputCheck
{
    /// <summary>Starts every line of the report, so that tests/run.sh can show it.</summary>
    public const string ReportPrefix = "Bad input corpus";

    public static async Task RunAsync<TProgram>(GrpcServiceFactory<TProgram> service, ServiceDescriptor contract, string serviceName,
        IReadOnlyDictionary<string, Func<Task<Func<Task>>>> scenarios, Func<Task> reset, ITestOutputHelper output)
        where TProgram : class
    {
        var failures = new List<string>();
        var sent = new List<BadInputCase>();
        var invoker = service.Channel.CreateCallInvoker();
        foreach (var rpc in AuditCoverage.Changes(contract))
        {
            var method = contract.FindMethodByName(rpc);
            var (valid, before) = await ArrangeAsync(service, method, scenarios[rpc], reset);
            var cases = BadInputCorpus.For(method, valid);
            foreach (var badCase in cases)
            {
                var (code, error) = await DynamicCall.OutcomeAsync(invoker, method, BadInputCorpus.Apply(method, valid, badCase));
                if (Judge(method, badCase, code, error) is { } wrong)
                {
                    failures.Add($"{rpc} {badCase}: {wrong}");
                }

                var changed = (await DatabaseFingerprint.TakeAsync(service.DatabaseConnectionString)).ChangedFrom(before);
                if (changed.Count > 0)
                {
                    failures.Add($"{rpc} {badCase}: answered {code} and stored {string.Join(", ", changed)}");
                    (_, before) = await ArrangeAsync(service, method, scenarios[rpc], reset);
                }
            }

            sent.AddRange(cases);
            output.WriteLine($"{rpc}: {cases.Count} cases sent");
        }

        output.WriteLine($"{ReportPrefix}, {serviceName}: {sent.Count} cases sent ({ByKind(sent)}); {failures.Count} failed");
        Assert.True(failures.Count == 0, $"{failures.Count} bad requests were not refused properly:\n{string.Join("\n", failures)}");
    }

    /// <summary>Arranges a change afresh and takes its valid request, with the database as it stands before it.</summary>
    private static async Task<(IReadOnlyList<IMessage> Valid, DatabaseFingerprint Before)> ArrangeAsync<TProgram>(
        GrpcServiceFactory<TProgram> service, MethodDescriptor method, Func<Task<Func<Task>>> scenario, Func<Task> reset)
        where TProgram : class
    {
        await reset();
        var change = await scenario();
        var call = await service.Capture.CaptureAsync(change);
        Assert.EndsWith($"/{method.Name}", call.Path, StringComparison.Ordinal);
        var valid = call.Messages.Select(bytes => method.InputType.Parser.ParseFrom(bytes)).ToList();
        return (valid, await DatabaseFingerprint.SettledAsync(service.DatabaseConnectionString));
    }

    /// <summary>What is wrong with how the call ended, or null when it refused the case properly.</summary>
    private static string? Judge(MethodDescriptor method, BadInputCase badCase, StatusCode code, RpcException? error)
    {
        if (!badCase.Expected.Contains(code))
        {
            return $"answered {code} ({error?.Status.Detail}) where {string.Join(" or ", badCase.Expected)} was expected";
        }

        if (code != StatusCode.InvalidArgument || error is null || !badCase.MustBeNamed)
        {
            return null;
        }

        var named = error.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).ToList() ?? [];
        return named.Any(field => Names(method, field, badCase.Path))
            ? null
            : $"INVALID_ARGUMENT named [{string.Join(", ", named)}], not {badCase.Path} ({error.Status.Detail})";
    }

    /// <summary>
    /// Whether a violation names the slot, or a field that holds it, or one it holds; on a client stream, the
    /// message's own field (<c>header</c>, <c>rows</c>) may be left out of the name.
    /// </summary>
    private static bool Names(MethodDescriptor method, string violation, string path) =>
        Related(violation, path) || (method.IsClientStreaming && path.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot
            && Related(violation, path[(dot + 1)..]));

    private static bool Related(string violation, string path) =>
        violation == path || Within(path, violation) || Within(violation, path);

    private static bool Within(string inner, string outer) =>
        inner.StartsWith(outer, StringComparison.Ordinal) && inner.Length > outer.Length && inner[outer.Length] is '.' or '[';

    private static string ByKind(IEnumerable<BadInputCase> cases) =>
        string.Join(", ", Enum.GetValues<BadInputKind>().Select(k => $"{k.ToString().ToLowerInvariant()} {cases.Count(c => c.Kind == k)}"));
}
