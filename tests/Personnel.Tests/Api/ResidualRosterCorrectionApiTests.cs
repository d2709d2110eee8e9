using Google.Protobuf.Reflection;
using Grpc.Core;
using MissionOps.Personnel.V1;
using MissionOps.Testing;
using static MissionOps.Personnel.Tests.Api.Requests;

namespace MissionOps.Personnel.Tests.Api;

public sealed class ResidualRosterCorrectionApiTests(PersonnelApp app) : PersonnelApiTest(app)
{
    private static readonly TypeRegistry Events = TypeRegistry.FromFiles(EventsReflection.Descriptor);

    private Task<ResidualRosterEntry> GetAsync(string personId) =>
        Client.GetResidualRosterEntryAsync(new GetResidualRosterEntryRequest { Name = RosterEntryName(personId) }).ResponseAsync;

    private async Task<SiteOccupancy> SevareOccupancyAsync() =>
        await Client.GetSiteOccupancyAsync(new GetSiteOccupancyRequest { Site = Sevare, AsOfDate = Day(2023, 12, 9) });

    [Fact]
    public async Task A_correction_changes_only_the_masked_fields_once()
    {
        await HireAsync("guard");
        var created = await Client.CreateResidualRosterEntryAsync(Retain("guard"));
        var change = created.Clone();
        change.Role = Text("Records clerk", "Commis aux archives");
        change.EndDate = Day(2024, 1, 31);
        change.Group = ResidualGroup.LiquidationTeam;
        change.Site = Headquarters;
        var update = UpdateRosterEntry(change, "role", "end_date");
        update.Etag = created.Etag;

        var corrected = await Client.UpdateResidualRosterEntryAsync(update);
        var retried = await Client.UpdateResidualRosterEntryAsync(update);

        Assert.Equal(("Records clerk", Day(2024, 1, 31), ResidualGroup.GuardUnit, Sevare),
            (corrected.Role.En, corrected.EndDate, corrected.Group, corrected.Site));
        Assert.NotEqual(created.Etag, corrected.Etag);
        Assert.Equal(corrected, retried);
        var audit = (await Client.ListAuditEntriesAsync(new ListAuditEntriesRequest { Parent = Minusma, Resource = created.Name })).AuditEntries;
        Assert.Equal(new[] { "UpdateResidualRosterEntry", "CreateResidualRosterEntry" }, audit.Select(e => e.Method.Split('/')[^1]));
        Assert.Equal(Day(2024, 6, 30), audit[0].Before.Unpack<ResidualRosterEntry>().EndDate);
        Assert.Equal(corrected, await GetAsync("guard"));
    }

    [Fact]
    public async Task A_corrected_site_moves_the_exemption_there()
    {
        await HireAsync("guard");
        var created = await Client.CreateResidualRosterEntryAsync(Retain("guard"));
        var change = created.Clone();
        change.Site = Headquarters;

        await Client.UpdateResidualRosterEntryAsync(UpdateRosterEntry(change, "site"));

        var occupancy = await SevareOccupancyAsync();
        Assert.Equal((1, 0, 1), (occupancy.PresentCount, occupancy.ResidualCount, occupancy.RemainingCount));
    }

    [Fact]
    public async Task A_correction_is_checked_as_a_create_and_names_what_it_may_not_change()
    {
        await HireAsync("guard");
        await HireAsync("clerk");
        var created = await Client.CreateResidualRosterEntryAsync(Retain("guard"));
        var change = created.Clone();
        change.Person = PersonName("clerk");

        var refused = await RpcAssert.InvalidArgument(() => Client.UpdateResidualRosterEntryAsync(UpdateRosterEntry(change, "person")).ResponseAsync,
            "update_mask");
        Assert.Contains("'person'", Assert.Single(refused).Description, StringComparison.Ordinal);
        change = created.Clone();
        change.Role = Text("Guard", " ");
        change.Group = ResidualGroup.Unspecified;
        change.Site = $"{Minusma}/sites/nowhere";
        change.EndDate = null;
        await RpcAssert.InvalidArgument(() => Client.UpdateResidualRosterEntryAsync(UpdateRosterEntry(change, "role", "group", "site", "end_date")).ResponseAsync,
            "residual_roster_entry.role.fr", "residual_roster_entry.group", "residual_roster_entry.site", "residual_roster_entry.end_date");
        var stale = UpdateRosterEntry(created, "group");
        stale.Etag = "0";
        await RpcAssert.Fails(StatusCode.Aborted, () => Client.UpdateResidualRosterEntryAsync(stale).ResponseAsync);

        Assert.Equal(created, await GetAsync("guard"));
    }

    [Fact]
    public async Task A_deleted_entry_retains_no_one_and_is_kept_with_its_history()
    {
        await HireAsync("clerk");
        await HireAsync("guard");
        var kept = await Client.CreateResidualRosterEntryAsync(Retain("clerk"));
        var mistaken = await Client.CreateResidualRosterEntryAsync(Retain("guard"));
        var feedBefore = await FeedReader.ReadAsync(App.Service.Channel.CreateCallInvoker(), PersonnelService.Descriptor, Minusma);

        var deleted = await Client.DeleteResidualRosterEntryAsync(new DeleteResidualRosterEntryRequest
        {
            Name = mistaken.Name, Etag = mistaken.Etag, RequestId = NewId(),
        });

        Assert.NotNull(deleted.DeleteTime);
        var occupancy = await SevareOccupancyAsync();
        Assert.Equal((2, 1, 1), (occupancy.PresentCount, occupancy.ResidualCount, occupancy.RemainingCount));
        Assert.Equal(PersonName("guard"), Assert.Single(occupancy.Remaining).Name);
        Assert.Equal([kept], (await Client.ListResidualRosterEntriesAsync(new ListResidualRosterEntriesRequest { Parent = Minusma })).ResidualRosterEntries);
        Assert.Equal([kept, deleted],
            (await Client.ListResidualRosterEntriesAsync(new ListResidualRosterEntriesRequest { Parent = Minusma, ShowDeleted = true })).ResidualRosterEntries);
        Assert.Equal(deleted, await GetAsync("guard"));
        await RpcAssert.FailedPrecondition(() => Client.UpdateResidualRosterEntryAsync(UpdateRosterEntry(deleted, "end_date")).ResponseAsync, "RESOURCE_DELETED");
        await RpcAssert.FailedPrecondition(() => Client.DeleteResidualRosterEntryAsync(new DeleteResidualRosterEntryRequest
        {
            Name = mistaken.Name, RequestId = NewId(),
        }).ResponseAsync, "RESOURCE_DELETED");
        var recreated = await RpcAssert.Fails(StatusCode.AlreadyExists, () => Client.CreateResidualRosterEntryAsync(Retain("guard")).ResponseAsync);
        Assert.Equal(("RESOURCE_ALREADY_EXISTS", true), (RpcAssert.Reason(recreated), recreated.Status.Detail.Contains("UndeleteResidualRosterEntry")));

        var undeleted = await Client.UndeleteResidualRosterEntryAsync(new UndeleteResidualRosterEntryRequest
        {
            Name = mistaken.Name, Etag = deleted.Etag, RequestId = NewId(),
        });

        Assert.Null(undeleted.DeleteTime);
        Assert.Equal(2, (await SevareOccupancyAsync()).ResidualCount);
        var again = await RpcAssert.Fails(StatusCode.AlreadyExists,
            () => Client.UndeleteResidualRosterEntryAsync(new UndeleteResidualRosterEntryRequest { Name = mistaken.Name, RequestId = NewId() }).ResponseAsync);
        Assert.Equal("RESOURCE_NOT_DELETED", RpcAssert.Reason(again));
        var feed = await FeedReader.ReadAsync(App.Service.Channel.CreateCallInvoker(), PersonnelService.Descriptor, Minusma, feedBefore[^1].Sequence);
        Assert.Equal<Google.Protobuf.IMessage>(
            [new ResidualRosterEntryDeleted { ResidualRosterEntry = deleted }, new ResidualRosterEntryUndeleted { ResidualRosterEntry = undeleted }],
            feed.Select(e => e.Payload.Unpack(Events)));
        var audit = (await Client.ListAuditEntriesAsync(new ListAuditEntriesRequest { Parent = Minusma, Resource = mistaken.Name })).AuditEntries;
        // The read of the deleted one is audited too: who is retained is personal.
        Assert.Equal(new[] { "UndeleteResidualRosterEntry", "GetResidualRosterEntry", "DeleteResidualRosterEntry", "CreateResidualRosterEntry" },
            audit.Select(e => e.Method.Split('/')[^1]));
    }

    [Fact]
    public async Task A_page_token_holds_whether_deleted_entries_are_shown()
    {
        foreach (var id in new[] { "clerk", "guard" })
        {
            await HireAsync(id);
            await Client.CreateResidualRosterEntryAsync(Retain(id));
        }

        var first = await Client.ListResidualRosterEntriesAsync(new ListResidualRosterEntriesRequest { Parent = Minusma, PageSize = 1, ShowDeleted = true });

        await RpcAssert.InvalidArgument(() => Client.ListResidualRosterEntriesAsync(new ListResidualRosterEntriesRequest
        {
            Parent = Minusma, PageSize = 1, PageToken = first.NextPageToken,
        }).ResponseAsync, "page_token");
    }

    [Fact]
    public async Task An_unknown_entry_is_not_found()
    {
        await RpcAssert.Fails(StatusCode.NotFound, () => GetAsync("none"));
        await RpcAssert.Fails(StatusCode.NotFound, () => Client.DeleteResidualRosterEntryAsync(new DeleteResidualRosterEntryRequest
        {
            Name = RosterEntryName("none"), RequestId = NewId(),
        }).ResponseAsync);
    }
}
