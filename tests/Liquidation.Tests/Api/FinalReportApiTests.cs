using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using MissionOps.Liquidation.Data;
using MissionOps.Liquidation.V1;
using MissionOps.Sites.V1;
using MissionOps.Testing;
using static MissionOps.Liquidation.Tests.Api.Requests;

namespace MissionOps.Liquidation.Tests.Api;

/// <summary>The final report: issued once nothing blocks, stored as signed, and the liquidation closed after it.</summary>
public sealed class FinalReportApiTests(LiquidationApp app) : LiquidationApiTest(app)
{
    private static readonly GetFinalReportRequest TheFinalReport = new() { Name = $"{Minusma}/finalReport" };

    [Fact]
    public async Task While_anything_blocks_the_report_is_refused_each_blocker_named_and_nothing_is_issued()
    {
        await Client.CreateAssetAsync(CreateAsset("gen-1", AssetCategory.Generator, 100_000));
        await Client.CreateLiabilityAsync(CreateLiability("sevare-land"));

        var blockers = await RpcAssert.FailedPrecondition(() => Client.IssueFinalReportAsync(IssueFinalReport()).ResponseAsync, "LIQUIDATION_NOT_READY");

        Assert.Equal(
            MinusmaSites.SiteIds.Select(id => ("SITE_NOT_HANDED_OVER", $"{Minusma}/sites/{id}"))
                .Append(("ASSET_NOT_DISPOSED", $"{Minusma}/assets/gen-1"))
                .Append(("LIABILITY_OPEN", $"{Minusma}/liabilities/sevare-land"))
                .Order(),
            blockers.Select(b => (b.Type, b.Subject)).Order());
        await RpcAssert.Fails(StatusCode.NotFound, () => Client.GetFinalReportAsync(TheFinalReport).ResponseAsync);
    }

    [Fact]
    public async Task Once_clear_the_report_is_issued_signed_and_a_retry_or_a_second_issue_changes_nothing()
    {
        await RpcAssert.Fails(StatusCode.NotFound, () => Client.GetFinalReportAsync(TheFinalReport).ResponseAsync);
        await MinusmaSites.HandOverEveryAsync(App.SitesClient);
        var request = IssueFinalReport();

        var issued = await Client.IssueFinalReportAsync(request);
        var retried = await Client.IssueFinalReportAsync(request);

        Assert.True(issued.Report.Readiness.Ready);
        Assert.Equal((Day(2024, 6, 30), "Mahamat Saleh Annadif", "MINUSMA/LIQ/2024/017"),
            (issued.Report.AsOfDate, issued.Signatory.FullName, issued.DocumentReference));
        Assert.Equal(issued, retried);
        Assert.Equal(issued, await Client.GetFinalReportAsync(TheFinalReport));
        await RpcAssert.FailedPrecondition(
            () => Client.IssueFinalReportAsync(IssueFinalReport("MINUSMA/LIQ/2024/018")).ResponseAsync, "FINAL_REPORT_ALREADY_ISSUED");
        var audit = await Client.ListAuditEntriesAsync(new V1.ListAuditEntriesRequest { Parent = Minusma, Method = "IssueFinalReport" });
        Assert.Equal(issued, Assert.Single(audit.AuditEntries).After.Unpack<FinalReport>());
    }

    [Fact]
    public async Task After_the_issue_every_change_is_refused_and_the_signed_report_stays_as_signed()
    {
        await Client.CreateArchiveRecordAsync(CreateArchiveRecord("sevare-files"));
        await Client.ArchiveRecordsAsync(Archive("sevare-files", Day(2024, 4, 1)));
        await MinusmaSites.HandOverEveryAsync(App.SitesClient);
        var issued = await Client.IssueFinalReportAsync(IssueFinalReport());

        await RpcAssert.FailedPrecondition(() => Client.CreateAssetAsync(CreateAsset("gen-2", AssetCategory.Generator, 100_000)).ResponseAsync, "LIQUIDATION_CLOSED");
        await RpcAssert.FailedPrecondition(() => Client.CreateArchiveRecordAsync(CreateArchiveRecord("late-files")).ResponseAsync, "LIQUIDATION_CLOSED");
        await RpcAssert.FailedPrecondition(() => Client.UpdateLiquidationPlanAsync(PlanWithThreshold(1)).ResponseAsync, "LIQUIDATION_CLOSED");
        // Personnel is not Liquidation's to close: a guard retained later shows in the report made today, not in the one signed.
        await ResidualRoster.AddGuardAsync(App, "guard-1", Day(2024, 12, 31));

        var remade = await Client.GetLiquidationReportAsync(new GetLiquidationReportRequest { Mission = Minusma, AsOfDate = Day(2024, 6, 30) });
        Assert.Single(remade.ResidualTeam);
        var signed = await Client.GetFinalReportAsync(TheFinalReport);
        Assert.Equal(issued, signed);
        Assert.Empty(signed.Report.ResidualTeam);
        Assert.Equal(1, signed.Report.Records.ArchivedCount);
    }

    [Fact]
    public async Task A_change_racing_the_issue_either_lands_first_and_blocks_it_or_is_refused_after_it()
    {
        await MinusmaSites.HandOverEveryAsync(App.SitesClient);
        var liabilities = Enumerable.Range(1, 8).Select(i => CreateLiability($"claim-{i}")).ToList();

        var issue = Client.IssueFinalReportAsync(IssueFinalReport()).ResponseAsync;
        // Spread over the time the issue takes to gather its figures from the other services.
        var changes = liabilities.Select(async (l, i) =>
        {
            await Task.Delay(i * 15);
            await Client.CreateLiabilityAsync(l);
        }).ToList();
        var outcomes = (await Task.WhenAll(changes.Prepend<Task>(issue).Select(RpcAssert.OutcomeOf))).Select(o => o.Reason ?? o.Code.ToString()).ToList();

        // An open liability blocks the report; so each liability is either created before the issue (and no report) or refused after it.
        var created = outcomes.Skip(1).Count(o => o == "OK");
        var refused = outcomes.Skip(1).Count(o => o == "LIQUIDATION_CLOSED");
        Assert.Equal(liabilities.Count, created + refused);
        Assert.Contains(created, new[] { 0, liabilities.Count });
        Assert.Equal(created == 0 ? "OK" : "LIQUIDATION_NOT_READY", outcomes[0]);
        var listed = await Client.ListLiabilitiesAsync(new ListLiabilitiesRequest { Parent = Minusma });
        Assert.Equal(created, listed.Liabilities.Count);
    }

    [Fact]
    public async Task A_site_closing_after_the_issue_opens_no_disposal()
    {
        await MinusmaSites.HandOverEveryAsync(App.SitesClient);
        await Client.IssueFinalReportAsync(IssueFinalReport());
        await using var scope = App.Service.Services.CreateAsyncScope();
        // A closed liquidation has no registered asset left, so one is put straight in the books: the gate, not their emptiness, decides.
        var db = scope.ServiceProvider.GetRequiredService<LiquidationDbContext>();
        db.Assets.Add(Assets.Asset.Register("minusma", "gen-9", new Assets.AssetTerms(new ServiceDefaults.Contracts.Text("Generator", "Groupe électrogène"),
            Ownership.UnOwned, AssetCategory.Generator, Sevare, "GEN-9", "USD", 300_000, 100_000, OwnerCountryCode: null), ContingentDecision.Unspecified,
            DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();

        await scope.ServiceProvider.GetRequiredService<Feeds.SiteClosedHandler>().HandleAsync(new MissionOps.Common.V1.ChangeEvent
        {
            Sequence = 1_000_000_000,
            Type = SiteClosed.Descriptor.FullName,
            Resource = Sevare,
            Payload = Google.Protobuf.WellKnownTypes.Any.Pack(new SiteClosed { Site = new Site { Name = Sevare, State = SiteState.Closed } }),
        }, CancellationToken.None);

        Assert.Empty((await Client.ListDisposalCasesAsync(new ListDisposalCasesRequest { Parent = Minusma })).DisposalCases);
    }
}
