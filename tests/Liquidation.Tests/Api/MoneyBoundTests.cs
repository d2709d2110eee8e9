using Google.Rpc;
using Grpc.Core;
using MissionOps.Liquidation.V1;
using MissionOps.Testing;
using Npgsql;
using static MissionOps.Liquidation.Tests.Api.Requests;

namespace MissionOps.Liquidation.Tests.Api;

/// <summary>Amounts carry at most fifteen digits; the liquidation report stays answerable whatever was stored before that bound.</summary>
public sealed class MoneyBoundTests(LiquidationApp app) : LiquidationApiTest(app)
{
    [Fact]
    public async Task An_amount_over_fifteen_digits_is_refused_naming_it_and_one_of_fifteen_is_taken()
    {
        var over = CreateAsset("gen-1", AssetCategory.Generator, 1_000_000);
        over.Asset.AcquisitionCost = Usd(1_000_000_000_000_000);
        var atBound = CreateAsset("gen-2", AssetCategory.Generator, 1_000_000);
        atBound.Asset.AcquisitionCost = Usd(999_999_999_999_999);

        await RpcAssert.InvalidArgument(() => Client.CreateAssetAsync(over).ResponseAsync, "asset.acquisition_cost.minor_units");
        var taken = await Client.CreateAssetAsync(atBound);

        Assert.Equal(Usd(999_999_999_999_999), taken.AcquisitionCost);
    }

    [Fact]
    public async Task Values_stored_near_the_int64_limit_are_reported_exactly_or_as_out_of_range_naming_the_currency()
    {
        await Client.CreateAssetAsync(CreateAsset("gen-1", AssetCategory.Generator, 1_000_000));
        var report = new GetLiquidationReportRequest { Mission = Minusma };

        // As data stored before the bound could be: one value just under the int64 limit is still a total the report carries.
        await SetDepreciatedValuesAsync(long.MaxValue - 1);
        Assert.Equal(Usd(long.MaxValue - 1), Assert.Single((await Client.GetLiquidationReportAsync(report)).AwaitingDisposal.DepreciatedValue));

        await Client.CreateAssetAsync(CreateAsset("gen-2", AssetCategory.Generator, 1_000_000));
        await SetDepreciatedValuesAsync(long.MaxValue - 1);
        var failure = await RpcAssert.Fails(StatusCode.OutOfRange, () => Client.GetLiquidationReportAsync(report).ResponseAsync);

        var info = failure.GetRpcStatus()!.GetDetail<ErrorInfo>();
        Assert.Equal(("TOTAL_OUT_OF_RANGE", "USD"), (info.Reason, info.Metadata["currency_code"]));
        Assert.Contains("USD", failure.Status.Detail, StringComparison.Ordinal);
    }

    private async Task SetDepreciatedValuesAsync(long minorUnits)
    {
        await using var connection = new NpgsqlConnection(App.Service.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var update = new NpgsqlCommand("UPDATE assets SET depreciated_value = @amount, acquisition_cost = @amount", connection);
        update.Parameters.AddWithValue("amount", minorUnits);
        await update.ExecuteNonQueryAsync();
    }
}
