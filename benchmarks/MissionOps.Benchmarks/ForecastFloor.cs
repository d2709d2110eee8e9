using System.Diagnostics;
using MissionOps.Personnel.V1;
using Npgsql;
using Date = Google.Type.Date;

namespace MissionOps.Benchmarks;

/// <summary>One read of the floor: what it read, and how long it took in all and each of its two reads, from the start.</summary>
public readonly record struct FloorRead(int Sites, int Rows, long Bytes, double Milliseconds, double OccupancyMilliseconds, double KeptMilliseconds);

/// <summary>
/// What a forecast cannot do without, at once as the service does it: Personnel's occupancy of every site on the day
/// (ListSiteOccupancies, pages of 1,000 as Liquidation asks) and every row Liquidation keeps of the mission (a plain
/// SELECT of <c>kept_images</c>, the images read as bytes and not parsed). No engine, no answer to build.
/// </summary>
public sealed class ForecastFloor(PersonnelService.PersonnelServiceClient personnel, NpgsqlDataSource liquidation, DateOnly day)
{
    public async Task<FloorRead> RunAsync()
    {
        Stats.SettleGarbageCollector();
        var clock = Stopwatch.StartNew();
        var occupancies = Timed(OccupanciesAsync());
        var kept = await Timed(KeptAsync());
        var sites = await occupancies;
        clock.Stop();
        return new FloorRead(sites.Value, kept.Value.Rows, kept.Value.Bytes, clock.Elapsed.TotalMilliseconds, sites.Milliseconds, kept.Milliseconds);

        async Task<(T Value, double Milliseconds)> Timed<T>(Task<T> read)
        {
            var value = await read;
            return (value, clock.Elapsed.TotalMilliseconds);
        }
    }

    private async Task<int> OccupanciesAsync()
    {
        var sites = 0;
        var pageToken = string.Empty;
        do
        {
            var page = await personnel.ListSiteOccupanciesAsync(new ListSiteOccupanciesRequest
            {
                Parent = BenchData.Mission,
                AsOfDate = new Date { Year = day.Year, Month = day.Month, Day = day.Day },
                PageSize = 1000,
                PageToken = pageToken,
            });
            sites += page.SiteOccupancies.Count;
            pageToken = page.NextPageToken;
        }
        while (pageToken.Length > 0);

        return sites;
    }

    private async Task<(int Rows, long Bytes)> KeptAsync()
    {
        await using var command = liquidation.CreateCommand("SELECT type, image, change_time FROM kept_images WHERE mission_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = BenchData.MissionId });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        long bytes = 0;
        while (await reader.ReadAsync())
        {
            _ = reader.GetString(0);
            bytes += reader.GetFieldValue<byte[]>(1).Length;
            _ = reader.GetFieldValue<DateTimeOffset>(2);
            rows++;
        }

        return (rows, bytes);
    }
}
