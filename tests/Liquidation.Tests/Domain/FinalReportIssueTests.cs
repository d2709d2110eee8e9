using MissionOps.Liquidation.Closing;
using MissionOps.Liquidation.V1;
using MissionOps.ServiceDefaults.Errors;
using ErrorReason = MissionOps.Common.V1.ErrorReason;

namespace MissionOps.Liquidation.Tests.Domain;

public sealed class FinalReportIssueTests
{
    private static readonly DateTimeOffset Now = new(2024, 7, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_report_with_blockers_is_not_issued_and_each_blocker_is_listed_by_its_kind()
    {
        var kinds = Enum.GetValues<BlockerKind>().Where(k => k != BlockerKind.Unspecified).ToList();
        var report = new LiquidationReport
        {
            Readiness = new ClosureReadiness
            {
                BlockingItems = { kinds.Select(k => new BlockingItem { Kind = k, Resource = $"missions/minusma/{k}", Description = "still open" }) },
            },
        };

        var error = Assert.Throws<RuleViolationException>(() => IssuedReport.Issue("minusma", report, new DateOnly(2024, 6, 30), "Chief", "Chief", "LIQ/1", Now));

        Assert.Equal(ErrorReason.LiquidationNotReady, error.Reason);
        Assert.Equal(
            [
                ErrorReason.SiteNotHandedOver, ErrorReason.PersonnelRemaining, ErrorReason.ProjectOpen,
                ErrorReason.AssetNotDisposed, ErrorReason.LiabilityOpen, ErrorReason.RecordsNotArchived,
            ],
            error.Missing.Select(m => m.Type));
        Assert.Equal(kinds.Select(k => $"missions/minusma/{k}"), error.Missing.Select(m => m.Subject));
    }
}
