using Google.Protobuf;
using Google.Protobuf.Reflection;
using MissionOps.Common.V1;
using Xunit;

namespace MissionOps.Testing;

/// <summary>
/// A partner's copy of a service's data, built from its feed alone: each event's field 1 is the resource as it
/// became, so the copy keeps the last one seen of each resource name.
/// </summary>
public sealed class FeedMirror
{
    private readonly Dictionary<string, IMessage> _resources = new(StringComparer.Ordinal);

    public FeedMirror(IEnumerable<ChangeEvent> feed, FileDescriptor events)
    {
        var registry = TypeRegistry.FromFiles(events);
        foreach (var change in feed)
        {
            var message = change.Payload.Unpack(registry)
                ?? throw new InvalidOperationException($"{change.Payload.TypeUrl} is not a message of {events.Name}");
            _resources[change.Resource] = (IMessage)message.Descriptor.FindFieldByNumber(1).Accessor.GetValue(message);
        }
    }

    /// <summary>The copies of one type of resource (<c>Site</c>).</summary>
    public IReadOnlyDictionary<string, IMessage> Of(MessageDescriptor type) =>
        _resources.Where(r => r.Value.Descriptor == type).ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);

    /// <summary>Every resource the service answers with is in the copy, equal field by field, and the copy holds nothing else.</summary>
    public void AssertMirrors<T>(IEnumerable<T> actual, Func<T, string> name) where T : IMessage<T>
    {
        var served = actual.ToDictionary(name, r => (IMessage)r, StringComparer.Ordinal);
        var copied = Of(served.Values.FirstOrDefault()?.Descriptor ?? ((IMessage)Activator.CreateInstance<T>()).Descriptor);
        Assert.Equal(served.Keys.Order(StringComparer.Ordinal), copied.Keys.Order(StringComparer.Ordinal));
        var differences = served.Where(r => !r.Value.Equals(copied[r.Key])).Select(r => r.Key).ToList();
        Assert.True(differences.Count == 0, $"The feed's copy differs from the service for {differences.Count}: {string.Join(", ", differences.Take(10))}; " +
            string.Join(" ", differences.Take(1).Select(d => $"served {served[d]}, copied {copied[d]}")));
    }

    /// <summary>The same for what a list answered, then for what a get answers for each of its names.</summary>
    public async Task AssertMirrorsAsync<T>(IEnumerable<T> listed, Func<T, string> name, Func<string, Task<T>> get) where T : IMessage<T>
    {
        var all = listed.ToList();
        AssertMirrors(all, name);
        AssertMirrors(await Task.WhenAll(all.Select(r => get(name(r)))), name);
    }
}
