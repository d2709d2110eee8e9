using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using MissionOps.Personnel.V1;
using MissionOps.ServiceDefaults.Events;

namespace MissionOps.Personnel.Tests.Domain;

public sealed class OutboxRowTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(200)]
    [InlineData(20_000)]
    public void A_bulk_event_is_stored_as_the_bytes_any_pack_makes_of_it(int nameLength)
    {
        // Long enough images make every length prefix take more than one byte.
        var image = new Movement { Name = "missions/minusma/movements/" + new string('m', nameLength), PeopleCount = 140, State = MovementState.Completed };
        var expected = Any.Pack(new MovementCompleted { Movement = image }).ToByteArray();

        var row = OutboxRow.Wrapping("minusma", image.Name, MovementCompleted.Descriptor, image.ToByteString());

        Assert.Equal(expected, row.Payload);
        Assert.Equal("missionops.personnel.v1.MovementCompleted", row.Type);
    }
}
