using MissionOps.Personnel.Client;
using MissionOps.Projects.Client;
using MissionOps.Sites.Client;
using MissionOps.Sites.V1;
using LocalizedText = MissionOps.Common.V1.LocalizedText;
using V1 = MissionOps.Liquidation.V1;

namespace MissionOps.Liquidation.Readiness;

/// <summary>
/// The mission closure readiness report: what every service still holds open, each item named.
/// Sites, Personnel and Projects are asked through their contracts; the rest is Liquidation's own.
/// </summary>
public sealed class ReadinessReport(
    LiquidationDbContext db,
    SitesDirectory sites,
    PersonnelDirectory personnel,
    ProjectsDirectory projects)
{
    /// <summary>The report; limited to some regions (<paramref name="regions"/>), it holds their blockers only, and its verdict is theirs.</summary>
    public async Task<V1.ClosureReadiness> BuildAsync(string missionId, DateOnly today, CancellationToken ct, ReadinessRegions? regions = null)
    {
        var mission = $"missions/{missionId}";
        var items = new List<V1.BlockingItem>();

        // The three services answer at once while Liquidation reads its own tables: the report waits for the slowest, not for the sum.
        var sitesAsked = sites.ListAsync(missionId, ct);
        var occupanciesAsked = personnel.SiteOccupanciesAsync(missionId, today, ct);
        var projectsAsked = projects.ListAsync(missionId, ct);
        var assetsLeft = await db.Assets.AsNoTracking().Where(a => a.MissionId == missionId && a.State != V1.AssetState.Disposed).ToListAsync(ct);
        var liabilities = await db.Liabilities.AsNoTracking().Where(l => l.MissionId == missionId && l.State == V1.LiabilityState.Open).ToListAsync(ct);
        var records = await db.ArchiveRecords.AsNoTracking().Where(r => r.MissionId == missionId && r.State == V1.ArchiveState.ToArchive).ToListAsync(ct);
        await Task.WhenAll(sitesAsked, occupanciesAsked, projectsAsked);

        var allSites = await sitesAsked;
        // A site left without handover (abandoned, seized, destroyed) has reached its end as surely as one handed over.
        items.AddRange(allSites.Where(s => s.State is not (SiteState.HandedOver or SiteState.LeftWithoutHandover)).Select(s =>
            Item(V1.BlockerKind.SiteNotHandedOver, s.Name, s.DisplayName, $"{s.DisplayName.En} is {s.State}, not handed over")));

        var occupancies = await occupanciesAsked;
        var remainingAt = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var site in allSites)
        {
            var remaining = occupancies.TryGetValue(site.Name, out var occupancy) ? occupancy.RemainingCount : 0;
            remainingAt[site.Name] = remaining;
            if (remaining > 0)
            {
                items.Add(Item(V1.BlockerKind.PersonnelRemaining, site.Name, site.DisplayName, $"{remaining} people still at the site outside the residual team"));
            }
        }

        var allProjects = await projectsAsked;
        items.AddRange(allProjects
            .Where(p => p.BlocksClosure)
            .Select(p => Item(V1.BlockerKind.ProjectOpen, p.Name, p.Title, $"{p.Title.En}: {p.Status}, not handed over")));
        items.AddRange(assetsLeft.Select(a => Item(V1.BlockerKind.AssetNotDisposed, a.Name, a.Description.ToProto(), $"{a.Description.En} ({a.Category}) is {a.State}")));
        items.AddRange(liabilities.Select(l => Item(V1.BlockerKind.LiabilityOpen, l.Name, l.Description.ToProto(), $"{l.Description.En} ({l.Kind})", l.Owner)));
        items.AddRange(records.Select(r => Item(V1.BlockerKind.RecordsNotArchived, r.Name, r.Title.ToProto(), r.Title.En, r.Owner)));

        if (regions is not null)
        {
            // Liabilities and records are the mission's, in no region: left out with what lies outside the regions.
            var projectsIn = allProjects.Where(regions.Holds).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            var assetsIn = assetsLeft.Where(a => regions.Sites.Contains(a.Site)).Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
            items.RemoveAll(i => !(i.Kind switch
            {
                V1.BlockerKind.SiteNotHandedOver or V1.BlockerKind.PersonnelRemaining => regions.Sites.Contains(i.Resource),
                V1.BlockerKind.ProjectOpen => projectsIn.Contains(i.Resource),
                V1.BlockerKind.AssetNotDisposed => assetsIn.Contains(i.Resource),
                _ => false,
            }));
        }

        var personnelRemaining = remainingAt.Where(r => regions?.Sites.Contains(r.Key) ?? true).Sum(r => r.Value);

        int Count(V1.BlockerKind kind) => items.Count(i => i.Kind == kind);
        return new V1.ClosureReadiness
        {
            Mission = mission,
            AsOfDate = today.ToProto(),
            Ready = items.Count == 0,
            Totals = new V1.ReadinessTotals
            {
                SitesNotHandedOver = Count(V1.BlockerKind.SiteNotHandedOver),
                PersonnelRemaining = personnelRemaining,
                ProjectsOpen = Count(V1.BlockerKind.ProjectOpen),
                AssetsNotDisposed = Count(V1.BlockerKind.AssetNotDisposed),
                LiabilitiesOpen = Count(V1.BlockerKind.LiabilityOpen),
                RecordsToArchive = Count(V1.BlockerKind.RecordsNotArchived),
            },
            BlockingItems = { items.OrderBy(i => i.Kind).ThenBy(i => i.Resource, StringComparer.Ordinal) },
            Regions = { regions?.Codes ?? [] },
        };
    }

    private static V1.BlockingItem Item(V1.BlockerKind kind, string resource, LocalizedText displayName, string description, string owner = "") =>
        new() { Kind = kind, Resource = resource, DisplayName = displayName, Description = description, Owner = owner };
}
