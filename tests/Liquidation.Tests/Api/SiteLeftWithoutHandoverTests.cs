using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionOps.Liquidation.Data;
using MissionOps.Liquidation.V1;
using MissionOps.Testing;
using static MissionOps.Liquidation.Tests.Api.Requests;

namespace MissionOps.Liquidation.Tests.Api;

/// <summary>
/// A site left without handover (Douentza here, as Tessalit was in October 2023): Liquidation writes
/// off what the mission had there, a proposed transfer of its buildings included, and readiness
/// counts the site as settled.
/// </summary>
public sealed class SiteLeftWithoutHandoverTests(LiquidationApp app) : LiquidationApiTest(app)
{
    private const string Douentza = "missions/minusma/sites/douentza";
    private const string Board = "MINUSMA/BOI/2023/031";

    private async Task RegisterAtDouentzaAsync(string id, AssetCategory category, long valueCents, Ownership ownership = Ownership.UnOwned)
    {
        var asset = CreateAsset(id, category, valueCents, ownership);
        asset.Asset.Site = Douentza;
        await Client.CreateAssetAsync(asset);
    }

    [Fact]
    public async Task What_was_left_is_written_off_as_a_loss_under_the_board_reference_and_the_site_no_longer_blocks()
    {
        await RegisterAtDouentzaAsync("prefab-1", AssetCategory.PrefabricatedBuilding, 12_000_000);
        await RegisterAtDouentzaAsync("gen-1", AssetCategory.Generator, 1_000_000);
        await RegisterAtDouentzaAsync("coe-apc", AssetCategory.ArmouredVehicle, 20_000_000, Ownership.ContingentOwned);
        await Client.CreateAssetAsync(CreateAsset("elsewhere", AssetCategory.Generator, 100_000));
        await MinusmaSites.CloseAsync(App.SitesClient, "douentza");
        var proposed = await CasesWhenAsync(c => c.Count >= 2);
        Assert.Contains(proposed, c => c.Method == DisposalMethod.HandoverToHostGovernment);

        await MinusmaSites.LeaveWithoutHandoverAsync(App.SitesClient, "douentza", Board);
        var cases = await CasesWhenAsync(c => c.Count(d => d.State == DisposalState.Disposed) >= 2);

        Assert.All(cases, c => Assert.Equal((DisposalState.Disposed, DisposalGroup.Iv, DisposalMethod.WriteOff, Board, 0L),
            (c.State, c.Group, c.Method, c.Record.CertificateNumber, c.Record.Proceeds.MinorUnits)));
        var premises = cases.Single(c => c.Asset.EndsWith("prefab-1", StringComparison.Ordinal));
        Assert.Equal((-12_000_000L, Day(2023, 12, 8)), (premises.Record.GainOrLoss.MinorUnits, premises.Record.DisposalDate));
        Assert.Equal(("test-user", Board), (premises.Approval.ApprovedBy, premises.Approval.Reference));
        Assert.Contains("détruit", premises.Record.Counterparty.Fr);
        Assert.Equal(AssetState.Registered, (await Client.GetAssetAsync(new GetAssetRequest { Name = $"{Minusma}/assets/coe-apc" })).State);
        Assert.Equal(AssetState.Registered, (await Client.GetAssetAsync(new GetAssetRequest { Name = $"{Minusma}/assets/elsewhere" })).State);

        var readiness = await Client.GetClosureReadinessAsync(new GetClosureReadinessRequest { Mission = Minusma });
        Assert.DoesNotContain(readiness.BlockingItems, i => i.Resource == Douentza);
        Assert.Contains(readiness.BlockingItems, i => i.Kind == BlockerKind.SiteNotHandedOver && i.Resource == Sevare);

        var report = await Client.GetLiquidationReportAsync(new GetLiquidationReportRequest { Mission = Minusma, AsOfDate = Day(2023, 12, 8) });
        var writtenOff = report.DisposalsByMethod.Single(m => m.Method == DisposalMethod.WriteOff).Figures.Single();
        Assert.Equal((2, -13_000_000L), (writtenOff.AssetCount, writtenOff.Losses.MinorUnits));
        Assert.DoesNotContain((await Client.GetLiquidationReportAsync(new GetLiquidationReportRequest { Mission = Minusma, AsOfDate = Day(2023, 12, 7) }))
            .DisposalsByMethod, m => m.Method == DisposalMethod.WriteOff);
    }

    [Fact]
    public async Task The_event_handled_again_writes_nothing_off_twice()
    {
        await RegisterAtDouentzaAsync("gen-1", AssetCategory.Generator, 1_000_000);
        await MinusmaSites.LeaveWithoutHandoverAsync(App.SitesClient, "douentza", Board);
        var written = Assert.Single(await CasesWhenAsync(c => c.Count == 1 && c[0].State == DisposalState.Disposed));
        Assert.Equal(DisposalMethod.WriteOff, written.Method);

        await using (var scope = App.Service.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LiquidationDbContext>().Set<ServiceDefaults.Events.FeedCursor>().ExecuteDeleteAsync();
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(written, Assert.Single((await Client.ListDisposalCasesAsync(new ListDisposalCasesRequest { Parent = Minusma })).DisposalCases));
        var audit = await Client.ListAuditEntriesAsync(new ListAuditEntriesRequest { Parent = Minusma, Resource = written.Name });
        Assert.Equal("service:liquidation", Assert.Single(audit.AuditEntries).Subject);
    }
}
