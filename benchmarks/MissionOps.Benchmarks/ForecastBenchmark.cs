using System.Diagnostics;
using Grpc.Core;
using MissionOps.Liquidation.V1;
using MissionOps.Personnel.V1;
using Npgsql;
using static MissionOps.Benchmarks.Answers;

namespace MissionOps.Benchmarks;

public sealed record ForecastFigures(IReadOnlyList<double> Forecast, IReadOnlyList<FloorRead> Floors, MissionForecast Answer)
{
    public IReadOnlyList<double> Floor => [.. Floors.Select(f => f.Milliseconds)];

    /// <summary>The forecast's median time over its floor's: 1 would be a forecast that costs nothing but its two reads.</summary>
    public double Ratio => Stats.Median(Forecast) / Stats.Median(Floor);
}

/// <summary>
/// GetMissionForecast of the drawdown, one call at a time, alternating with its floor (<see cref="ForecastFloor"/>). Every
/// forecast must be the one the drawdown was planned to give: every site with its phase; no site with people whom no
/// movement takes out, so every movement is kept; each site's first cause its project where it has one, else a
/// movement; the withdrawal set by a project's handover; at risk, the sites with a project or a movement past their phase.
/// </summary>
public sealed class ForecastBenchmark(BenchHost host, BenchData data, ForecastData drawdown, NpgsqlDataSource liquidation)
{
    public const double TargetMilliseconds = 200;

    private readonly LiquidationService.LiquidationServiceClient _client = new(host.Liquidation!.Channel);

    private readonly Dictionary<string, int> _sites = data.SiteNames.Select((name, s) => (name, s)).ToDictionary(t => t.name, t => t.s);

    /// <summary>What Liquidation keeps of the mission: the mission, its phases and sites, the movements, the projects.</summary>
    public int KeptRows => 1 + ForecastData.Phases + data.SiteNames.Length + drawdown.Movements.Length + drawdown.ProjectSites.Length;

    private static GetMissionForecastRequest Request => new() { Mission = BenchData.Mission };

    /// <summary>Asks for the forecast until it is the planned one: Liquidation has then kept the three feeds up to the last change made.</summary>
    public async Task<TimeSpan> WaitUntilKeptAsync(TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        var last = "no answer yet";
        while (clock.Elapsed < limit)
        {
            try
            {
                if (Difference(await _client.GetMissionForecastAsync(Request)) is not { } difference)
                {
                    return clock.Elapsed;
                }

                last = difference;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                last = "the mission is not kept yet (NOT_FOUND)";
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        throw new BenchmarkFailedException($"the forecast was not the planned one {limit.TotalSeconds:F0} s after the drawdown was made: {last}");
    }

    /// <summary>The movements' states as Liquidation keeps them: the starts and holds, which no forecast of these dates shows.</summary>
    public async Task<string> KeptStatesAsync()
    {
        await using var command = liquidation.CreateCommand("SELECT image FROM kept_images WHERE mission_id = $1 AND type = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = BenchData.MissionId });
        command.Parameters.Add(new NpgsqlParameter { Value = Movement.Descriptor.FullName });
        var states = new Dictionary<MovementState, int>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var state = Movement.Parser.ParseFrom(reader.GetFieldValue<byte[]>(0)).State;
                states[state] = states.GetValueOrDefault(state) + 1;
            }
        }

        var held = drawdown.Movements.Count(m => m.Held);
        var started = drawdown.Movements.Count(m => m.Started);
        var expected = new Dictionary<MovementState, int>
        {
            [MovementState.Planned] = drawdown.Movements.Length - started, [MovementState.InTransit] = started - held, [MovementState.Held] = held,
        };
        static string Described(IReadOnlyDictionary<MovementState, int> counts) => string.Join(", ", counts.Select(c => $"{c.Value:N0} {c.Key}"));
        Expect(states.Count == expected.Count && expected.All(e => states.GetValueOrDefault(e.Key) == e.Value),
            $"Liquidation keeps the movements {Described(states)}, not {Described(expected)}");
        return Described(expected);
    }

    public async Task<ForecastFigures> RunAsync(ForecastFloor floor, int warmUps, int runs)
    {
        var forecastTimes = new List<double>();
        var floors = new List<FloorRead>();
        MissionForecast? answer = null;
        for (var run = -warmUps; run < runs; run++)
        {
            foreach (var forecastFirst in run % 2 == 0 ? new[] { true, false } : [false, true])
            {
                if (forecastFirst)
                {
                    Stats.SettleGarbageCollector();
                    var clock = Stopwatch.StartNew();
                    answer = await _client.GetMissionForecastAsync(Request);
                    clock.Stop();
                    if (Difference(answer) is { } wrong)
                    {
                        throw new BenchmarkFailedException($"GetMissionForecast answered another forecast than planned: {wrong}");
                    }

                    if (run >= 0)
                    {
                        forecastTimes.Add(clock.Elapsed.TotalMilliseconds);
                    }
                }
                else
                {
                    var read = await floor.RunAsync();
                    Expect(read.Sites == data.SiteNames.Length && read.Rows == KeptRows,
                        $"the floor read {read.Sites} sites' occupancy and {read.Rows} kept rows, not {data.SiteNames.Length} and {KeptRows}");
                    if (run >= 0)
                    {
                        floors.Add(read);
                    }
                }
            }
        }

        return new ForecastFigures(forecastTimes, floors, answer!);
    }

    /// <summary>Null when the forecast is the planned one, else what differs first.</summary>
    private string? Difference(MissionForecast forecast)
    {
        if (forecast.Sites.Count != data.SiteNames.Length)
        {
            return $"{forecast.Sites.Count} sites, not {data.SiteNames.Length}";
        }

        var projectSites = drawdown.ProjectSites.ToHashSet();
        foreach (var site in forecast.Sites)
        {
            if (!_sites.TryGetValue(site.Site, out var s))
            {
                return $"a site {site.Site} the mission does not have";
            }

            if (site.DrawdownPhase != ForecastData.PhaseName(ForecastData.PhaseOf(s)))
            {
                return $"{site.Site} in phase '{site.DrawdownPhase}', not {ForecastData.PhaseName(ForecastData.PhaseOf(s))}";
            }

            if (site.CriticalPath.FirstOrDefault(step => step.Kind == ForecastStepKind.PeopleWithoutMovement) is { } without)
            {
                return $"{site.Site}: {without.Description}";
            }

            var cause = projectSites.Contains(s) ? ForecastStepKind.Project : ForecastStepKind.Movement;
            if (site.CriticalPath.FirstOrDefault()?.Kind != cause)
            {
                return $"{site.Site} held first by {site.CriticalPath.FirstOrDefault()?.Kind.ToString() ?? "nothing"}, not {cause}";
            }

            if (site.AtRisk != (projectSites.Contains(s) || ForecastData.RunsOver(s)))
            {
                return $"{site.Site} {(site.AtRisk ? "at risk" : "not at risk")}, slack {site.SlackDays} days";
            }
        }

        var withdrawal = drawdown.ProjectHandover.AddDays(1);
        if (forecast.WithdrawalDate is not { } date || new DateOnly(date.Year, date.Month, date.Day) != withdrawal
            || forecast.WithdrawalPath.FirstOrDefault()?.Kind != ForecastStepKind.Project)
        {
            return $"the withdrawal on {forecast.WithdrawalDate?.ToString() ?? "no day"}, first held by " +
                $"{forecast.WithdrawalPath.FirstOrDefault()?.Kind.ToString() ?? "nothing"}, not on {withdrawal:yyyy-MM-dd} by a project";
        }

        return null;
    }
}
