using MissionOps.Personnel.V1;
using MissionOps.Testing;
using static MissionOps.Personnel.Tests.Api.Requests;

namespace MissionOps.Personnel.Tests.Api;

public sealed class HeadcountApiTests(PersonnelApp app) : PersonnelApiTest(app)
{
    [Fact]
    public async Task Headcount_of_a_past_day_counts_completed_movements_by_their_arrival()
    {
        await HireAsync("soldier");
        await HireAsync("officer", category: Category.StaffOfficer);
        await HireAsync("civilian", category: Category.InternationalCivilian);
        await Client.CreateMovementAsync(MovePerson("m1", "soldier", Sevare, Headquarters, Day(2023, 11, 30)));
        await Client.StartMovementAsync(Start("m1", Day(2023, 11, 29)));
        await Client.CompleteMovementAsync(Complete("m1", Day(2023, 12, 2)));

        var beforeArrival = await Client.GetHeadcountAsync(HeadcountAt(Day(2023, 12, 1)));
        var afterArrival = await Client.GetHeadcountAsync(HeadcountAt(Day(2023, 12, 2)));
        var beforeAnyone = await Client.GetHeadcountAsync(HeadcountAt(Day(2022, 12, 31)));

        Assert.Equal(3, beforeArrival.Total);
        Assert.All(beforeArrival.Lines, l => Assert.Equal(Sevare, l.Site));
        Assert.Contains(afterArrival.Lines, l => l is { Category: Category.Contingent, Count: 1 } && l.Site == Headquarters);
        Assert.Equal(2, afterArrival.Lines.Where(l => l.Site == Sevare).Sum(l => l.Count));
        Assert.Equal(0, beforeAnyone.Total);
        Assert.False(afterArrival.Forecast);
    }

    [Fact]
    public async Task A_future_day_is_a_forecast_counting_planned_movements()
    {
        await HireAsync("soldier");
        await Client.CreateMovementAsync(MovePerson("m1", "soldier", Sevare, null, Day(2031, 3, 1)));

        var today = await Client.GetHeadcountAsync(new GetHeadcountRequest { Parent = Minusma });
        var beforePlan = await Client.GetHeadcountAsync(HeadcountAt(Day(2031, 2, 28)));
        var afterPlan = await Client.GetHeadcountAsync(HeadcountAt(Day(2031, 3, 1)));

        Assert.Equal(1, today.Total);
        Assert.True(beforePlan.Forecast);
        Assert.Equal(1, beforePlan.Total);
        Assert.True(afterPlan.Forecast);
        Assert.Equal(0, afterPlan.Total);
    }

    [Fact]
    public async Task Occupancy_names_who_keeps_a_site_open_apart_from_the_residual_roster()
    {
        await HireAsync("guard");
        await HireAsync("late-leaver");
        await RetainAsync("guard", Sevare, Day(2024, 6, 30));

        var occupancy = await Client.GetSiteOccupancyAsync(new GetSiteOccupancyRequest { Site = Sevare, AsOfDate = Day(2023, 12, 9) });

        Assert.Equal((2, 1, 1), (occupancy.PresentCount, occupancy.ResidualCount, occupancy.RemainingCount));
        Assert.Equal($"{Minusma}/personnel/late-leaver", Assert.Single(occupancy.Remaining).Name);
        Assert.Single((await Client.ListResidualRosterEntriesAsync(new ListResidualRosterEntriesRequest { Parent = Minusma })).ResidualRosterEntries);
    }

    [Fact]
    public async Task A_roster_entry_exempts_only_at_its_site_and_until_its_end_date()
    {
        await HireAsync("guard");
        await HireAsync("clerk");
        await RetainAsync("guard", Sevare, Day(2024, 1, 31));
        await RetainAsync("clerk", Headquarters, Day(2024, 6, 30));

        var beforeEnd = await Client.GetSiteOccupancyAsync(new GetSiteOccupancyRequest { Site = Sevare, AsOfDate = Day(2024, 1, 31) });
        var afterEnd = await Client.GetSiteOccupancyAsync(new GetSiteOccupancyRequest { Site = Sevare, AsOfDate = Day(2024, 2, 1) });

        Assert.Equal((2, 1, 1), (beforeEnd.PresentCount, beforeEnd.ResidualCount, beforeEnd.RemainingCount));
        Assert.Equal($"{Minusma}/personnel/clerk", Assert.Single(beforeEnd.Remaining).Name);
        Assert.Equal((2, 0, 2), (afterEnd.PresentCount, afterEnd.ResidualCount, afterEnd.RemainingCount));
    }

    private Task<ResidualRosterEntry> RetainAsync(string person, string site, Google.Type.Date endDate) =>
        Client.CreateResidualRosterEntryAsync(new CreateResidualRosterEntryRequest
        {
            Parent = Minusma,
            RequestId = NewId(),
            ResidualRosterEntry = new ResidualRosterEntry
            {
                Person = $"{Minusma}/personnel/{person}",
                Group = ResidualGroup.LiquidationTeam,
                Role = Text("Liquidation", "Liquidation"),
                Site = site,
                EndDate = endDate,
            },
        }).ResponseAsync;

    [Fact]
    public async Task The_burn_down_compares_each_component_with_its_target()
    {
        await HireAsync("soldier");
        await HireAsync("civilian", category: Category.NationalCivilian);
        await Client.CreateMovementAsync(MovePerson("m1", "civilian", Sevare, null, Day(2023, 12, 1)));
        await Client.StartMovementAsync(Start("m1", Day(2023, 12, 1)));
        await Client.CompleteMovementAsync(Complete("m1", Day(2023, 12, 1)));
        foreach (var component in new[] { Component.Military, Component.Civilian })
        {
            await Client.CreateDrawdownTargetAsync(Target(component));
        }

        var burnDown = await Client.GetBurnDownAsync(new GetBurnDownRequest { Parent = Minusma });
        var targets = await Client.ListDrawdownTargetsAsync(new ListDrawdownTargetsRequest { Parent = Minusma });

        Assert.Equal(new[] { $"{Minusma}/drawdownTargets/phase-2-civilian", $"{Minusma}/drawdownTargets/phase-2-military" },
            targets.DrawdownTargets.Select(t => t.Name));

        var civilian = Assert.Single(burnDown.Points, p => p.Target.Component == Component.Civilian);
        var military = Assert.Single(burnDown.Points, p => p.Target.Component == Component.Military);
        Assert.Equal((0, true), (civilian.Headcount, civilian.Met));
        Assert.Equal((1, false), (military.Headcount, military.Met));
    }

    [Fact]
    public async Task A_person_is_retained_once()
    {
        await HireAsync("guard");
        var request = new CreateResidualRosterEntryRequest
        {
            Parent = Minusma,
            RequestId = NewId(),
            ResidualRosterEntry = new ResidualRosterEntry
            {
                Person = $"{Minusma}/personnel/guard",
                Group = ResidualGroup.GuardUnit,
                Role = Text("Guard", "Garde"),
                Site = Headquarters,
                EndDate = Day(2024, 6, 30),
            },
        };
        await Client.CreateResidualRosterEntryAsync(request);
        request.RequestId = NewId();

        await RpcAssert.Fails(Grpc.Core.StatusCode.AlreadyExists, () => Client.CreateResidualRosterEntryAsync(request).ResponseAsync);
    }

    [Fact]
    public async Task A_drawdown_target_for_a_phase_Sites_does_not_have_is_refused_naming_the_phase()
    {
        var request = new CreateDrawdownTargetRequest
        {
            Parent = Minusma,
            DrawdownTargetId = "phase-9-military",
            RequestId = NewId(),
            DrawdownTarget = new DrawdownTarget
            {
                DrawdownPhase = $"{Minusma}/drawdownPhases/phase-9", Component = Component.Military, Deadline = Day(2023, 12, 31), MaxHeadcount = 0,
            },
        };

        var violations = await RpcAssert.InvalidArgument(() => Client.CreateDrawdownTargetAsync(request).ResponseAsync, "drawdown_target.drawdown_phase");

        Assert.Contains("does not exist", violations.Single().Description, StringComparison.Ordinal);
        Assert.Empty((await Client.ListDrawdownTargetsAsync(new ListDrawdownTargetsRequest { Parent = Minusma })).DrawdownTargets);
    }
}
