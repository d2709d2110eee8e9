using Google.Protobuf;
using V1 = MissionOps.Liquidation.V1;

namespace MissionOps.Liquidation.Closing;

/// <summary>The final report as issued: the report's bytes as made on the issue date, and the signature.</summary>
public sealed class IssuedReport : Aggregate<IssuedReportEvent>, IAggregate
{
    private IssuedReport()
    {
    }

    public string MissionId { get; private set; } = string.Empty;

    /// <summary>The LiquidationReport as signed: read back as it is, never made again from today's books.</summary>
    public byte[] Report { get; private set; } = [];

    public DateOnly IssueDate { get; private set; }

    public string SignatoryName { get; private set; } = string.Empty;

    public string SignatoryTitle { get; private set; } = string.Empty;

    public string DocumentReference { get; private set; } = string.Empty;

    public DateTimeOffset IssueTime { get; private set; }

    public string Name => $"missions/{MissionId}/finalReport";

    /// <summary>Issues the report made on <paramref name="issueDate"/>; refused while its readiness verdict names a blocker.</summary>
    public static IssuedReport Issue(string missionId, V1.LiquidationReport report, DateOnly issueDate, string signatoryName, string signatoryTitle,
        string documentReference, DateTimeOffset now)
    {
        var blockers = report.Readiness.BlockingItems;
        if (blockers.Count > 0)
        {
            throw new RuleViolationException(ErrorReason.LiquidationNotReady,
                $"missions/{missionId} cannot close yet: {blockers.Count} item(s) block it; the final report is issued once nothing does.",
                [.. blockers.Select(b => new MissingItem(BlockerType(b.Kind), b.Resource, b.Description))]);
        }

        return Raising(new IssuedReport
        {
            MissionId = missionId,
            Report = report.ToByteArray(),
            IssueDate = issueDate,
            SignatoryName = signatoryName,
            SignatoryTitle = signatoryTitle,
            DocumentReference = documentReference,
            IssueTime = now,
        }, IssuedReportEvent.Issued);
    }

    public V1.FinalReport ToProto() => new()
    {
        Name = Name,
        Report = V1.LiquidationReport.Parser.ParseFrom(Report),
        IssueDate = IssueDate.ToProto(),
        Signatory = new V1.ReportSignatory { FullName = SignatoryName, Title = SignatoryTitle },
        DocumentReference = DocumentReference,
        IssueTime = IssueTime.ToProto(),
    };

    /// <summary><c>SITE_NOT_HANDED_OVER</c> for BLOCKER_KIND_SITE_NOT_HANDED_OVER: the contract's name, without its prefix.</summary>
    private static ErrorReason BlockerType(V1.BlockerKind kind) => kind switch
    {
        V1.BlockerKind.SiteNotHandedOver => ErrorReason.SiteNotHandedOver,
        V1.BlockerKind.PersonnelRemaining => ErrorReason.PersonnelRemaining,
        V1.BlockerKind.ProjectOpen => ErrorReason.ProjectOpen,
        V1.BlockerKind.AssetNotDisposed => ErrorReason.AssetNotDisposed,
        V1.BlockerKind.LiabilityOpen => ErrorReason.LiabilityOpen,
        V1.BlockerKind.RecordsNotArchived => ErrorReason.RecordsNotArchived,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "a blocker of no kind"),
    };
}
