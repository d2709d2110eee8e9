using Google.Protobuf;
using Google.Protobuf.Reflection;
using MissionOps.Common.V1;
using MissionOps.Personnel.V1;
using MissionOps.Projects.V1;
using MissionOps.Sites.V1;

namespace MissionOps.Liquidation.Forecast.Kept;

/// <summary>
/// Which of a service's events the forecast keeps (those whose image is one of <paramref name="kept"/>), and what of
/// each image: <paramref name="trim"/> copies only what a forecast reads, so no one's hold or cancel reason is kept here.
/// </summary>
public sealed class KeptFeed(FileDescriptor events, IReadOnlyDictionary<MessageDescriptor, Func<IMessage, IMessage>> kept)
{
    private readonly TypeRegistry _types = TypeRegistry.FromFiles(events);

    public static readonly KeptFeed Sites = new(MissionOps.Sites.V1.EventsReflection.Descriptor, new Dictionary<MessageDescriptor, Func<IMessage, IMessage>>
    {
        [Mission.Descriptor] = image => image,
        [DrawdownPhase.Descriptor] = image => image,
        [Site.Descriptor] = image => image,
    });

    public static readonly KeptFeed Personnel = new(MissionOps.Personnel.V1.EventsReflection.Descriptor, new Dictionary<MessageDescriptor, Func<IMessage, IMessage>>
    {
        [Movement.Descriptor] = image => image is Movement m ? Trimmed(m) : image,
        [ResidualRosterEntry.Descriptor] = image => image is ResidualRosterEntry e ? new ResidualRosterEntry
        {
            Name = e.Name, Person = e.Person, Site = e.Site, EndDate = e.EndDate, DeleteTime = e.DeleteTime,
        } : image,
    });

    public static readonly KeptFeed Projects = new(MissionOps.Projects.V1.EventsReflection.Descriptor, new Dictionary<MessageDescriptor, Func<IMessage, IMessage>>
    {
        [Project.Descriptor] = image => image,
    });

    private static Movement Trimmed(Movement movement)
    {
        var trimmed = new Movement
        {
            Name = movement.Name, OriginSite = movement.OriginSite, PeopleCount = movement.PeopleCount, State = movement.State,
            PlannedDate = movement.PlannedDate, DepartureDate = movement.DepartureDate, ArrivalDate = movement.ArrivalDate,
        };
        if (movement.SubjectCase == Movement.SubjectOneofCase.Person)
        {
            trimmed.Person = movement.Person;
        }
        else
        {
            trimmed.Unit = movement.Unit;
        }

        return trimmed;
    }

    /// <summary>The full names of the events kept, as WatchEvents filters them.</summary>
    public IReadOnlyList<string> EventTypes { get; } = [.. events.MessageTypes
        .Where(m => m.FindFieldByNumber(1) is { FieldType: FieldType.Message } image && kept.ContainsKey(image.MessageType))
        .Select(m => m.FullName)];

    /// <summary>The image an event shows, trimmed, to keep; none for an event the forecast does not read.</summary>
    public KeptImage? Keep(ChangeEvent change)
    {
        if (change.Payload?.Unpack(_types) is not { } happened
            || happened.Descriptor.FindFieldByNumber(1) is not { FieldType: FieldType.Message } field
            || field.Accessor.GetValue(happened) is not IMessage image
            || !kept.TryGetValue(image.Descriptor, out var trim)
            || change.Resource.Split('/') is not ["missions", var mission, ..])
        {
            return null;
        }

        return new KeptImage
        {
            Name = change.Resource,
            MissionId = mission,
            Type = image.Descriptor.FullName,
            Image = trim(image).ToByteArray(),
            Sequence = change.Sequence,
            ChangeTime = change.OccurTime?.ToDateTimeOffset() ?? DateTimeOffset.UnixEpoch,
        };
    }
}
