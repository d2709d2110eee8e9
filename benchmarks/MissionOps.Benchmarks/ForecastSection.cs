using System.Diagnostics;
using Grpc.Core;
using Npgsql;

namespace MissionOps.Benchmarks;

/// <summary>
/// GetMissionForecast of a drawdown under way (issue 18): 50 sites, 15,000 people and 2,000 movements out of them, all
/// four services in one PostgreSQL, against the floor of what a forecast must read.
/// </summary>
public static class ForecastSection
{
    public static async Task RunAsync(bool quick)
    {
        var sites = quick ? 10 : 50;
        var people = quick ? 1_500 : 15_000;
        var movements = quick ? 200 : 2_000;
        var projects = quick ? 2 : 5;
        var warmUps = quick ? 3 : 10;
        var runs = quick ? 20 : 200;
        Console.WriteLine();
        Console.WriteLine($"9. Forecast of a mission of {sites} sites, {people:N0} people and {movements:N0} movements out of them: " +
            "GetMissionForecast against its floor");
        Console.WriteLine($"  load average at start: {BenchmarkRun.LoadAverage()}");
        var setUp = Stopwatch.StartNew();
        var data = BenchData.Create(people, sites);
        await using var host = await BenchHost.StartAsync(data, allServices: true);
        var drawdown = ForecastData.Plan(data, movements, projects, DateOnly.FromDateTime(DateTime.UtcNow));
        try
        {
            await drawdown.CreateAsync(host, data);
        }
        catch (RpcException e)
        {
            throw new BenchmarkFailedException($"setting up the drawdown: {e.Status}");
        }

        var made = setUp.Elapsed;
        await using var liquidation = NpgsqlDataSource.Create(host.Liquidation!.DatabaseConnectionString);
        var benchmark = new ForecastBenchmark(host, data, drawdown, liquidation);
        var kept = await benchmark.WaitUntilKeptAsync(TimeSpan.FromMinutes(2));
        var states = await benchmark.KeptStatesAsync();
        foreach (var database in new[] { host.Personnel.DatabaseConnectionString, host.Liquidation.DatabaseConnectionString })
        {
            await using var source = NpgsqlDataSource.Create(database);
            await using var analyze = source.CreateCommand("ANALYZE");
            await analyze.ExecuteNonQueryAsync();
        }

        var alone = drawdown.Movements.Count(m => m.Unit is null);
        Console.WriteLine($"  set up in {made.TotalSeconds:F0} s: the mission, {ForecastData.Phases} drawdown phases, every site's closure plan, " +
            $"{projects} projects and {movements - alone:N0} units' movements through the APIs, {alone:N0} people's in one manifest " +
            $"(ImportMovementManifest); the people with COPY, the units and their members with SQL; movements {states}");
        Console.WriteLine($"  Liquidation had kept it all {kept.TotalSeconds:F1} s after the last change (the forecast then the planned one)");
        Console.WriteLine("  the floor: ListSiteOccupancies of the mission (what Liquidation asks Personnel) and a plain SELECT of the mission's " +
            "kept_images rows from Liquidation's database, at once, as the forecast makes them; no parsing, no engine, no answer");
        Console.WriteLine($"  {runs} runs of each after {warmUps} warm-up runs, alternating which goes first, one call at a time; every forecast checked " +
            $"({sites} sites with their phases, no one without a movement out, each site's first cause, the withdrawal's day)");

        var figures = await benchmark.RunAsync(new ForecastFloor(host.Client, liquidation, drawdown.Today), warmUps, runs);
        var forecast = figures.Forecast.Order().ToArray();
        var floor = figures.Floor.Order().ToArray();
        var median = Stats.Median(forecast);
        var answer = figures.Answer;
        Console.WriteLine();
        Console.WriteLine("Forecast (ms)");
        Console.WriteLine($"  {"",-20} {"median",7} {"p95",7} {"min",7} {"max",7}");
        Console.WriteLine($"  {"GetMissionForecast",-20} {median,7:F1} {Stats.Percentile(forecast, 0.95),7:F1} {forecast[0],7:F1} {forecast[^1],7:F1}");
        Console.WriteLine($"  {"floor",-20} {Stats.Median(floor),7:F1} {Stats.Percentile(floor, 0.95),7:F1} {floor[0],7:F1} {floor[^1],7:F1}");
        Console.WriteLine($"  {"  of which occupancy",-20} {Median(figures, f => f.OccupancyMilliseconds),7:F1} {"",7} {"",7} {"",7}   " +
            "(ListSiteOccupancies, from the floor's start to its answer)");
        Console.WriteLine($"  {"  of which kept rows",-20} {Median(figures, f => f.KeptMilliseconds),7:F1} {"",7} {"",7} {"",7}   " +
            $"(the SELECT, {figures.Floors[^1].Rows:N0} rows, {figures.Floors[^1].Bytes / 1024.0:F0} KB of images)");
        Console.WriteLine($"  forecast/floor {figures.Ratio:F2}x (median over median); the forecast's answer {answer.CalculateSize() / 1024.0:F0} KB");
        Console.WriteLine($"  the answer: withdrawal on {answer.WithdrawalDate.Year:D4}-{answer.WithdrawalDate.Month:D2}-{answer.WithdrawalDate.Day:D2} " +
            $"against a deadline of {answer.WithdrawalDeadline.Year:D4}-{answer.WithdrawalDeadline.Month:D2}-{answer.WithdrawalDeadline.Day:D2}, " +
            $"{answer.Sites.Count(s => s.AtRisk)} of {answer.Sites.Count} sites at risk");
        Console.WriteLine($"  GetMissionForecast {median:F0} ms (median), target < {ForecastBenchmark.TargetMilliseconds:F0} ms: " +
            $"{(median < ForecastBenchmark.TargetMilliseconds ? "met" : "MISSED")}");
        Console.WriteLine($"  load average at the end: {BenchmarkRun.LoadAverage()}");
    }

    private static double Median(ForecastFigures figures, Func<FloorRead, double> part) => Stats.Median([.. figures.Floors.Select(part)]);
}
