extern alias personnel;
using Google.Rpc;
using Grpc.Core;
using MissionOps.Liquidation.V1;
using MissionOps.Testing;
using static MissionOps.Liquidation.Tests.Api.Requests;
using P = MissionOps.Personnel.V1;

namespace MissionOps.Liquidation.Tests.Api;

public sealed class ReadinessApiTests(LiquidationApp app) : LiquidationApiTest(app)
{
    [Fact]
    public async Task Readiness_asks_every_service_and_names_each_blocker()
    {
        await new P.PersonnelService.PersonnelServiceClient(App.Personnel.Channel).CreatePersonAsync(new P.CreatePersonRequest
        {
            Parent = Minusma,
            PersonId = "late",
            RequestId = NewId(),
            Person = new P.Person
            {
                IndexNumber = "MNS-LATE",
                FullName = "Fatoumata Diarra",
                Component = P.Component.Civilian,
                Category = P.Category.NationalCivilian,
                CountryCode = "ML",
                AssignedSite = Sevare,
                AssignmentDate = Day(2023, 1, 1),
            },
        });
        await Client.CreateAssetAsync(CreateAsset("gen-1", AssetCategory.Generator, 100_000));
        await Client.CreateLiabilityAsync(new CreateLiabilityRequest
        {
            Parent = Minusma,
            LiabilityId = "claim",
            RequestId = NewId(),
            Liability = new Liability { Kind = LiabilityKind.Claim, Description = Text("Claim", "Réclamation"), Owner = "Legal Officer" },
        });

        var readiness = await Client.GetClosureReadinessAsync(new GetClosureReadinessRequest { Mission = Minusma });

        Assert.False(readiness.Ready);
        Assert.Equal(MinusmaSites.SiteIds.Length, readiness.Totals.SitesNotHandedOver);
        Assert.Equal(1, readiness.Totals.PersonnelRemaining);
        Assert.Equal((1, 1, 0, 0), (readiness.Totals.AssetsNotDisposed, readiness.Totals.LiabilitiesOpen, readiness.Totals.RecordsToArchive,
            readiness.Totals.ProjectsOpen));
        Assert.Contains(readiness.BlockingItems, i => i.Kind == BlockerKind.PersonnelRemaining && i.Resource == Sevare);
        Assert.Contains(readiness.BlockingItems, i => i.Kind == BlockerKind.AssetNotDisposed && i.Resource == $"{Minusma}/assets/gen-1");
        Assert.Contains(readiness.BlockingItems, i => i.Kind == BlockerKind.LiabilityOpen && i.Resource == $"{Minusma}/liabilities/claim");
    }

    [Fact]
    public async Task Without_Projects_readiness_is_unavailable_never_a_wrong_ready()
    {
        await using var isolated = new SitesDependentServiceFactory<Program>(App.Postgres, Extensions.DatabaseName, "liquidation_without_projects",
            App.Sites.Address);
        isolated.WithService("personnel", App.Personnel.Address).WithService("projects", LoopbackPorts.Closed());
        isolated.Start();
        var client = new LiquidationService.LiquidationServiceClient(isolated.Channel);

        var failure = await RpcAssert.Fails(StatusCode.Unavailable,
            () => client.GetClosureReadinessAsync(new GetClosureReadinessRequest { Mission = Minusma }).ResponseAsync);

        Assert.Equal("projects", failure.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Metadata["service"]);
    }
}
