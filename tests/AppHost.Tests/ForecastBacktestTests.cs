using Grpc.Core;
using MissionOps.Liquidation.V1;
using MissionOps.ServiceDefaults.Contracts;

namespace MissionOps.AppHost.Tests;

/// <summary>
/// The forecast set beside what happened: the MINUSMA demo as the four services hold it, read as it stood on a past day
/// by Liquidation from what it keeps of their feeds. Sévaré closed on 8 December 2023 with its last flight out.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class ForecastBacktestTests(MissionOpsSystem system)
{
    private const string Minusma = "missions/minusma";
    private const string Sevare = "missions/minusma/sites/sevare";
    private static readonly DateOnly SevareClosed = new(2023, 12, 8);

    private LiquidationService.LiquidationServiceClient Liquidation => new(system.Channel("liquidation"));

    /// <summary>The forecast as of the day once Sévaré's date is known, or after 3 min: Liquidation reads the demo from the feeds as the system starts.</summary>
    private async Task<MissionForecast> ForecastOnAsync(DateOnly day)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        var request = new GetMissionForecastRequest { Mission = Minusma, AsOfDate = day.ToProto() };
        while (true)
        {
            try
            {
                var forecast = await Liquidation.GetMissionForecastAsync(request);
                if (forecast.Sites.SingleOrDefault(s => s.Site == Sevare)?.ClosureDate is not null || DateTime.UtcNow > deadline)
                {
                    return forecast;
                }
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound && DateTime.UtcNow <= deadline)
            {
                // The mission is not read from the Sites feed yet.
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private static SiteForecast SevareIn(MissionForecast forecast) => forecast.Sites.Single(s => s.Site == Sevare);

    private static string Path(SiteForecast site) => string.Join(" → ", site.CriticalPath.Select(s => $"{s.Kind} {s.Resource} {s.Date.ToDateOnly()}"));

    [Fact]
    public async Task On_1_November_2023_the_forecast_closes_Sevare_by_8_December_with_its_last_flight_out()
    {
        var forecast = await ForecastOnAsync(new DateOnly(2023, 11, 1));

        var sevare = SevareIn(forecast);
        Assert.True(sevare.ClosureDate.ToDateOnly() is { } closure && closure <= SevareClosed, Path(sevare));
        // What it depended on: the last movement out, then the closure and the handover a day later, within phase 2.
        Assert.Equal([ForecastStepKind.Movement, ForecastStepKind.SiteClosure, ForecastStepKind.SiteHandover], sevare.CriticalPath.Select(s => s.Kind));
        Assert.StartsWith("missions/minusma/movements/", sevare.CriticalPath[0].Resource, StringComparison.Ordinal);
        Assert.Equal(sevare.ClosureDate, sevare.CriticalPath[0].Date);
        Assert.Equal(sevare.ClosureDate.ToDateOnly()!.Value.AddDays(1), sevare.HandoverDate.ToDateOnly());
        Assert.Equal((new DateOnly(2023, 12, 31), false), (sevare.PhaseEndDate.ToDateOnly()!.Value, sevare.AtRisk));
        Assert.True(sevare.SlackDays >= 22, Path(sevare));
        Assert.False(sevare.Done);
        // Read as of that day, the withdrawal deadline is the end of the last phase.
        Assert.Equal(new DateOnly(2023, 12, 31), forecast.WithdrawalDeadline.ToDateOnly());
        // Gao and Bamako's headquarters, where the residual team stays, are kept for the liquidation: the withdrawal waits for neither.
        var kept = forecast.Sites.Where(s => s.RetainedUntil is not null).ToList();
        Assert.Equal(["missions/minusma/sites/bamako-hq", "missions/minusma/sites/gao"], kept.Select(s => s.Site).Order(StringComparer.Ordinal));
        Assert.All(kept, s => Assert.Equal(new DateOnly(2024, 6, 30), s.RetainedUntil.ToDateOnly()));
        Assert.DoesNotContain(forecast.WithdrawalPath, s => kept.Any(k => k.Site == s.Resource));
        Assert.Equal(forecast.Sites.Where(s => s.RetainedUntil is null).Max(s => s.HandoverDate.ToDateOnly()), forecast.WithdrawalDate.ToDateOnly());

        // Today Sévaré is done: handed over on the day the record says.
        var now = await Liquidation.GetMissionForecastAsync(new GetMissionForecastRequest { Mission = Minusma });
        Assert.True(SevareIn(now).Done);
        Assert.Equal(SevareClosed, SevareIn(now).ClosureDate.ToDateOnly());
    }

    [Fact]
    public async Task A_convoy_held_for_a_week_on_5_December_2023_moves_Sevare_s_closure_past_the_8th_by_the_days_it_overruns()
    {
        var december5 = new DateOnly(2023, 12, 5);
        var before = SevareIn(await ForecastOnAsync(december5));
        var lastOut = before.CriticalPath[0];
        Assert.Equal(ForecastStepKind.Movement, lastOut.Kind);

        var compared = await Liquidation.ForecastWhatIfAsync(new ForecastWhatIfRequest
        {
            Mission = Minusma,
            AsOfDate = december5.ToProto(),
            Changes = { new PlanChange { HoldMovement = new HoldMovementChange { Movement = lastOut.Resource, Days = 7 } } },
        });

        // Sévaré's checklist was done by 2 December: held from the 5th for a week, its last flight is released on the 12th and
        // Sévaré closes that day, handed over on the 13th, 18 days before the end of phase 2.
        var held = SevareIn(compared.WhatIf);
        Assert.Equal(SevareIn(compared.Current).ClosureDate, before.ClosureDate);
        Assert.Equal((new DateOnly(2023, 12, 12), new DateOnly(2023, 12, 13)), (held.ClosureDate.ToDateOnly()!.Value, held.HandoverDate.ToDateOnly()!.Value));
        Assert.Equal((lastOut.Resource, $"held since 5 Dec 2023, carries 1 person; its earliest release is 12 Dec 2023"),
            (held.CriticalPath[0].Resource, held.CriticalPath[0].Description));
        Assert.Equal((18, false), (held.SlackDays, held.AtRisk));
    }
}
