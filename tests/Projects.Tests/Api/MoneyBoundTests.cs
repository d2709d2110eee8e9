using Grpc.Core;
using Google.Rpc;
using MissionOps.Projects.V1;
using MissionOps.Testing;
using Npgsql;
using static MissionOps.Projects.Tests.Api.Requests;

namespace MissionOps.Projects.Tests.Api;

/// <summary>Amounts carry at most fifteen digits; project totals stay answerable whatever was stored before that bound.</summary>
public sealed class MoneyBoundTests(ProjectsApp app) : ProjectsApiTest(app)
{
    [Fact]
    public async Task An_amount_over_fifteen_digits_is_refused_naming_it()
    {
        await Client.CreateProjectAsync(CreateSchool());
        await Client.StartProjectAsync(Start("school-sevare", Day(2023, 1, 9)));

        await RpcAssert.InvalidArgument(() => Client.RecordTransactionAsync(Spend("school-sevare", 1_000_000_000_000_000)).ResponseAsync,
            "transaction.value.minor_units");
        Assert.Empty((await Client.GetProjectAsync(new GetProjectRequest { Name = ProjectName("school-sevare") })).Transactions);
    }

    [Fact]
    public async Task Spending_stored_near_the_int64_limit_is_answered_exactly_or_as_out_of_range_naming_the_currency()
    {
        await Client.CreateProjectAsync(CreateSchool());
        await Client.StartProjectAsync(Start("school-sevare", Day(2023, 1, 9)));
        await Client.RecordTransactionAsync(Spend("school-sevare", 2_500_000));
        await Client.RecordTransactionAsync(Spend("school-sevare", 1_000_000));
        var name = new GetProjectRequest { Name = ProjectName("school-sevare") };

        // As data stored before the bound could be: one disbursement just under the int64 limit is still a total an answer carries.
        await SetTransactionAmountsAsync(long.MaxValue - 1_000_001, count: 1);
        Assert.Equal(Usd(long.MaxValue - 1), (await Client.GetProjectAsync(name)).Spent);

        await SetTransactionAmountsAsync(long.MaxValue - 1, count: 2);
        var failure = await RpcAssert.Fails(StatusCode.OutOfRange, () => Client.GetProjectAsync(name).ResponseAsync);

        var info = failure.GetRpcStatus()!.GetDetail<ErrorInfo>();
        Assert.Equal("TOTAL_OUT_OF_RANGE", info.Reason);
        Assert.Equal("USD", info.Metadata["currency_code"]);
        Assert.Equal((((Int128)long.MaxValue - 1) * 2).ToString(System.Globalization.CultureInfo.InvariantCulture), info.Metadata["exact_minor_units"]);
        Assert.Contains("USD", failure.Status.Detail, StringComparison.Ordinal);
    }

    /// <summary>Sets the first <paramref name="count"/> transactions of the project to this amount, behind the service's back.</summary>
    private async Task SetTransactionAmountsAsync(long minorUnits, int count)
    {
        await using var connection = new NpgsqlConnection(App.Service.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var update = new NpgsqlCommand(
            """
            UPDATE projects SET transactions = (
              SELECT jsonb_agg(CASE WHEN i <= @count THEN jsonb_set(t, '{minorUnits}', to_jsonb(@amount)) ELSE t END ORDER BY i)
              FROM jsonb_array_elements(transactions) WITH ORDINALITY AS x(t, i))
            """,
            connection);
        update.Parameters.AddWithValue("amount", minorUnits);
        update.Parameters.AddWithValue("count", count);
        Assert.Equal(1, await update.ExecuteNonQueryAsync());
    }
}
