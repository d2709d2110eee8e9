using MissionOps.Liquidation.Forecast.Kept;
using MissionOps.Liquidation.Readiness;
using MissionOps.Personnel.Client;

namespace MissionOps.Liquidation.Forecast;

/// <summary>
/// The facts of a mission's forecast as its record stood on a day: what Liquidation keeps of the Sites, Personnel and
/// Projects feeds, how many people each site held that day (one question to Personnel, for every site at once), and
/// Liquidation's own assets. Limited to some regions, the facts are their sites' and what lies there.
/// </summary>
public sealed class ForecastRecord(LiquidationDbContext db, KeptRecords records, PersonnelDirectory personnel)
{
    /// <summary>The facts, or null when Liquidation has not yet read the mission from the Sites feed.</summary>
    public async Task<ForecastFacts?> FactsAsync(string missionId, DateOnly day, ReadinessRegions? regions, CancellationToken ct)
    {
        var kept = await records.ReadAsync(db, missionId, ct);
        if (kept.Mission is null)
        {
            return null;
        }

        // Personnel counts while Liquidation reads its assets: the forecast waits for the slower, not for the sum.
        var occupancies = personnel.SiteOccupanciesAsync(missionId, day, ct);
        var assetsRead = AssetsAsync(missionId, day, ct);
        await Task.WhenAll(occupancies, assetsRead);
        var assets = await assetsRead;
        var people = (await occupancies).ToDictionary(o => o.Key, o => o.Value.RemainingCount, StringComparer.Ordinal);

        var facts = RecordFacts.AsOf(day, kept.Mission, kept.Phases, kept.Sites, people, kept.ResidualRoster, kept.Movements, kept.Projects, assets,
            kept.HeldSince);
        if (regions is null)
        {
            return facts;
        }

        var projectsIn = kept.Projects.Where(regions.Holds).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        return facts with
        {
            Sites = [.. facts.Sites.Where(s => regions.Sites.Contains(s.Name))],
            Movements = [.. facts.Movements.Where(m => regions.Sites.Contains(m.Origin))],
            Projects = [.. facts.Projects.Where(p => projectsIn.Contains(p.Name))],
            Assets = [.. facts.Assets.Where(a => regions.Sites.Contains(a.Site))],
        };
    }

    /// <summary>
    /// The assets not disposed of by <paramref name="day"/>, each needing the board's approval when its disposal was not
    /// approved by then and its value calls for one (or no plan says otherwise).
    /// </summary>
    private async Task<IReadOnlyList<AssetAwaitingDisposal>> AssetsAsync(string missionId, DateOnly day, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.MissionId == missionId, ct);
        var assets = await db.Assets.AsNoTracking().Where(a => a.MissionId == missionId).ToListAsync(ct);
        var cases = (await db.DisposalCases.AsNoTracking().Where(d => d.MissionId == missionId).ToListAsync(ct)).ToLookup(d => d.AssetId, StringComparer.Ordinal);
        return [.. assets
            .Select(asset => (Asset: asset, Case: cases[asset.Id].FirstOrDefault()))
            .Where(a => a.Case?.Record is not { } record || record.DisposalDate > day)
            .Select(a => new AssetAwaitingDisposal(a.Asset.Name, a.Asset.Description.En, a.Asset.Site,
                a.Case is { } opened
                    ? opened.ApprovalRequired && (opened.Approval is not { } approval || approval.ApprovalDate > day)
                    : plan?.NeedsApproval(a.Asset.Currency, a.Asset.DepreciatedValue) ?? true,
                FrenchDescription: a.Asset.Description.Fr))];
    }
}
