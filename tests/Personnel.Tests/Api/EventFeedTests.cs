using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using MissionOps.Common.V1;
using MissionOps.Personnel.V1;
using MissionOps.Testing;
using static MissionOps.Personnel.Tests.Api.Requests;

namespace MissionOps.Personnel.Tests.Api;

public sealed class EventFeedTests(PersonnelApp app) : PersonnelApiTest(app)
{
    private static readonly TypeRegistry Events = TypeRegistry.FromFiles(EventsReflection.Descriptor);

    [Fact]
    public async Task A_type_the_service_does_not_raise_is_refused_naming_it()
    {
        var call = Client.WatchEvents(new WatchEventsRequest
        {
            Parent = Minusma, EventTypes = { MovementCompleted.Descriptor.FullName, "missionops.personnel.v1.Movement" },
        });

        await RpcAssert.InvalidArgument(() => call.ResponseStream.MoveNext(CancellationToken.None), "event_types[1]");
    }

    [Fact]
    public async Task A_movements_lifecycle_is_on_the_feed_as_its_events_each_carrying_the_movement_as_it_became()
    {
        await HireAsync("amadou");
        var answers = new List<Movement>
        {
            await Client.CreateMovementAsync(MovePerson("convoy-1", "amadou", Sevare, Headquarters, Day(2023, 11, 30))),
            await Client.StartMovementAsync(Start("convoy-1", Day(2023, 11, 28))),
            await Client.HoldMovementAsync(Hold("convoy-1")),
            await Client.ResumeMovementAsync(new ResumeMovementRequest { Name = MovementName("convoy-1"), RequestId = NewId() }),
            await Client.CompleteMovementAsync(Complete("convoy-1", Day(2023, 12, 1))),
        };

        var feed = (await FeedReader.ReadAsync(App.Service.Channel.CreateCallInvoker(), PersonnelService.Descriptor, Minusma))
            .Where(e => e.Resource == MovementName("convoy-1")).ToList();

        Assert.Equal(
            [MovementCreated.Descriptor, MovementStarted.Descriptor, MovementHeld.Descriptor, MovementResumed.Descriptor, MovementCompleted.Descriptor],
            feed.Select(e => Events.Find(Any.GetTypeName(e.Payload.TypeUrl))));
        Assert.All(feed, e => Assert.Equal(Any.GetTypeName(e.Payload.TypeUrl), e.Type));
        Assert.Equal(answers, feed.Select(MovementIn));
    }

    private static Movement MovementIn(ChangeEvent e)
    {
        var message = e.Payload.Unpack(Events);
        return (Movement)message.Descriptor.FindFieldByNumber(1).Accessor.GetValue(message);
    }

    [Fact]
    public async Task A_person_is_on_the_feed_where_they_are_when_recorded_and_when_corrected()
    {
        var hired = await HireAsync("amadou");
        hired.FullName = "Amadou Traoré";
        var corrected = await Client.UpdatePersonAsync(UpdatePerson(hired, "full_name"));

        var feed = (await FeedReader.ReadAsync(App.Service.Channel.CreateCallInvoker(), PersonnelService.Descriptor, Minusma))
            .Where(e => e.Resource == PersonName("amadou")).ToList();

        Assert.Equal([PersonCreated.Descriptor.FullName, PersonUpdated.Descriptor.FullName], feed.Select(e => e.Type));
        Assert.Equal(corrected, feed[1].Payload.Unpack<PersonUpdated>().Person);
        Assert.Equal(Sevare, feed[0].Payload.Unpack<PersonCreated>().Person.CurrentSite);
    }
}
