using Grpc.Core;
using MissionOps.Sites.V1;
using MissionOps.Testing;
using static MissionOps.Sites.Tests.Api.Requests;

namespace MissionOps.Sites.Tests.Api;

public sealed class RegionAndPhaseApiTests(SitesApp app) : SitesApiTest(app)
{
    [Fact]
    public async Task A_region_is_named_by_its_pcode_and_version_and_lists_its_districts()
    {
        await Client.CreateMissionAsync(CreateMission());

        var region = await Client.CreateRegionAsync(CreateMopti());
        var listed = await Client.ListRegionsAsync(new ListRegionsRequest { Parent = Minusma });

        Assert.Equal("missions/minusma/regions/ml05-v2019", region.Name);
        Assert.Equal(region, Assert.Single(listed.Regions));
        Assert.Contains(region.Districts, d => d.Pcode == "ML0504" && d.DisplayName.En == "Douentza");
        Assert.Equal(region, await Client.GetRegionAsync(new GetRegionRequest { Name = region.Name }));
        await RpcAssert.Fails(StatusCode.NotFound, () => Client.GetRegionAsync(new GetRegionRequest { Name = $"{Minusma}/regions/ml06-v2019" }).ResponseAsync);
    }

    [Fact]
    public async Task A_phase_reads_back_by_its_name_and_an_unknown_one_is_not_found()
    {
        await Client.CreateMissionAsync(CreateMission());
        var phase = await Client.CreateDrawdownPhaseAsync(CreatePhase2());

        Assert.Equal(phase, await Client.GetDrawdownPhaseAsync(new GetDrawdownPhaseRequest { Name = phase.Name }));
        await RpcAssert.Fails(StatusCode.NotFound,
            () => Client.GetDrawdownPhaseAsync(new GetDrawdownPhaseRequest { Name = $"{Minusma}/drawdownPhases/phase-9" }).ResponseAsync);
        await RpcAssert.InvalidArgument(() => Client.GetDrawdownPhaseAsync(new GetDrawdownPhaseRequest { Name = "phase-2" }).ResponseAsync, "name");
    }

    [Fact]
    public async Task Malformed_pcodes_and_districts_of_another_region_are_refused_by_field()
    {
        await Client.CreateMissionAsync(CreateMission());
        var request = CreateMopti();
        request.Region.PcodeVersion = "2019/10";
        request.Region.Districts[0].Pcode = "ML0601";
        request.Region.Districts[1].Pcode = "ml05x";
        request.Region.Districts[2].DisplayName.Fr = string.Empty;

        await RpcAssert.InvalidArgument(() => Client.CreateRegionAsync(request).ResponseAsync,
            "region.pcode_version", "region.districts[0].pcode", "region.districts[1].pcode", "region.districts[2].display_name.fr");
        Assert.Empty((await Client.ListRegionsAsync(new ListRegionsRequest { Parent = Minusma })).Regions);
    }

    [Fact]
    public async Task A_region_outside_the_host_country_is_refused()
    {
        await Client.CreateMissionAsync(CreateMission());
        var request = CreateMopti();
        request.Region.Pcode = "BF05";
        request.Region.Districts.Clear();

        var violations = await RpcAssert.InvalidArgument(() => Client.CreateRegionAsync(request).ResponseAsync, "region.pcode");
        Assert.Contains("ML", violations[0].Description);
    }

    [Fact]
    public async Task A_region_needs_an_existing_mission()
    {
        await RpcAssert.Fails(StatusCode.NotFound, () => Client.CreateRegionAsync(CreateMopti()).ResponseAsync);
    }

    [Fact]
    public async Task Phases_list_in_order_and_an_ordinal_is_taken_once()
    {
        await Client.CreateMissionAsync(CreateMission());
        await Client.CreateDrawdownPhaseAsync(CreatePhase2());
        var phase1 = CreatePhase2();
        phase1.DrawdownPhaseId = "phase-1";
        phase1.DrawdownPhase.Ordinal = 1;
        phase1.DrawdownPhase.StartDate = Day(2023, 7, 1);
        phase1.DrawdownPhase.EndDate = Day(2023, 8, 31);
        await Client.CreateDrawdownPhaseAsync(phase1);

        var duplicate = CreatePhase2();
        duplicate.DrawdownPhaseId = "phase-two";
        await RpcAssert.InvalidArgument(() => Client.CreateDrawdownPhaseAsync(duplicate).ResponseAsync, "drawdown_phase.ordinal");

        var phases = await Client.ListDrawdownPhasesAsync(new ListDrawdownPhasesRequest { Parent = Minusma });
        Assert.Equal(new[] { "missions/minusma/drawdownPhases/phase-1", "missions/minusma/drawdownPhases/phase-2" },
            phases.DrawdownPhases.Select(p => p.Name));
    }

    [Fact]
    public async Task A_phase_that_ends_before_it_starts_is_refused()
    {
        await Client.CreateMissionAsync(CreateMission());
        var request = CreatePhase2();
        request.DrawdownPhase.EndDate = Day(2023, 8, 1);
        request.DrawdownPhase.Ordinal = 0;

        await RpcAssert.InvalidArgument(() => Client.CreateDrawdownPhaseAsync(request).ResponseAsync,
            "drawdown_phase.end_date", "drawdown_phase.ordinal");
    }
}
