using MissionOps.Liquidation.Readiness;
using MissionOps.Personnel.Client;
using V1 = MissionOps.Liquidation.V1;

namespace MissionOps.Liquidation.Report;

/// <summary>
/// The figures of the final liquidation report as of a day, from Liquidation's own books, with
/// the residual team from Personnel and the readiness verdict as <see cref="ReadinessReport"/> makes it.
/// </summary>
public sealed class FinalReport(LiquidationDbContext db, ReadinessReport readiness, PersonnelDirectory personnel)
{
    /// <summary>
    /// The report; limited to some regions (<paramref name="regions"/>), it counts the assets at their sites only, and leaves
    /// out what lies in no region (liabilities, records, the residual team): the mission's.
    /// </summary>
    public async Task<V1.LiquidationReport> BuildAsync(string missionId, DateOnly day, DateOnly today, CancellationToken ct, ReadinessRegions? regions = null)
    {
        var assets = AssetOnDay.Of(
            (await db.Assets.AsNoTracking().Where(a => a.MissionId == missionId).ToListAsync(ct)).Where(a => regions?.Sites.Contains(a.Site) ?? true),
            await db.DisposalCases.AsNoTracking().Where(d => d.MissionId == missionId).ToListAsync(ct),
            day);
        var unOwnedDisposed = assets.Where(a => a.Disposed && a.Asset.Ownership == V1.Ownership.UnOwned).ToList();
        var liabilities = regions is null ? await db.Liabilities.AsNoTracking().Where(l => l.MissionId == missionId).ToListAsync(ct) : [];
        var records = regions is null ? await db.ArchiveRecords.AsNoTracking().Where(r => r.MissionId == missionId).ToListAsync(ct) : [];
        var verdict = await readiness.BuildAsync(missionId, today, ct, regions);
        var team = regions is null
            ? (await personnel.ResidualRosterAsync(missionId, ct)).Where(e => e.EndDate.ToDateOnly() is not { } end || end >= day).Select(e => e.ToProto()).ToList()
            : [];

        return new V1.LiquidationReport
        {
            Mission = $"missions/{missionId}",
            AsOfDate = day.ToProto(),
            DisposalsByGroup = { DisposalTotals.ByGroup(unOwnedDisposed) },
            DisposalsByMethod = { DisposalTotals.ByMethod(unOwnedDisposed) },
            DisposalTotals = { DisposalTotals.PerCurrency(unOwnedDisposed) },
            ContingentOwned = { ContingentTotals.Of(assets.Where(a => a.Asset.Ownership == V1.Ownership.ContingentOwned)) },
            AwaitingDisposal = AwaitingDisposal.Of(assets.Where(a => !a.Disposed).ToList()),
            Liabilities = { LiabilityTotals.Of(liabilities, day) },
            Records = ArchiveTotals.Of(records, day),
            ResidualTeam = { team },
            ResidualTeamSize = team.Count,
            Readiness = verdict,
            DisposalAuthorities = { DisposalAuthorities.Of(unOwnedDisposed) },
            Regions = { regions?.Codes ?? [] },
        };
    }
}
