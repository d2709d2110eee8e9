using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace MissionOps.ServiceDefaults.Changes;

/// <summary>
/// How a service's aggregates appear in its contract: each one's image (the resource message) and,
/// for each value of its event enum, the event message named after both (<c>Site</c> and
/// <c>HandedOver</c> give <c>SiteHandedOver</c>), whose field 1 is the image. Checked when built,
/// so an event the contract lacks stops the service from starting rather than a change.
/// </summary>
public sealed class ChangeContracts
{
    private readonly Dictionary<Type, Func<IAggregate, IMessage>> _images = [];
    private readonly Dictionary<Enum, MessageDescriptor> _events = [];
    private readonly HashSet<string> _eventTypes = new(StringComparer.Ordinal);
    private readonly FileDescriptor _eventsFile;

    public ChangeContracts(FileDescriptor eventsFile)
    {
        _eventsFile = eventsFile;
        Types = TypeRegistry.FromFiles(eventsFile);
    }

    /// <summary>The full names of every event message the service raises, as WatchEvents filters them.</summary>
    public IReadOnlySet<string> EventTypes => _eventTypes;

    /// <summary>Every message an event may carry, to unpack its payload.</summary>
    public TypeRegistry Types { get; }

    public ChangeContracts Add<TAggregate, TEvent, TImage>(Func<TAggregate, TImage> image)
        where TAggregate : Aggregate<TEvent>, IAggregate
        where TEvent : struct, Enum
        where TImage : IMessage<TImage>, new()
    {
        var imageType = new TImage().Descriptor;
        _images[typeof(TAggregate)] = a => image((TAggregate)a);
        foreach (var happened in Enum.GetValues<TEvent>())
        {
            var name = imageType.Name + happened;
            var message = _eventsFile.MessageTypes.SingleOrDefault(m => m.Name == name)
                ?? throw new InvalidOperationException($"{_eventsFile.Name} has no message {name} for {typeof(TEvent).Name}.{happened}.");
            if (message.FindFieldByNumber(1) is not { FieldType: FieldType.Message } field || field.MessageType != imageType)
            {
                throw new InvalidOperationException($"{message.FullName}'s field 1 must be the {imageType.FullName} after the change.");
            }

            _events[happened] = message;
            _eventTypes.Add(message.FullName);
        }

        return this;
    }

    /// <summary>The aggregate as its contract shows it.</summary>
    public IMessage ImageOf(IAggregate aggregate) =>
        _images.TryGetValue(aggregate.GetType(), out var image)
            ? image(aggregate)
            : throw new InvalidOperationException($"{aggregate.GetType().Name} has no image in the contract; add it to the service's ChangeContracts.");

    /// <summary>The resource an event of the feed carries (its field 1), unpacked.</summary>
    public IMessage ImageIn(MissionOps.Common.V1.ChangeEvent change)
    {
        var message = change.Payload.Unpack(Types)
            ?? throw new InvalidOperationException($"{change.Payload.TypeUrl} is not an event of this service.");
        return (IMessage)message.Descriptor.FindFieldByNumber(1).Accessor.GetValue(message);
    }

    /// <summary>The message of the contract for what happened (<c>SiteEvent.HandedOver</c> is <c>SiteHandedOver</c>); its field 1 is the image.</summary>
    public MessageDescriptor EventType(Enum happened) =>
        _events.TryGetValue(happened, out var found)
            ? found
            : throw new InvalidOperationException($"{happened.GetType().Name}.{happened} has no event in the contract.");

    /// <summary>The event message for what happened to the aggregate, carrying its image.</summary>
    public IMessage EventOf(IAggregate aggregate, Enum happened) => EventOf(happened, ImageOf(aggregate));

    /// <summary>The event message for what happened, carrying an image already made (one image serves all the events of one change).</summary>
    public IMessage EventOf(Enum happened, IMessage image)
    {
        var type = EventType(happened);
        var message = type.Parser.ParseFrom(ByteString.Empty);
        type.FindFieldByNumber(1).Accessor.SetValue(message, image);
        return message;
    }
}
