using Grpc.Core;
using MissionOps.Personnel.V1;
using MissionOps.Testing;
using static MissionOps.Personnel.Tests.Api.Requests;

namespace MissionOps.Personnel.Tests.Api;

public sealed class MovementApiTests(PersonnelApp app) : PersonnelApiTest(app)
{
    [Fact]
    public async Task A_held_convoy_resumed_and_completed_moves_its_person()
    {
        await HireAsync("amadou");
        await Client.CreateMovementAsync(MovePerson("convoy-1", "amadou", Sevare, Headquarters, Day(2023, 11, 30)));
        await Client.StartMovementAsync(Start("convoy-1", Day(2023, 11, 28)));

        var held = await Client.HoldMovementAsync(Hold("convoy-1"));
        Assert.Equal(MovementState.Held, held.State);
        Assert.Equal("Convoi arrêté par des restrictions de mouvement", held.HoldReason.Fr);
        Assert.Equal(Sevare, (await Client.GetPersonAsync(new GetPersonRequest { Name = $"{Minusma}/personnel/amadou" })).CurrentSite);

        await Client.ResumeMovementAsync(new ResumeMovementRequest { Name = MovementName("convoy-1"), RequestId = NewId() });
        var completed = await Client.CompleteMovementAsync(Complete("convoy-1", Day(2023, 12, 1)));

        Assert.Equal(MovementState.Completed, completed.State);
        Assert.Equal(Day(2023, 12, 1), completed.ArrivalDate);
        Assert.Equal(Headquarters, (await Client.GetPersonAsync(new GetPersonRequest { Name = $"{Minusma}/personnel/amadou" })).CurrentSite);
    }

    [Fact]
    public async Task A_completed_repatriation_takes_the_person_out_of_the_mission()
    {
        await HireAsync("amadou");
        await Client.CreateMovementAsync(MovePerson("flight-1", "amadou", Sevare, null, Day(2023, 12, 7)));
        await Client.StartMovementAsync(Start("flight-1", Day(2023, 12, 7)));
        await Client.CompleteMovementAsync(Complete("flight-1", Day(2023, 12, 7)));

        var person = await Client.GetPersonAsync(new GetPersonRequest { Name = $"{Minusma}/personnel/amadou" });

        Assert.True(person.Repatriated);
        Assert.Empty(person.CurrentSite);
    }

    [Fact]
    public async Task A_forbidden_transition_is_refused_with_the_states_named()
    {
        await HireAsync("amadou");
        await Client.CreateMovementAsync(MovePerson("convoy-1", "amadou", Sevare, Headquarters, Day(2023, 11, 30)));

        var missing = await RpcAssert.FailedPrecondition(() => Client.CompleteMovementAsync(Complete("convoy-1", Day(2023, 12, 1))).ResponseAsync,
            "MOVEMENT_TRANSITION_NOT_ALLOWED");

        Assert.Equal("must be MOVEMENT_STATE_IN_TRANSIT", Assert.Single(missing).Description);
        Assert.Equal(MovementState.Planned, (await Client.GetMovementAsync(new GetMovementRequest { Name = MovementName("convoy-1") })).State);
    }

    [Fact]
    public async Task A_cancelled_movement_moves_nobody()
    {
        await HireAsync("amadou");
        await Client.CreateMovementAsync(MovePerson("convoy-1", "amadou", Sevare, Headquarters, Day(2030, 1, 10)));

        var cancelled = await Client.CancelMovementAsync(new CancelMovementRequest
        {
            Name = MovementName("convoy-1"),
            Reason = Text("Route closed", "Route fermée"),
            RequestId = NewId(),
        });

        Assert.Equal(MovementState.Cancelled, cancelled.State);
        var forecast = await Client.GetHeadcountAsync(HeadcountAt(Day(2030, 2, 1)));
        Assert.Equal(Sevare, Assert.Single(forecast.Lines).Site);
    }

    [Fact]
    public async Task A_stale_etag_is_aborted_and_a_retry_changes_nothing_twice()
    {
        await HireAsync("amadou");
        var planned = await Client.CreateMovementAsync(MovePerson("convoy-1", "amadou", Sevare, Headquarters, Day(2023, 11, 30)));
        var start = Start("convoy-1", Day(2023, 11, 28));
        start.Etag = planned.Etag;

        var started = await Client.StartMovementAsync(start);
        var retried = await Client.StartMovementAsync(start);
        Assert.Equal(started, retried);

        var hold = Hold("convoy-1");
        hold.Etag = planned.Etag;
        await RpcAssert.Fails(StatusCode.Aborted, () => Client.HoldMovementAsync(hold).ResponseAsync);
        Assert.Equal(MovementState.InTransit, (await Client.GetMovementAsync(new GetMovementRequest { Name = MovementName("convoy-1") })).State);
    }

    [Fact]
    public async Task A_unit_moves_with_all_its_members()
    {
        await Client.CreateUnitAsync(CreateUnit("douentza-company"));
        foreach (var id in new[] { "s1", "s2", "s3" })
        {
            await HireAsync(id, site: Douentza, unit: $"{Minusma}/units/douentza-company");
        }

        var movement = await Client.CreateMovementAsync(MoveUnit("company-convoy", "douentza-company", Douentza, Sevare, Day(2023, 11, 27)));
        await Client.StartMovementAsync(Start("company-convoy", Day(2023, 11, 26)));
        await Client.CompleteMovementAsync(Complete("company-convoy", Day(2023, 11, 27)));

        Assert.Equal(3, movement.PeopleCount);
        Assert.Equal($"{Minusma}/units/douentza-company", movement.Unit);
        var after = await Client.GetHeadcountAsync(HeadcountAt(Day(2023, 11, 28)));
        Assert.Equal((Sevare, 3), (Assert.Single(after.Lines).Site, after.Total));
        var before = await Client.GetHeadcountAsync(HeadcountAt(Day(2023, 11, 26)));
        Assert.Equal(Douentza, Assert.Single(before.Lines).Site);
    }

    [Fact]
    public async Task Movements_to_unknown_sites_or_out_of_a_repatriation_are_refused_by_field()
    {
        await HireAsync("amadou");
        var toGao = MovePerson("convoy-1", "amadou", Sevare, "missions/minusma/sites/gao", Day(2023, 11, 30));
        var repatriationWithDestination = MovePerson("flight-1", "amadou", Sevare, null, Day(2023, 11, 30));
        repatriationWithDestination.Movement.DestinationSite = Headquarters;

        await RpcAssert.InvalidArgument(() => Client.CreateMovementAsync(toGao).ResponseAsync, "movement.destination_site");
        await RpcAssert.InvalidArgument(() => Client.CreateMovementAsync(repatriationWithDestination).ResponseAsync, "movement.destination_site");
        Assert.Empty((await Client.ListMovementsAsync(new ListMovementsRequest { Parent = Minusma })).Movements);
    }

    [Fact]
    public async Task Movements_list_by_state_and_site()
    {
        await HireAsync("a1");
        await HireAsync("a2", site: Douentza);
        await Client.CreateMovementAsync(MovePerson("m1", "a1", Sevare, Headquarters, Day(2023, 11, 30)));
        await Client.CreateMovementAsync(MovePerson("m2", "a2", Douentza, null, Day(2023, 11, 30)));
        await Client.StartMovementAsync(Start("m2", Day(2023, 11, 29)));

        var inTransit = await Client.ListMovementsAsync(new ListMovementsRequest { Parent = Minusma, State = MovementState.InTransit });
        var atHeadquarters = await Client.ListMovementsAsync(new ListMovementsRequest { Parent = Minusma, Site = Headquarters });

        Assert.Equal(MovementName("m2"), Assert.Single(inTransit.Movements).Name);
        Assert.Equal(MovementName("m1"), Assert.Single(atHeadquarters.Movements).Name);
    }
}
