using Google.Rpc;
using Grpc.Core;
using MissionOps.Liquidation.V1;
using MissionOps.Testing;
using static MissionOps.Liquidation.Tests.Api.Requests;

namespace MissionOps.Liquidation.Tests.Api;

public sealed class PlanAndResidualApiTests(LiquidationApp app) : LiquidationApiTest(app)
{
    [Fact]
    public async Task The_plan_reads_its_residual_team_from_Personnel()
    {
        await ResidualRoster.AddGuardAsync(App, "guard-1", Day(2024, 6, 30));

        var plan = await Client.GetLiquidationPlanAsync(new GetLiquidationPlanRequest { Name = $"{Minusma}/liquidationPlan" });

        Assert.Equal(Day(2024, 1, 1), plan.StartDate);
        var member = Assert.Single(plan.ResidualTeam);
        Assert.Equal(($"{Minusma}/personnel/guard-1", "RESIDUAL_GROUP_GUARD_UNIT"), (member.Person, member.Group));
    }

    [Fact]
    public async Task A_roster_entry_deleted_in_Personnel_leaves_the_residual_team()
    {
        await ResidualRoster.AddGuardAsync(App, "guard-1", Day(2024, 6, 30));
        await ResidualRoster.AddGuardAsync(App, "guard-2", Day(2024, 6, 30));

        await ResidualRoster.DeleteAsync(App, "guard-1");

        var plan = await Client.GetLiquidationPlanAsync(new GetLiquidationPlanRequest { Name = $"{Minusma}/liquidationPlan" });
        Assert.Equal((1, $"{Minusma}/personnel/guard-2"), (plan.ResidualTeamSize, Assert.Single(plan.ResidualTeam).Person));
    }

    [Fact]
    public async Task Without_Personnel_the_plan_is_unavailable_naming_it()
    {
        await using var isolated = new SitesDependentServiceFactory<Program>(App.Postgres, Extensions.DatabaseName, "liquidation_without_personnel",
            App.Sites.Address);
        isolated.WithService("personnel", LoopbackPorts.Closed());
        isolated.Start();
        var client = new LiquidationService.LiquidationServiceClient(isolated.Channel);
        await client.UpdateLiquidationPlanAsync(PlanWithThreshold(5_000_000));

        var failure = await RpcAssert.Fails(StatusCode.Unavailable,
            () => client.GetLiquidationPlanAsync(new GetLiquidationPlanRequest { Name = $"{Minusma}/liquidationPlan" }).ResponseAsync);

        Assert.Equal("personnel", failure.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Metadata["service"]);
    }

    [Fact]
    public async Task A_stale_plan_etag_is_aborted_and_a_bad_threshold_is_named()
    {
        var plan = await Client.GetLiquidationPlanAsync(new GetLiquidationPlanRequest { Name = $"{Minusma}/liquidationPlan" });
        var update = PlanWithThreshold(10_000_000);
        update.Etag = plan.Etag;
        await Client.UpdateLiquidationPlanAsync(update);

        var stale = PlanWithThreshold(20_000_000);
        stale.Etag = plan.Etag;
        await RpcAssert.Fails(StatusCode.Aborted, () => Client.UpdateLiquidationPlanAsync(stale).ResponseAsync);
        var bad = PlanWithThreshold(0);
        bad.LiquidationPlan.ApprovalThreshold.CurrencyCode = "dollars";
        await RpcAssert.InvalidArgument(() => Client.UpdateLiquidationPlanAsync(bad).ResponseAsync,
            "liquidation_plan.approval_threshold.currency_code", "liquidation_plan.approval_threshold.minor_units");
    }

    [Fact]
    public async Task Liabilities_and_records_are_settled_and_archived_once()
    {
        await Client.CreateLiabilityAsync(CreateLiability());
        await Client.CreateArchiveRecordAsync(CreateArchiveRecord());

        var settled = await Client.SettleLiabilityAsync(Settle("sevare-land", Day(2024, 3, 1)));
        var archived = await Client.ArchiveRecordsAsync(Archive("sevare-files", Day(2024, 4, 1)));

        Assert.Equal(LiabilityState.Settled, settled.State);
        Assert.Equal(ArchiveState.Archived, archived.State);
        Assert.Equal(LiabilityState.Settled, Assert.Single((await Client.ListLiabilitiesAsync(new ListLiabilitiesRequest { Parent = Minusma })).Liabilities).State);
        Assert.Single((await Client.ListArchiveRecordsAsync(new ListArchiveRecordsRequest { Parent = Minusma })).ArchiveRecords);
        await RpcAssert.FailedPrecondition(() => Client.SettleLiabilityAsync(Settle("sevare-land", Day(2024, 3, 2))).ResponseAsync, "LIABILITY_SETTLED");
    }
}
