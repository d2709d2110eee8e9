using Grpc.Core;
using Grpc.Reflection.V1Alpha;
using MissionOps.Personnel.V1;

namespace MissionOps.AppHost.Tests;

[Collection(SystemCollection.Name)]
public sealed class PersonnelEndToEndTests(MissionOpsSystem system)
{
    private const string Minusma = "missions/minusma";

    private PersonnelService.PersonnelServiceClient Personnel => new(system.Channel("personnel"));

    private static Google.Type.Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    [Fact]
    public async Task Nobody_but_the_residual_roster_is_at_Sevare_the_day_after_its_closure()
    {
        var occupancy = await Personnel.GetSiteOccupancyAsync(new GetSiteOccupancyRequest
        {
            Site = $"{Minusma}/sites/sevare",
            AsOfDate = Day(2023, 12, 9),
        });
        var headcount = await Personnel.GetHeadcountAsync(new GetHeadcountRequest
        {
            Parent = Minusma,
            AsOfDate = Day(2023, 12, 9),
            Site = $"{Minusma}/sites/sevare",
        });
        var before = await Personnel.GetHeadcountAsync(new GetHeadcountRequest
        {
            Parent = Minusma,
            AsOfDate = Day(2023, 11, 1),
            Site = $"{Minusma}/sites/sevare",
        });

        Assert.Equal(0, occupancy.RemainingCount);
        Assert.Equal(occupancy.ResidualCount, headcount.Total);
        Assert.True(before.Total > 1000, $"{before.Total} people at Sévaré on 1 November 2023");
    }

    [Fact]
    public async Task Personnel_asks_the_Sites_service_through_the_AppHost_wiring()
    {
        // Everyone the demo generates has left the mission by 2031, so a newcomer is assigned to a site Sites does not hold.
        var request = new CreatePersonRequest
        {
            Parent = Minusma,
            PersonId = "e2e-newcomer",
            RequestId = Guid.NewGuid().ToString(),
            Person = new Person
            {
                IndexNumber = "MNS-E2E-1",
                FullName = "Aïssata Traoré",
                Component = Component.Civilian,
                Category = Category.InternationalCivilian,
                CountryCode = "SN",
                AssignedSite = $"{Minusma}/sites/nowhere",
                AssignmentDate = Day(2031, 1, 5),
            },
        };

        var refusal = await Assert.ThrowsAsync<RpcException>(() => Personnel.CreatePersonAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refusal.StatusCode);
        Assert.Contains("missions/minusma/sites/nowhere does not exist in the Sites service", refusal.Status.Detail);
    }

    [Fact]
    public async Task Reflection_lists_the_personnel_service()
    {
        using var call = new ServerReflection.ServerReflectionClient(system.Channel("personnel")).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Contains(call.ResponseStream.Current.ListServicesResponse.Service, s => s.Name == "missionops.personnel.v1.PersonnelService");
    }
}
