using MissionOps.Common.V1;
using MissionOps.Liquidation.Forecast;
using MissionOps.Personnel.V1;
using MissionOps.Projects.V1;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.Sites.V1;

namespace MissionOps.Liquidation.Tests.Domain;

/// <summary>The record as the services answer it, read as it stood on a day: what came after that day is still to do.</summary>
public sealed class RecordFactsTests
{
    private const string Sevare = "missions/minusma/sites/sevare";
    private const string Phase2 = "missions/minusma/drawdownPhases/phase-2";
    private static readonly DateOnly November1 = new(2023, 11, 1);

    private static readonly Mission Minusma = new() { Name = "missions/minusma", MandateEndDate = new DateOnly(2023, 6, 30).ToProto() };

    private static readonly DrawdownPhase[] Phases =
    [
        new() { Name = "missions/minusma/drawdownPhases/phase-1", EndDate = new DateOnly(2023, 8, 31).ToProto() },
        new() { Name = Phase2, EndDate = new DateOnly(2023, 12, 31).ToProto() },
    ];

    /// <summary>Sévaré as Sites records it today: closed on 8 December 2023, handed over on 9 December, its steps done in November.</summary>
    private static Site SevareAsRecorded() => new()
    {
        Name = Sevare,
        DisplayName = new LocalizedText { En = "Sévaré", Fr = "Sévaré" },
        State = SiteState.HandedOver,
        OpeningDate = new DateOnly(2013, 7, 1).ToProto(),
        ClosurePlan = new ClosurePlan { DrawdownPhase = Phase2, PlannedClosureDate = new DateOnly(2023, 12, 8).ToProto() },
        ClosureSteps =
        {
            new ClosureStep { Kind = ClosureStepKind.ContingentEquipmentWithdrawn, CompletedDate = new DateOnly(2023, 10, 20).ToProto() },
            new ClosureStep { Kind = ClosureStepKind.HazardousWasteRemoved, CompletedDate = new DateOnly(2023, 11, 20).ToProto() },
        },
        Closure = new SiteClosure { ClosureDate = new DateOnly(2023, 12, 8).ToProto() },
        Handover = new SiteHandover { CeremonyDate = new DateOnly(2023, 12, 9).ToProto() },
    };

    private static Movement Flight(string id, int people, DateOnly planned, DateOnly? departed, DateOnly? arrived, MovementState state,
        string person = "missions/minusma/personnel/p-000001") => new()
    {
        Name = $"missions/minusma/movements/{id}", Person = person, OriginSite = Sevare, PeopleCount = people, State = state, PlannedDate = planned.ToProto(),
        DepartureDate = departed?.ToProto(), ArrivalDate = arrived?.ToProto(),
    };

    private const string Guard = "missions/minusma/personnel/p-010001";

    private static ResidualRosterEntry Retained(string person, string site, DateOnly until) => new()
    {
        Name = $"missions/minusma/residualRosterEntries/{person[(person.LastIndexOf('/') + 1)..]}", Person = person, Site = site, EndDate = until.ToProto(),
    };

    private static ForecastFacts On(DateOnly day, IEnumerable<Movement>? movements = null, IEnumerable<Project>? projects = null,
        IReadOnlyCollection<ResidualRosterEntry>? roster = null) =>
        RecordFacts.AsOf(day, Minusma, Phases, [SevareAsRecorded()], new Dictionary<string, int> { [Sevare] = 4200 },
            roster ?? [Retained(Guard, "missions/minusma/sites/bamako-hq", new(2024, 6, 30))], movements ?? [], projects ?? [], []);

    [Fact]
    public void A_site_closed_and_handed_over_after_the_day_is_read_as_it_stood_with_the_steps_done_by_then()
    {
        var before = Assert.Single(On(November1).Sites);
        Assert.Equal((SiteState.Closing, (DateOnly?)null, (DateOnly?)null, Phase2, 4200), (before.State, before.ClosedOn, before.HandedOverOn, before.Phase, before.PeopleRemaining));
        Assert.Equal([ClosureStepKind.UnEquipmentRemoved, ClosureStepKind.HazardousWasteRemoved, ClosureStepKind.EnvironmentalCloseoutAssessment,
            ClosureStepKind.JointEnvironmentalInspection, ClosureStepKind.ExplosiveHazardSurvey], before.StepsRemaining.Select(s => s.Kind));

        var after = Assert.Single(On(new DateOnly(2023, 12, 10)).Sites);
        Assert.Equal((SiteState.HandedOver, new DateOnly(2023, 12, 8), new DateOnly(2023, 12, 9)), (after.State, after.ClosedOn!.Value, after.HandedOverOn!.Value));
        Assert.Equal(new DateOnly(2023, 12, 31), On(November1).WithdrawalDeadline);
    }

    [Fact]
    public void Movements_read_as_they_stood_planned_on_their_way_gone_or_held_and_the_residual_team_s_left_out()
    {
        var facts = On(November1,
        [
            Flight("gone", 100, new(2023, 10, 5), new(2023, 10, 5), new(2023, 10, 5), MovementState.Completed),
            Flight("on-its-way", 50, new(2023, 11, 2), new(2023, 10, 30), new(2023, 11, 2), MovementState.Completed),
            Flight("later", 140, new(2023, 12, 8), new(2023, 12, 8), new(2023, 12, 8), MovementState.Completed),
            Flight("cancelled", 30, new(2023, 11, 15), null, null, MovementState.Cancelled),
            Flight("held", 60, new(2023, 11, 20), new(2023, 11, 19), null, MovementState.Held),
            Flight("guard-out", 1, new(2024, 6, 30), null, null, MovementState.Planned, person: Guard),
        ]);

        Assert.Equal(
        [
            ("missions/minusma/movements/on-its-way", MovementState.InTransit, 50),
            ("missions/minusma/movements/later", MovementState.Planned, 140),
            ("missions/minusma/movements/held", MovementState.Held, 60),
        ], facts.Movements.Select(m => (m.Name, m.State, m.People)));
        Assert.Equal(new DateOnly(2023, 12, 8), facts.Movements[1].PlannedDate);
    }

    [Fact]
    public void A_site_where_the_residual_roster_keeps_people_past_the_day_is_kept_until_the_last_retention_ends()
    {
        Assert.Null(Assert.Single(On(November1).Sites).RetainedUntil);

        var kept = On(November1, roster: [Retained(Guard, Sevare, new(2024, 3, 31)), Retained("missions/minusma/personnel/p-010002", Sevare, new(2024, 6, 30))]);
        Assert.Equal(new DateOnly(2024, 6, 30), Assert.Single(kept.Sites).RetainedUntil);

        // A retention over by the day keeps nothing.
        var over = On(new DateOnly(2023, 11, 2), roster: [Retained(Guard, Sevare, November1)]);
        Assert.Null(Assert.Single(over.Sites).RetainedUntil);
    }

    [Fact]
    public void A_held_movement_is_held_since_the_day_its_feed_recorded_the_hold_or_the_forecast_s_day_when_that_came_later()
    {
        Movement[] held = [Flight("held-early", 60, new(2023, 11, 20), new(2023, 10, 28), null, MovementState.Held),
            Flight("held-later", 40, new(2023, 11, 20), null, null, MovementState.Held)];
        var days = new Dictionary<string, DateOnly> { [held[0].Name] = new(2023, 10, 29), [held[1].Name] = new(2026, 12, 2) };

        var facts = RecordFacts.AsOf(November1, Minusma, Phases, [SevareAsRecorded()], new Dictionary<string, int>(), [], held, [], [], days);

        Assert.Equal([new DateOnly(2023, 10, 29), November1], facts.Movements.Select(m => m.HeldSince!.Value));
        Assert.Equal(new DateOnly(2023, 11, 20), Forecaster.Forecast(facts).Site(Sevare).CriticalPath
            .Single(b => b.Resource == held[0].Name).Date);
    }

    [Fact]
    public void A_project_handed_over_after_the_day_is_open_with_its_planned_end_and_a_cancelled_one_is_not()
    {
        Project School(string id, ActivityStatus status, DateOnly? handedOver) => new()
        {
            Name = $"missions/minusma/projects/{id}", Title = new LocalizedText { En = id }, Status = status,
            Dates = new ActivityDates { PlannedEnd = new DateOnly(2023, 11, 30).ToProto() },
            Locations = { new ProjectLocation { Site = Sevare } },
            Handover = handedOver is { } day ? new ProjectHandover { HandoverDate = day.ToProto() } : null,
        };

        var facts = On(November1, projects:
        [
            School("handed-over-in-october", ActivityStatus.Closed, new(2023, 10, 15)),
            School("handed-over-in-november", ActivityStatus.Closed, new(2023, 11, 28)),
            School("cancelled", ActivityStatus.Cancelled, null),
            School("open", ActivityStatus.Implementation, null),
        ]);

        Assert.Equal([("missions/minusma/projects/handed-over-in-november", Sevare), ("missions/minusma/projects/open", Sevare)],
            facts.Projects.Select(p => (p.Name, p.Site!)));
        Assert.All(facts.Projects, p => Assert.Equal(new DateOnly(2023, 11, 30), p.PlannedHandover));
    }

    [Fact]
    public void Sevare_forecast_from_its_record_of_1_november_closes_with_its_last_flight_of_8_december()
    {
        var facts = On(November1,
        [
            Flight("p-000001", 4060, new(2023, 11, 20), new(2023, 11, 20), new(2023, 11, 20), MovementState.Completed),
            Flight("p-004200", 140, new(2023, 12, 8), new(2023, 12, 8), new(2023, 12, 8), MovementState.Completed),
        ]);

        var sevare = Forecaster.Forecast(facts).Site(Sevare);

        Assert.Equal(new DateOnly(2023, 12, 8), sevare.Closure);
        Assert.Equal("missions/minusma/movements/p-004200", sevare.CriticalPath[0].Resource);
        Assert.False(sevare.AtRisk);
    }
}
