using System.Globalization;
using Grpc.Core;
using MissionOps.Common.V1;
using MissionOps.Liquidation.V1;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.Sites.V1;
using MissionOps.Testing;
using static MissionOps.Liquidation.Tests.Api.Requests;
using P = MissionOps.Personnel.V1;

namespace MissionOps.Liquidation.Tests.Api;

/// <summary>
/// The forecast through the services: Sévaré's closure planned and its checklist done, one person left there and the
/// flight that takes them out, each recorded in Sites and Personnel and read by Liquidation from their feeds.
/// </summary>
public sealed class ForecastApiTests(LiquidationApp app) : LiquidationApiTest(app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private const string Flight = "missions/minusma/movements/last-flight";

    private P.PersonnelService.PersonnelServiceClient Personnel => new(App.Personnel.Channel);

    /// <summary>Sévaré's checklist done on 20 November 2023, one person still there and their flight out in 3 days.</summary>
    private async Task SevareWithItsLastFlightAsync()
    {
        await App.SitesClient.PlanSiteClosureAsync(new PlanSiteClosureRequest
        {
            Name = Sevare, DrawdownPhase = "missions/minusma/drawdownPhases/phase-2", PlannedClosureDate = Day(2023, 12, 8), RequestId = NewId(),
        });
        foreach (var kind in Enum.GetValues<ClosureStepKind>().Where(k => k != ClosureStepKind.Unspecified))
        {
            await App.SitesClient.RecordClosureStepAsync(new RecordClosureStepRequest
            {
                Name = Sevare,
                RequestId = NewId(),
                Step = new ClosureStep
                {
                    Kind = kind, CompletedDate = Day(2023, 11, 20), PerformedBy = "Mission Support",
                    Documents = { new DocumentReference { Title = Text("Step record", "Procès-verbal"), Reference = $"SEV-{(int)kind}", SignedDate = Day(2023, 11, 20) } },
                    Signatories = { new Signatory { FullName = "Abass Dembélé", Role = Text("Governor", "Gouverneur"), Side = HandoverSide.Host } },
                },
            });
        }

        await Personnel.CreatePersonAsync(new P.CreatePersonRequest
        {
            Parent = Minusma,
            PersonId = "last",
            RequestId = NewId(),
            Person = new P.Person
            {
                IndexNumber = "MNS-LAST", FullName = "Moussa Keïta", Component = P.Component.Military, Category = P.Category.Contingent,
                CountryCode = "SN", AssignedSite = Sevare, AssignmentDate = Day(2023, 1, 1),
            },
        });
        await Personnel.CreateMovementAsync(new P.CreateMovementRequest
        {
            Parent = Minusma,
            MovementId = "last-flight",
            RequestId = NewId(),
            Movement = new P.Movement
            {
                Person = "missions/minusma/personnel/last", Kind = P.MovementKind.Repatriation, Mode = P.MovementMode.Flight, OriginSite = Sevare,
                PlannedDate = Today.AddDays(3).ToProto(),
            },
        });
    }

    /// <summary>The forecast once <paramref name="kept"/> holds of it, or after 20 s: Liquidation reads the other services' feeds on its own.</summary>
    private async Task<MissionForecast> ForecastWhenAsync(Func<MissionForecast, bool> kept, LiquidationService.LiquidationServiceClient? client = null,
        GetMissionForecastRequest? request = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                var forecast = await (client ?? Client).GetMissionForecastAsync(request ?? new GetMissionForecastRequest { Mission = Minusma });
                if (kept(forecast) || DateTime.UtcNow > deadline)
                {
                    return forecast;
                }
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound && DateTime.UtcNow <= deadline)
            {
                // The mission itself is not read from the Sites feed yet.
            }

            await Task.Delay(200);
        }
    }

    private static SiteForecast SevareIn(MissionForecast forecast) => forecast.Sites.Single(s => s.Site == Sevare);

    private static bool HoldsFlight(MissionForecast forecast) => SevareIn(forecast).CriticalPath.Any(s => s.Resource == Flight);

    private static string Dd(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_last_flight_out_sets_Sevare_s_closure_and_its_hold_moves_it_a_week_from_the_day_it_was_held()
    {
        await SevareWithItsLastFlightAsync();

        var planned = SevareIn(await ForecastWhenAsync(HoldsFlight));

        Assert.Equal([ForecastStepKind.Movement, ForecastStepKind.SiteClosure, ForecastStepKind.SiteHandover], planned.CriticalPath.Select(s => s.Kind));
        Assert.Equal((Today.AddDays(3), Today.AddDays(4)), (planned.ClosureDate.ToDateOnly()!.Value, planned.HandoverDate.ToDateOnly()!.Value));
        Assert.Equal((new DateOnly(2023, 12, 31), new DateOnly(2023, 12, 31).DayNumber - Today.AddDays(4).DayNumber, true),
            (planned.PhaseEndDate.ToDateOnly()!.Value, planned.SlackDays, planned.AtRisk));

        await Personnel.StartMovementAsync(new P.StartMovementRequest { Name = Flight, DepartureDate = Today.ToProto(), RequestId = NewId() });
        await Personnel.HoldMovementAsync(new P.HoldMovementRequest { Name = Flight, Reason = Text("Airport closed", "Aéroport fermé"), RequestId = NewId() });
        var held = SevareIn(await ForecastWhenAsync(f => SevareIn(f).CriticalPath.Any(s => s.Description.StartsWith("held", StringComparison.Ordinal))));

        var flight = held.CriticalPath[0];
        Assert.Equal((ForecastStepKind.Movement, Flight, Today.AddDays(7)), (flight.Kind, flight.Resource, flight.Date.ToDateOnly()!.Value));
        Assert.Equal($"held since {Dd(Today)}, carries 1 person; its earliest release is {Dd(Today.AddDays(7))}", flight.Description);
        Assert.Equal(Today.AddDays(8), held.HandoverDate.ToDateOnly());
    }

    /// <summary>A person at Douentza and their movement out on a day.</summary>
    private async Task LeavesDouentzaAsync(string person, string movement, DateOnly day, bool hired = true)
    {
        if (hired)
        {
            await Personnel.CreatePersonAsync(new P.CreatePersonRequest
            {
                Parent = Minusma,
                PersonId = person,
                RequestId = NewId(),
                Person = new P.Person
                {
                    IndexNumber = $"MNS-{person}", FullName = "Aminata Diop", Component = P.Component.Civilian, Category = P.Category.NationalCivilian,
                    CountryCode = "ML", AssignedSite = Douentza, AssignmentDate = Day(2023, 1, 1),
                },
            });
        }

        await Personnel.CreateMovementAsync(new P.CreateMovementRequest
        {
            Parent = Minusma,
            MovementId = movement,
            RequestId = NewId(),
            Movement = new P.Movement
            {
                Person = $"missions/minusma/personnel/{person}", Kind = P.MovementKind.Repatriation, Mode = P.MovementMode.RoadConvoy, OriginSite = Douentza,
                PlannedDate = day.ToProto(),
            },
        });
    }

    private const string Douentza = "missions/minusma/sites/douentza";

    /// <summary>The outlooks on the feed after <paramref name="sequence"/> once <paramref name="count"/> have come, or after 20 s.</summary>
    private async Task<List<Google.Protobuf.IMessage>> OutlooksAfterAsync(long sequence, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var outlooks = (await EventsAfterAsync(sequence)).Where(e => e is SiteOutlookAtRisk or SiteOutlookOnTrack).ToList();
            if (outlooks.Count >= count || DateTime.UtcNow > deadline)
            {
                return outlooks;
            }

            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task A_movement_that_pushes_a_site_past_its_phase_s_end_raises_its_outlook_on_the_feed_and_the_gauge_and_an_earlier_one_brings_it_back()
    {
        // Liquidation watches MINUSMA on its planning day, 1 March 2024 here. One person leaves Douentza in five days.
        var planningDay = new GetMissionForecastRequest { Mission = Minusma, AsOfDate = Day(2024, 3, 1) };
        await LeavesDouentzaAsync("first", "first-out", Today.AddDays(5));
        await ForecastWhenAsync(f => f.Sites.Single(s => s.Site == Douentza).CriticalPath[0].Resource == "missions/minusma/movements/first-out",
            request: planningDay);
        // Then Douentza's closure is planned in a phase of its own, ending in ten days: handed over in six, it is on track.
        await App.SitesClient.CreateDrawdownPhaseAsync(new CreateDrawdownPhaseRequest
        {
            Parent = Minusma,
            DrawdownPhaseId = "phase-3",
            RequestId = NewId(),
            DrawdownPhase = new DrawdownPhase
            {
                Ordinal = 3, DisplayName = Text("Phase 3", "Phase 3"), StartDate = Day(2024, 1, 1), EndDate = Today.AddDays(10).ToProto(),
            },
        });
        await App.SitesClient.PlanSiteClosureAsync(new PlanSiteClosureRequest
        {
            Name = Douentza, DrawdownPhase = "missions/minusma/drawdownPhases/phase-3", PlannedClosureDate = Today.AddDays(8).ToProto(), RequestId = NewId(),
        });
        await ForecastWhenAsync(f => f.Sites.Single(s => s.Site == Douentza).SlackDays == 4, request: planningDay);
        // The watch forecasts a second after the feeds settle; a person hired touches no feed it keeps, their movement does.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var start = await FeedPositionAsync();

        await LeavesDouentzaAsync("second", "second-out", Today.AddDays(20));

        var late = Assert.IsType<SiteOutlookAtRisk>(Assert.Single(await OutlooksAfterAsync(start, 1))).SiteOutlook;
        Assert.Equal(($"{Douentza}/outlook", Douentza, true), (late.Name, late.Site, late.AtRisk));
        Assert.Equal((Today.AddDays(21), Today.AddDays(10), -11), (late.HandoverDate.ToDateOnly()!.Value, late.PhaseEndDate.ToDateOnly()!.Value, late.SlackDays));
        Assert.Equal("missions/minusma/movements/second-out", late.CriticalPath[0].Resource);
        var gauges = await Gauges.ReadAsync(App.Service.Services, Telemetry.LiquidationMetrics.MeterName);
        Assert.Equal(1d, Assert.Single(gauges, g => g.Instrument == "missionops.liquidation.forecast.sites_at_risk" && g.Tag("mission") == "minusma").Value);

        // Cancelled, nothing says when the second person leaves: still at risk, nothing raised; moved earlier, back on track.
        await Personnel.CancelMovementAsync(new P.CancelMovementRequest
        {
            Name = "missions/minusma/movements/second-out", Reason = Text("Leaves with the first", "Part avec le premier"), RequestId = NewId(),
        });
        await LeavesDouentzaAsync("second", "second-out-earlier", Today.AddDays(5), hired: false);

        var outlooks = await OutlooksAfterAsync(start, 2);
        Assert.Equal(2, outlooks.Count);
        var back = Assert.IsType<SiteOutlookOnTrack>(outlooks[1]).SiteOutlook;
        Assert.Equal((false, Today.AddDays(6), 4), (back.AtRisk, back.HandoverDate.ToDateOnly()!.Value, back.SlackDays));
        gauges = await Gauges.ReadAsync(App.Service.Services, Telemetry.LiquidationMetrics.MeterName);
        Assert.Equal(0d, Assert.Single(gauges, g => g.Instrument == "missionops.liquidation.forecast.sites_at_risk" && g.Tag("mission") == "minusma").Value);
    }

    [Fact]
    public async Task A_what_if_is_set_beside_the_forecast_and_stores_nothing()
    {
        await SevareWithItsLastFlightAsync();
        var before = await ForecastWhenAsync(HoldsFlight);

        var compared = await Client.ForecastWhatIfAsync(new ForecastWhatIfRequest
        {
            Mission = Minusma,
            Changes =
            {
                new PlanChange { MoveMovement = new MoveMovementChange { Movement = Flight, Date = Today.AddDays(20).ToProto() } },
            },
        });

        Assert.Equal(Today.AddDays(4), SevareIn(compared.Current).HandoverDate.ToDateOnly());
        Assert.Equal(Today.AddDays(21), SevareIn(compared.WhatIf).HandoverDate.ToDateOnly());
        // The two other camps' checklists, not begun, take 14 days and a day to hand over: the later flight now sets the withdrawal.
        Assert.Equal((Today.AddDays(15), Today.AddDays(21)), (compared.Current.WithdrawalDate.ToDateOnly(), compared.WhatIf.WithdrawalDate.ToDateOnly()));
        Assert.Equal(Flight, compared.WhatIf.WithdrawalPath[0].Resource);
        var after = await Client.GetMissionForecastAsync(new GetMissionForecastRequest { Mission = Minusma });
        Assert.Equal(SevareIn(before).HandoverDate, SevareIn(after).HandoverDate);
    }

    [Fact]
    public async Task A_what_if_names_every_change_it_cannot_make_and_a_day_to_come_is_refused()
    {
        await SevareWithItsLastFlightAsync();
        await ForecastWhenAsync(HoldsFlight);

        await RpcAssert.InvalidArgument(() => Client.ForecastWhatIfAsync(new ForecastWhatIfRequest
        {
            Mission = Minusma,
            Changes =
            {
                new PlanChange { HoldMovement = new HoldMovementChange { Movement = "missions/minusma/movements/none", Days = 0 } },
                new PlanChange(),
                new PlanChange { PlanClosureStep = new PlanClosureStepChange { Site = Sevare, ClosureStep = "CLOSURE_STEP_KIND_PAINTING", Date = Day(2023, 12, 1) } },
                new PlanChange { AddMovement = new AddMovementChange { Id = "Bad Id", OriginSite = Sevare, PeopleCount = 0 } },
            },
        }).ResponseAsync, "changes[1]", "changes[2].plan_closure_step.closure_step", "changes[3].add_movement.id", "changes[3].add_movement.planned_date");

        await RpcAssert.InvalidArgument(() => Client.ForecastWhatIfAsync(new ForecastWhatIfRequest
        {
            Mission = Minusma,
            Changes =
            {
                new PlanChange { HoldMovement = new HoldMovementChange { Movement = "missions/minusma/movements/none", Days = 0 } },
                new PlanChange { MoveProjectHandover = new MoveProjectHandoverChange { Project = "missions/minusma/projects/none", Date = Day(2024, 1, 1) } },
            },
        }).ResponseAsync, "changes[0].hold_movement.movement", "changes[0].hold_movement.days", "changes[1].move_project_handover.project");

        await RpcAssert.InvalidArgument(() => Client.GetMissionForecastAsync(new GetMissionForecastRequest
        {
            Mission = Minusma, AsOfDate = Today.AddDays(1).ToProto(),
        }).ResponseAsync, "as_of_date");
        await RpcAssert.InvalidArgument(() => Client.ForecastWhatIfAsync(new ForecastWhatIfRequest { Mission = Minusma }).ResponseAsync, "changes");
    }

    [Fact]
    public async Task A_token_limited_to_a_region_gets_the_forecast_of_its_sites_only()
    {
        await MinusmaSites.AddTimbuktuAsync(App.SitesClient);
        var timbuktu = new LiquidationService.LiquidationServiceClient(App.Service.ChannelWith(TestTokens.Scoped("ML06", "minusma:viewer")));

        var forecast = await ForecastWhenAsync(f => f.Sites.Count > 0, timbuktu);

        Assert.Equal(["missions/minusma/sites/timbuktu"], forecast.Sites.Select(s => s.Site));
        Assert.Equal(["ML06"], forecast.Regions);
        Assert.DoesNotContain(forecast.WithdrawalPath.Concat(forecast.CriticalPath), s => s.Resource.StartsWith(Sevare, StringComparison.Ordinal));
        var elsewhere = new LiquidationService.LiquidationServiceClient(App.Service.ChannelWith(TestTokens.Scoped(RegionScopeCheck.Elsewhere, "minusma:viewer")));
        Assert.Empty((await elsewhere.GetMissionForecastAsync(new GetMissionForecastRequest { Mission = Minusma })).Sites);
        var whole = await ForecastWhenAsync(f => f.Sites.Count == MinusmaSites.SiteIds.Length + 1);
        Assert.Equal(MinusmaSites.SiteIds.Length + 1, whole.Sites.Count);
        Assert.Empty(whole.Regions);
    }

    [Fact]
    public async Task A_site_where_the_residual_roster_keeps_a_guard_is_kept_for_the_liquidation_and_the_withdrawal_no_longer_waits_for_it()
    {
        await SevareWithItsLastFlightAsync();
        var retention = Today.AddDays(90);

        await ResidualRoster.AddGuardAsync(App, "guard-kept", retention.ToProto());
        var forecast = await ForecastWhenAsync(f => f.Sites.Any(s => s.RetainedUntil is not null) && HoldsFlight(f));

        var bamako = forecast.Sites.Single(s => s.Site == ResidualRoster.BamakoHq);
        var handover = bamako.HandoverDate.ToDateOnly()!.Value;
        Assert.Equal((retention, retention.DayNumber - handover.DayNumber, false), (bamako.RetainedUntil.ToDateOnly()!.Value, bamako.SlackDays, bamako.AtRisk));
        Assert.Equal([ResidualRoster.BamakoHq], forecast.Sites.Where(s => s.RetainedUntil is not null).Select(s => s.Site));
        var others = forecast.Sites.Where(s => s.Site != ResidualRoster.BamakoHq).Select(s => s.HandoverDate.ToDateOnly()!.Value).ToList();
        Assert.Equal(others.Max(), forecast.WithdrawalDate.ToDateOnly());
        Assert.DoesNotContain(forecast.WithdrawalPath, s => s.Resource == ResidualRoster.BamakoHq);
        Assert.True(forecast.FinalReportDate.ToDateOnly() >= handover, "the final report waits for the kept site's handover");

        // The entry deleted as recorded by mistake, the guard is one more person at the site, with no movement out.
        await ResidualRoster.DeleteAsync(App, "guard-kept");
        var unkept = await ForecastWhenAsync(f => f.Sites.All(s => s.RetainedUntil is null));
        var plain = unkept.Sites.Single(s => s.Site == ResidualRoster.BamakoHq);
        Assert.True(plain.HandoverDate is null && plain.AtRisk, "a guard no movement takes out leaves the site with no date");
        Assert.Null(unkept.WithdrawalDate);
    }
}
