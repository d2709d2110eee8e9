using MissionOps.Liquidation.Assets;
using MissionOps.Liquidation.Closing;
using MissionOps.Liquidation.Disposals;
using MissionOps.Liquidation.Plan;
using MissionOps.Liquidation.Residual;

namespace MissionOps.Liquidation;

/// <summary>The Liquidation service's aggregates as its contract shows them, and the events.proto messages of what happens to them.</summary>
public static class LiquidationContracts
{
    public static ChangeContracts Create() => new ChangeContracts(V1.EventsReflection.Descriptor)
        .Add<LiquidationPlan, LiquidationPlanEvent, V1.LiquidationPlan>(p => p.ToProto([]))
        .Add<Asset, AssetEvent, V1.Asset>(a => a.ToProto())
        .Add<DisposalCase, DisposalCaseEvent, V1.DisposalCase>(d => d.ToProto())
        .Add<Liability, LiabilityEvent, V1.Liability>(l => l.ToProto())
        .Add<ArchiveRecord, ArchiveRecordEvent, V1.ArchiveRecord>(r => r.ToProto())
        .Add<IssuedReport, IssuedReportEvent, V1.FinalReport>(r => r.ToProto())
        .Add<Forecast.Outlook.SiteOutlook, Forecast.Outlook.SiteOutlookEvent, V1.SiteOutlook>(o => o.ToProto());
}
