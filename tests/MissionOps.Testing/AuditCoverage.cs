using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using MissionOps.Common.V1;
using MissionOps.ServiceDefaults.Security;
using Xunit;

namespace MissionOps.Testing;

/// <summary>
/// Shows, for each change a service offers, that it writes exactly one audit entry, none again when
/// retried with the same request id, and none when refused. The changes are the RPCs whose request
/// carries a <c>request_id</c>; each test project says, per change, how to arrange what it needs and
/// returns the change itself, its request built once so that calling it again is a true retry.
/// </summary>
public static class AuditCoverage
{
    private const string Subject = "test-user";

    /// <summary>The RPCs that change something: their request carries a <c>request_id</c>.</summary>
    public static IReadOnlyList<string> Changes(ServiceDescriptor contract) =>
        [.. contract.Methods.Where(m => DynamicCall.HasRequestId(m.InputType)).Select(m => m.Name).Order(StringComparer.Ordinal)];

    /// <summary>The changes as theory data: one test case each, named after its RPC.</summary>
    public static TheoryData<string> ChangesOf(ServiceDescriptor contract) => new(Changes(contract));

    /// <summary>The scenario of a change that needs nothing arranged.</summary>
    public static Func<Task<Func<Task>>> Unarranged<TRequest>(TRequest request, Func<TRequest, Task> change) =>
        () => Task.FromResult<Func<Task>>(() => change(request));

    /// <summary>
    /// Every change has a scenario and no scenario names anything else; and the RPCs the permission map
    /// opens to more than readers are exactly the changes, reading the audit log aside.
    /// </summary>
    public static void CheckScenarios(ServiceDescriptor contract, IEnumerable<string> scenarios, IReadOnlyDictionary<string, Access> declared)
    {
        var changes = Changes(contract);
        Assert.Equal(changes, scenarios.Order(StringComparer.Ordinal));
        Assert.Equal(changes, declared.Where(d => d.Value is not (Access.Read or Access.ReadPersonal) && d.Key != "ListAuditEntries").Select(d => d.Key).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Arranges the change, makes it, makes it again with the same request, then sends the RPC a request
    /// that names only the mission and a fresh request id (or, to a change that needs no more, a request id that is no
    /// UUID) through <paramref name="administrator"/>. With
    /// <paramref name="events"/> (the messages of the service's events.proto), the change must also put at
    /// least one event on the feed, each of a type the contract declares carrying the changed resource, and
    /// the retry and the refusal none.
    /// </summary>
    public static async Task CheckAsync(ServiceDescriptor contract, string rpc, Func<Task<Func<Task>>> scenario,
        Func<Task<IReadOnlyList<AuditEntry>>> entries, CallInvoker administrator, FileDescriptor? events = null)
    {
        var parent = $"missions/{AuthorizationMatrix.Mission}";
        Task<IReadOnlyList<ChangeEvent>> Feed(long after) => FeedReader.ReadAsync(administrator, contract, parent, after);
        // Reading the log is itself audited when it shows personal data: the entries counted are the changes, those with a request id.
        async Task<IReadOnlyList<AuditEntry>> Changes() => [.. (await entries()).Where(e => e.RequestId.Length > 0)];
        var change = await scenario();
        var before = (await Changes()).Count;
        var lastEvent = events is null ? 0 : (await Feed(0)).LastOrDefault()?.Sequence ?? 0;

        await change();
        var made = await Changes();
        if (events is not null)
        {
            var raised = await Feed(lastEvent);
            Assert.True(raised.Count > 0, $"{rpc} put no event on the feed");
            foreach (var e in raised)
            {
                var type = events.MessageTypes.SingleOrDefault(m => m.FullName == e.Type);
                Assert.True(type is not null, $"{rpc} raised {e.Type}, which is not a message of {events.Name}");
                var image = (IMessage)type!.FindFieldByNumber(1).Accessor.GetValue(e.Payload.Unpack(TypeRegistry.FromFiles(events)));
                Assert.Equal(e.Resource, image.Descriptor.FindFieldByName("name").Accessor.GetValue(image));
            }

            lastEvent = raised[^1].Sequence;
        }

        AssertCount(before + 1, made, "the change");
        var entry = made.MaxBy(e => e.Sequence)!;
        Assert.EndsWith($"/{rpc}", entry.Method, StringComparison.Ordinal);
        Assert.Equal(Subject, entry.Subject);
        Assert.Matches($"^missions/{AuthorizationMatrix.Mission}(/.+)?$", entry.Resource);
        Assert.NotNull(entry.After);
        Assert.NotEmpty(entry.RequestId);

        await change();
        AssertCount(before + 1, await Changes(), "the retry with the same request id");

        var method = contract.FindMethodByName(rpc);
        var refused = DynamicCall.RequestFor(method.InputType);
        // A change that needs nothing but its mission (publishing a file) is refused a request id that is no UUID instead.
        var needsMore = method.InputType.Fields.InDeclarationOrder().Any(f => f.Name is not ("parent" or "request_id"));
        DynamicCall.SetRequestId(refused, needsMore ? Guid.NewGuid().ToString() : "not-a-uuid");
        var status = await DynamicCall.CallAsync(administrator, method, refused);
        Assert.True(status != StatusCode.OK, $"{rpc} with only the mission and a request id was not refused");
        AssertCount(before + 1, await Changes(), "the refused call");
        // One read of the feed for both, each a second's wait for the feed to fall quiet.
        if (events is not null)
        {
            var after = await Feed(lastEvent);
            Assert.True(after.Count == 0, $"The retry with the same request id or the refused call put {after.Count} events on the feed");
        }
    }

    private static void AssertCount(int expected, IReadOnlyList<AuditEntry> entries, string after) =>
        Assert.True(entries.Count == expected, $"After {after}, {entries.Count} audit entries where {expected} were expected");
}
