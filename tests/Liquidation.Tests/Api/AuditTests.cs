using MissionOps.Liquidation.V1;
using static MissionOps.Liquidation.Tests.Api.Requests;

namespace MissionOps.Liquidation.Tests.Api;

public sealed class AuditTests(LiquidationApp app) : LiquidationApiTest(app)
{
    [Fact]
    public async Task A_disposal_approved_and_recorded_writes_an_entry_for_each_step()
    {
        await Client.CreateAssetAsync(CreateAsset("gen-1", AssetCategory.Generator, 6_000_000));
        await Client.CreateDisposalCaseAsync(OpenDisposal("gen-1", DisposalGroup.Iv, DisposalMethod.CommercialSale));
        await Client.ApproveDisposalAsync(Approve("gen-1"));
        await Client.RecordDisposalAsync(Record("gen-1", 5_500_000));

        var entries = (await Client.ListAuditEntriesAsync(new ListAuditEntriesRequest { Parent = Minusma, Resource = $"{Minusma}/disposalCases/gen-1" })).AuditEntries;

        Assert.Equal(new[] { "RecordDisposal", "ApproveDisposal", "CreateDisposalCase" }, entries.Select(e => e.Method.Split('/')[^1]));
        Assert.Equal(DisposalState.Approved, entries[0].Before.Unpack<DisposalCase>().State);
        Assert.Equal("USD", entries[0].After.Unpack<DisposalCase>().Record.Proceeds.CurrencyCode);
    }
}
