using MissionOps.Board.Calls;
using MissionOps.Client;
using MissionOps.Personnel.V1;
using MissionOps.Projects.V1;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.ServiceDefaults.Telemetry;
using MissionOps.Sites.V1;

namespace MissionOps.Board.Overview;

/// <summary>
/// Reads a mission's overview from Sites (mission, timeline) and Personnel (burn-down, headcount as of each sampled day),
/// as the signed-in user: the calls run side by side, the headcount a few days at a time.
/// </summary>
public sealed class MissionOverviewReader(UserCalls calls, MissionPlanningDays planningDays)
{
    /// <summary>Days between two points of the headcount curve.</summary>
    public const int SampleDays = 7;

    private const int HeadcountCallsAtOnce = 4;

    public async Task<MissionOverview> ReadAsync(string missionId, CancellationToken cancellationToken)
    {
        var parent = $"missions/{missionId}";
        var services = calls.Services;
        var mission = services.Sites.GetMissionAsync(new GetMissionRequest { Name = parent }, cancellationToken: cancellationToken).ResponseAsync;
        var timeline = services.Sites.GetDrawdownTimelineAsync(new GetDrawdownTimelineRequest { Mission = parent }, cancellationToken: cancellationToken).ResponseAsync;
        var burnDown = services.Personnel.GetBurnDownAsync(new GetBurnDownRequest { Parent = parent }, cancellationToken: cancellationToken).ResponseAsync;
        var sites = Pages.All(new ListSitesRequest { Parent = parent }, services.Sites.ListSitesAsync, page => page.Sites, cancellationToken)
            .ToListAsync(cancellationToken).AsTask();
        var projects = Pages.All(new ListProjectsRequest { Parent = parent }, services.Projects.ListProjectsAsync, page => page.Projects, cancellationToken)
            .ToListAsync(cancellationToken).AsTask();
        var forecast = ForecastAsync(calls, parent, planningDays.Of(missionId), cancellationToken);
        await Task.WhenAll(mission, timeline, burnDown, sites, projects, forecast);
        var locations = sites.Result.ToDictionary(s => s.Name, s => s.Location ?? new SiteLocation());

        var planningDay = planningDays.Of(missionId);
        var phases = timeline.Result.Phases
            .Select(p => new PhaseBand(p.DrawdownPhase, p.DisplayName, p.Ordinal, p.StartDate.ToDateOnly()!.Value, p.EndDate.ToDateOnly()!.Value))
            .OrderBy(p => p.Ordinal).ToList();
        var rows = timeline.Result.Phases
            .SelectMany(p => p.Sites.Select(s => Row(s, phases.Single(b => b.Name == p.DrawdownPhase), locations)))
            .Concat(timeline.Result.UnphasedSites.Select(s => Row(s, null, locations)))
            .ToList();
        var targets = burnDown.Result.Points
            .Select(p => new TargetPoint(p.Target.Deadline.ToDateOnly()!.Value, p.Target.Component, p.Target.MaxHeadcount, p.Headcount, p.Met, p.Forecast))
            .OrderBy(t => t.Deadline).ToList();

        var days = SampledDays(mission.Result, phases, targets, planningDay);
        var headcount = await HeadcountsAsync(services.Personnel, parent, site: null, days, cancellationToken);
        return new MissionOverview(missionId, mission.Result.DisplayName, planningDay, mission.Result.MandateEndDate.ToDateOnly(),
            mission.Result.HostCountryCode, phases, rows, headcount, targets, Places(projects.Result), forecast.Result);
    }

    /// <summary>
    /// Liquidation's forecast as of the planning day (of the reader's regions, for a reader limited to some), or none: the
    /// board draws what is recorded without it when Liquidation cannot answer.
    /// </summary>
    internal static async Task<MissionOps.Liquidation.V1.MissionForecast?> ForecastAsync(UserCalls calls, string mission, DateOnly day,
        CancellationToken cancellationToken)
    {
        try
        {
            return await calls.Services.Liquidation.GetMissionForecastAsync(
                new MissionOps.Liquidation.V1.GetMissionForecastRequest { Mission = mission, AsOfDate = day.ToProto() }, cancellationToken: cancellationToken);
        }
        catch (Grpc.Core.RpcException e) when (e.StatusCode is not Grpc.Core.StatusCode.Cancelled)
        {
            return null;
        }
    }

    /// <summary>
    /// Every seventh day from the first phase's start (or a month before the first target) to the last deadline, and the
    /// planning day and each target's deadline, so the curve passes through the points it is judged by.
    /// </summary>
    public static IReadOnlyList<DateOnly> SampledDays(Mission mission, IReadOnlyList<PhaseBand> phases, IReadOnlyList<TargetPoint> targets, DateOnly planningDay)
    {
        var starts = phases.Select(p => p.Start).Concat(targets.Select(t => t.Deadline.AddDays(-30))).Append(planningDay.AddDays(-30)).ToList();
        var ends = phases.Select(p => p.End).Concat(targets.Select(t => t.Deadline)).Append(planningDay).ToList();
        if (mission.MandateEndDate.ToDateOnly() is { } mandateEnd)
        {
            ends.Add(mandateEnd);
        }

        return Weekly(starts.Min(), ends.Max(), [.. targets.Select(t => t.Deadline), planningDay]);
    }

    /// <summary>Every <see cref="SampleDays"/>th day from <paramref name="from"/>, <paramref name="to"/> itself, and the days given that fall between.</summary>
    internal static IReadOnlyList<DateOnly> Weekly(DateOnly from, DateOnly to, IEnumerable<DateOnly> alsoOn)
    {
        var days = new SortedSet<DateOnly>(alsoOn.Where(d => d >= from && d <= to)) { to };
        for (var day = from; day <= to; day = day.AddDays(SampleDays))
        {
            days.Add(day);
        }

        return [.. days];
    }

    /// <summary>The headcount as of each day, of the mission or of one site, a few days at a time.</summary>
    internal static async Task<IReadOnlyList<HeadcountSample>> HeadcountsAsync(PersonnelService.PersonnelServiceClient personnel, string parent,
        string? site, IReadOnlyList<DateOnly> days, CancellationToken cancellationToken)
    {
        var samples = new HeadcountSample[days.Count];
        await Parallel.ForAsync(0, days.Count, new ParallelOptions { MaxDegreeOfParallelism = HeadcountCallsAtOnce, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var headcount = await personnel.GetHeadcountAsync(
                    new GetHeadcountRequest { Parent = parent, AsOfDate = days[i].ToProto(), Site = site ?? string.Empty }, cancellationToken: token);
                samples[i] = new HeadcountSample(days[i], headcount.Forecast,
                    headcount.Lines.GroupBy(l => l.Component).ToDictionary(g => g.Key, g => g.Sum(l => l.Count)));
            });
        return samples;
    }

    private static TimelineRow Row(TimelineSite site, PhaseBand? phase, IReadOnlyDictionary<string, SiteLocation> locations)
    {
        var location = locations.GetValueOrDefault(site.Site);
        return new(site.Site, site.DisplayName, site.Kind, site.State, phase, site.PlannedClosureDate.ToDateOnly(), site.ClosingDate.ToDateOnly(),
            site.HandoverDate.ToDateOnly(), site.EmergencyClosure, site.LeftCircumstance, site.LeftDate.ToDateOnly(),
            location?.RegionPcode ?? string.Empty, location?.Coordinates);
    }

    private static IReadOnlyList<ProjectPlace> Places(IEnumerable<Project> projects) =>
        [.. projects.SelectMany(p => p.Locations.Where(l => l.Coordinates is not null)
            .Select(l => new ProjectPlace(p.Name, p.Title, p.Kind, p.Status, l.Coordinates)))];
}
