namespace MissionOps.Liquidation.Closing;

/// <summary>
/// The one gate every Liquidation change passes: once the final report is issued, the mission's
/// liquidation is closed and nothing in it changes any more.
/// </summary>
public static class LiquidationClosure
{
    public const string Issuing = nameof(LiquidationApi.IssueFinalReport);

    /// <summary>Refuses a change, in its transaction, once the final report is issued (a second issue as such).</summary>
    public static async Task EnsureOpenAsync(LiquidationDbContext db, string missionId, string method, CancellationToken ct)
    {
        var issued = await LockAsync(db, missionId, exclusive: method == Issuing, ct);
        if (issued is null)
        {
            return;
        }

        var when = $"its final report {issued.DocumentReference} was issued on {issued.IssueDate:yyyy-MM-dd}";
        throw method == Issuing
            ? new RuleViolationException(ErrorReason.FinalReportAlreadyIssued, $"missions/{missionId}: {when}.")
            : new RuleViolationException(ErrorReason.LiquidationClosed, $"The liquidation of missions/{missionId} is closed: {when}; nothing in it changes any more.");
    }

    /// <summary>
    /// Takes the mission's closing lock until the transaction ends and says whether the report is issued.
    /// Changes share the lock and issuing takes it alone, so no change commits between the report's
    /// figures and the closing.
    /// </summary>
    public static async Task<IssuedReport?> LockAsync(LiquidationDbContext db, string missionId, bool exclusive, CancellationToken ct)
    {
        var key = $"missionops.liquidation.closing/{missionId}";
        if (exclusive)
        {
            await TransactionLock.TakeAsync(db, key, ct);
        }
        else
        {
            await TransactionLock.TakeSharedAsync(db, key, ct);
        }

        return await db.FinalReports.AsNoTracking().SingleOrDefaultAsync(r => r.MissionId == missionId, ct);
    }
}
