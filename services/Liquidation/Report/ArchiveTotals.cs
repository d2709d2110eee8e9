using MissionOps.Liquidation.Residual;
using V1 = MissionOps.Liquidation.V1;

namespace MissionOps.Liquidation.Report;

/// <summary>The mission's records archived by the report's day, and those still to archive, named.</summary>
public static class ArchiveTotals
{
    public static V1.ArchiveFigures Of(IReadOnlyCollection<ArchiveRecord> records, DateOnly day)
    {
        var toArchive = records.Where(r => !(r.ArchivedDate <= day)).Select(r => r.Name).Order(StringComparer.Ordinal).ToList();
        return new V1.ArchiveFigures
        {
            ArchivedCount = records.Count - toArchive.Count,
            ToArchiveCount = toArchive.Count,
            ToArchive = { toArchive },
        };
    }
}
