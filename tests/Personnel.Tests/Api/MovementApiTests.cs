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
        var toMenaka = MovePerson("convoy-1", "amadou", Sevare, "missions/minusma/sites/menaka", Day(2023, 11, 30));
        var repatriationWithDestination = MovePerson("flight-1", "amadou", Sevare, null, Day(2023, 11, 30));
        repatriationWithDestination.Movement.DestinationSite = Headquarters;

        await RpcAssert.InvalidArgument(() => Client.CreateMovementAsync(toMenaka).ResponseAsync, "movement.destination_site");
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
    [Fact]
    public async Task A_person_moved_from_a_site_they_are_not_at_is_refused_with_where_they_are()
    {
        await HireAsync("amadou", site: Douentza);

        var refused = await RpcAssert.InvalidArgument(
            () => Client.CreateMovementAsync(MovePerson("flight-1", "amadou", Sevare, null, Day(2023, 12, 7))).ResponseAsync,
            "movement.origin_site");

        Assert.Equal($"{PersonName("amadou")} is at {Douentza} on 2023-12-07, not at {Sevare}", Assert.Single(refused).Description);
        Assert.Empty((await Client.ListMovementsAsync(new ListMovementsRequest { Parent = Minusma })).Movements);
    }

    [Fact]
    public async Task Planned_movements_chain_each_from_where_the_last_one_takes_the_person()
    {
        await HireAsync("amadou");
        await Client.CreateMovementAsync(MovePerson("convoy-1", "amadou", Sevare, Douentza, Day(2030, 11, 30)));

        var fromSevare = MovePerson("flight-1", "amadou", Sevare, null, Day(2030, 12, 7));
        var refused = await RpcAssert.InvalidArgument(() => Client.CreateMovementAsync(fromSevare).ResponseAsync, "movement.origin_site");
        Assert.Contains($"is at {Douentza} on 2030-12-07", Assert.Single(refused).Description);

        var flight = await Client.CreateMovementAsync(MovePerson("flight-1", "amadou", Douentza, null, Day(2030, 12, 7)));

        Assert.Equal(MovementState.Planned, flight.State);
        Assert.Equal(Douentza, Assert.Single((await Client.GetHeadcountAsync(HeadcountAt(Day(2030, 12, 6)))).Lines).Site);
        Assert.Equal(0, (await Client.GetHeadcountAsync(HeadcountAt(Day(2030, 12, 8)))).Total);
    }

    [Fact]
    public async Task A_second_repatriation_of_the_same_person_is_refused_and_a_retry_of_the_first_is_not()
    {
        await HireAsync("amadou");
        var first = MovePerson("flight-1", "amadou", Sevare, null, Day(2023, 12, 7));
        var planned = await Client.CreateMovementAsync(first);

        Assert.Equal(planned, await Client.CreateMovementAsync(first));
        var again = await RpcAssert.InvalidArgument(
            () => Client.CreateMovementAsync(MovePerson("flight-2", "amadou", Sevare, null, Day(2023, 12, 9))).ResponseAsync,
            "movement.person");
        Assert.Equal($"{PersonName("amadou")} has already left the mission by 2023-12-09", Assert.Single(again).Description);
        Assert.Equal(MovementName("flight-1"), Assert.Single((await Client.ListMovementsAsync(new ListMovementsRequest { Parent = Minusma })).Movements).Name);
    }

    [Fact]
    public async Task Repatriations_of_the_same_person_planned_at_once_let_exactly_one_through()
    {
        await HireAsync("amadou");
        var flights = Enumerable.Range(1, 6).Select(i => MovePerson($"flight-{i}", "amadou", Sevare, null, Day(2023, 12, 7))).ToList();

        var outcomes = (await Task.WhenAll(flights.Select(f => RpcAssert.OutcomeOf(Client.CreateMovementAsync(f).ResponseAsync)))).Select(o => o.Code).ToList();

        Assert.Equal(1, outcomes.Count(o => o == StatusCode.OK));
        Assert.All(outcomes.Where(o => o != StatusCode.OK), o => Assert.Equal(StatusCode.InvalidArgument, o));
        Assert.Single((await Client.ListMovementsAsync(new ListMovementsRequest { Parent = Minusma })).Movements);
    }

    [Fact]
    public async Task A_person_cannot_move_before_their_assignment()
    {
        await HireAsync("amadou");

        var refused = await RpcAssert.InvalidArgument(
            () => Client.CreateMovementAsync(MovePerson("flight-1", "amadou", Sevare, null, Day(2023, 1, 10))).ResponseAsync,
            "movement.person");

        Assert.Equal($"{PersonName("amadou")} is not yet assigned to the mission on 2023-01-10", Assert.Single(refused).Description);
    }

    [Fact]
    public async Task A_unit_with_a_member_elsewhere_is_refused_naming_that_member()
    {
        await Client.CreateUnitAsync(CreateUnit("douentza-company"));
        foreach (var id in new[] { "s1", "s2", "s3" })
        {
            await HireAsync(id, site: Douentza, unit: UnitName("douentza-company"));
        }

        await Client.CreateMovementAsync(MovePerson("s2-to-hq", "s2", Douentza, Headquarters, Day(2023, 11, 20)));

        var refused = await RpcAssert.InvalidArgument(
            () => Client.CreateMovementAsync(MoveUnit("company-convoy", "douentza-company", Douentza, Sevare, Day(2023, 11, 27))).ResponseAsync,
            "movement.origin_site");

        Assert.Equal($"{PersonName("s2")} is at {Headquarters} on 2023-11-27, not at {Douentza}", Assert.Single(refused).Description);
        Assert.Equal(MovementName("s2-to-hq"), Assert.Single((await Client.ListMovementsAsync(new ListMovementsRequest { Parent = Minusma })).Movements).Name);
    }

    [Fact]
    public async Task A_unit_with_no_members_has_nobody_to_move()
    {
        await Client.CreateUnitAsync(CreateUnit("empty-company"));

        await RpcAssert.FailedPrecondition(
            () => Client.CreateMovementAsync(MoveUnit("empty-convoy", "empty-company", Douentza, Sevare, Day(2023, 11, 27))).ResponseAsync,
            "UNIT_HAS_NO_MEMBERS");

        Assert.Empty((await Client.ListMovementsAsync(new ListMovementsRequest { Parent = Minusma })).Movements);
    }
}
