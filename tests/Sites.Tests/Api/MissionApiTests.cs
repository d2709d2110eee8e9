using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using MissionOps.Sites.V1;
using MissionOps.Testing;
using static MissionOps.Sites.Tests.Api.Requests;

namespace MissionOps.Sites.Tests.Api;

public sealed class MissionApiTests(SitesApp app) : SitesApiTest(app)
{
    [Fact]
    public async Task A_created_mission_reads_back_with_accents_and_dates()
    {
        var created = await Client.CreateMissionAsync(CreateMission());

        var read = await Client.GetMissionAsync(new GetMissionRequest { Name = "missions/minusma" });

        Assert.Equal("missions/minusma", read.Name);
        Assert.Equal("Mission multidimensionnelle intégrée des Nations Unies pour la stabilisation au Mali", read.DisplayName.Fr);
        Assert.Equal(Day(2024, 1, 1), read.LiquidationStartDate);
        Assert.Equal(created.Etag, read.Etag);
        Assert.NotEmpty(read.Etag);
    }

    [Fact]
    public async Task An_update_records_the_Councils_decisions_and_changes_only_the_masked_fields_once()
    {
        var created = await Client.CreateMissionAsync(CreateMission());
        var update = new UpdateMissionRequest
        {
            Mission = new Mission { Name = created.Name, MandateEndDate = Day(2023, 6, 30), HostCountryCode = "NE", DisplayName = Text("x", "y") },
            UpdateMask = new FieldMask { Paths = { "mandate_end_date", "display_name.en" } },
            Etag = created.Etag,
            RequestId = NewId(),
        };

        var updated = await Client.UpdateMissionAsync(update);
        var retried = await Client.UpdateMissionAsync(update);

        Assert.Equal((Day(2023, 6, 30), "x", created.DisplayName.Fr, "ML"), (updated.MandateEndDate, updated.DisplayName.En, updated.DisplayName.Fr, updated.HostCountryCode));
        Assert.Equal(updated, retried);
        Assert.NotEqual(created.Etag, updated.Etag);
        Assert.Equal(updated, await Client.GetMissionAsync(new GetMissionRequest { Name = created.Name }));
        await RpcAssert.Fails(StatusCode.Aborted, () => Client.UpdateMissionAsync(new UpdateMissionRequest
        {
            Mission = new Mission { Name = created.Name }, UpdateMask = new FieldMask { Paths = { "liquidation_start_date" } },
            Etag = created.Etag, RequestId = NewId(),
        }).ResponseAsync);
    }

    [Fact]
    public async Task An_update_is_checked_against_the_mission_as_it_would_stand()
    {
        var created = await Client.CreateMissionAsync(CreateMission());

        await RpcAssert.InvalidArgument(() => Client.UpdateMissionAsync(new UpdateMissionRequest
        {
            Mission = new Mission { Name = created.Name, MandateStartDate = Day(2024, 6, 1), HostCountryCode = "NE" },
            UpdateMask = new FieldMask { Paths = { "mandate_start_date", "host_country_code" } },
            RequestId = NewId(),
        }).ResponseAsync, "update_mask");
        await RpcAssert.InvalidArgument(() => Client.UpdateMissionAsync(new UpdateMissionRequest
        {
            Mission = new Mission { Name = created.Name, MandateStartDate = Day(2024, 6, 1) },
            UpdateMask = new FieldMask { Paths = { "mandate_start_date" } },
            RequestId = NewId(),
        }).ResponseAsync, "mission.mandate_end_date", "mission.liquidation_start_date");

        Assert.Equal(created, await Client.GetMissionAsync(new GetMissionRequest { Name = created.Name }));
    }

    [Fact]
    public async Task Bad_input_names_every_bad_field_and_stores_nothing()
    {
        var request = CreateMission("MINUSMA!");
        request.Mission.DisplayName.Fr = " ";
        request.Mission.HostCountryCode = "Mali";
        request.Mission.MandateEndDate = Day(2012, 1, 1);
        request.Mission.LiquidationStartDate = Day(2023, 2, 30);

        await RpcAssert.InvalidArgument(() => Client.CreateMissionAsync(request).ResponseAsync,
            "mission_id", "mission.display_name.fr", "mission.host_country_code", "mission.mandate_end_date", "mission.liquidation_start_date");

        var missions = await Client.ListMissionsAsync(new ListMissionsRequest());
        Assert.Empty(missions.Missions);
    }

    [Fact]
    public async Task A_retry_with_the_same_request_id_returns_the_first_answer_and_stores_once()
    {
        var request = CreateMission();

        var first = await Client.CreateMissionAsync(request);
        var retry = await Client.CreateMissionAsync(request);

        Assert.Equal(first, retry);
        Assert.Single((await Client.ListMissionsAsync(new ListMissionsRequest())).Missions);
    }

    [Fact]
    public async Task The_same_request_id_with_another_request_is_refused()
    {
        var request = CreateMission();
        await Client.CreateMissionAsync(request);

        var other = CreateMission("minurso");
        other.RequestId = request.RequestId;

        await RpcAssert.InvalidArgument(() => Client.CreateMissionAsync(other).ResponseAsync, "request_id");
        await RpcAssert.Fails(StatusCode.NotFound, () => Client.GetMissionAsync(new GetMissionRequest { Name = "missions/minurso" }).ResponseAsync);
    }

    [Fact]
    public async Task A_second_mission_with_the_same_id_already_exists()
    {
        await Client.CreateMissionAsync(CreateMission());

        var exception = await RpcAssert.Fails(StatusCode.AlreadyExists, () => Client.CreateMissionAsync(CreateMission()).ResponseAsync);

        Assert.Equal("RESOURCE_ALREADY_EXISTS", RpcAssert.Reason(exception));
    }

    [Fact]
    public async Task An_unknown_mission_is_not_found_and_a_malformed_name_is_invalid()
    {
        var missing = await RpcAssert.Fails(StatusCode.NotFound,
            () => Client.GetMissionAsync(new GetMissionRequest { Name = "missions/unmis" }).ResponseAsync);
        Assert.Contains("missions/unmis", missing.Status.Detail);

        await RpcAssert.InvalidArgument(() => Client.GetMissionAsync(new GetMissionRequest { Name = "minusma" }).ResponseAsync, "name");
    }

    [Fact]
    public async Task Missions_are_listed_page_by_page_without_gaps_or_repeats()
    {
        foreach (var id in new[] { "minusma", "minurso", "monusco", "unmiss", "unifil" })
        {
            await Client.CreateMissionAsync(CreateMission(id));
        }

        var seen = new List<string>();
        var token = string.Empty;
        do
        {
            var page = await Client.ListMissionsAsync(new ListMissionsRequest { PageSize = 2, PageToken = token });
            Assert.True(page.Missions.Count <= 2);
            seen.AddRange(page.Missions.Select(m => m.Name));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(new[] { "missions/minurso", "missions/minusma", "missions/monusco", "missions/unifil", "missions/unmiss" }, seen);
    }

    [Fact]
    public async Task A_negative_page_size_or_a_forged_token_is_invalid()
    {
        await RpcAssert.InvalidArgument(() => Client.ListMissionsAsync(new ListMissionsRequest { PageSize = -1 }).ResponseAsync, "page_size");
        await RpcAssert.InvalidArgument(() => Client.ListMissionsAsync(new ListMissionsRequest { PageToken = "not-a-token" }).ResponseAsync, "page_token");
    }
}
