using Grpc.Core;
using MissionOps.Personnel.V1;
using MissionOps.Testing;
using static MissionOps.Personnel.Tests.Api.Requests;

namespace MissionOps.Personnel.Tests.Api;

public sealed class ManifestApiTests(PersonnelApp app) : PersonnelApiTest(app)
{
    private static ManifestRow Row(string person, string origin = "missions/minusma/sites/sevare", bool done = true) => new()
    {
        IndexNumber = "MNS-" + person,
        Kind = MovementKind.Repatriation,
        Mode = MovementMode.Flight,
        OriginSite = origin,
        PlannedDate = Day(2023, 12, 7),
        ArrivalDate = done ? Day(2023, 12, 7) : null,
    };

    private async Task<ImportMovementManifestResponse> ImportAsync(ManifestHeader header, IEnumerable<ManifestRow> rows)
    {
        using var call = Client.ImportMovementManifest();
        await call.RequestStream.WriteAsync(new ImportMovementManifestRequest { Header = header });
        // Two rows a batch, so that positions are counted across batches.
        foreach (var batch in rows.Chunk(2))
        {
            await call.RequestStream.WriteAsync(new ImportMovementManifestRequest { Rows = new ManifestRows { Rows = { batch } } });
        }

        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }

    private static ManifestHeader Header(string id = "flight-2023-12-07") => new() { Parent = Minusma, ManifestId = id, RequestId = NewId() };

    [Fact]
    public async Task A_manifest_stores_a_movement_per_row_and_completed_rows_move_people()
    {
        for (var i = 0; i < 5; i++)
        {
            await HireAsync($"p{i}");
        }

        var result = await ImportAsync(Header(), Enumerable.Range(0, 5).Select(i => Row($"p{i}", done: i < 3)));

        Assert.Equal((5, 3), (result.MovementCount, result.CompletedCount));
        Assert.Equal(5, await MovementCountAsync());
        var after = await Client.GetHeadcountAsync(HeadcountAt(Day(2023, 12, 8), Sevare));
        Assert.Equal(2, after.Total);
        var movement = await Client.GetMovementAsync(new GetMovementRequest { Name = MovementName("flight-2023-12-07-000000") });
        Assert.Equal(("flight-2023-12-07", MovementState.Completed), (movement.ManifestId, movement.State));
    }

    [Fact]
    public async Task Bad_rows_in_the_middle_are_named_by_position_and_nothing_is_stored()
    {
        for (var i = 0; i < 6; i++)
        {
            await HireAsync($"p{i}");
        }

        var rows = Enumerable.Range(0, 6).Select(i => Row($"p{i}")).ToList();
        rows[2].IndexNumber = "MNS-nobody";
        rows[4].OriginSite = "missions/minusma/sites/menaka";
        rows[5].Mode = MovementMode.Unspecified;

        var violations = await RpcAssert.InvalidArgument(() => ImportAsync(Header(), rows),
            "rows[2].index_number", "rows[4].origin_site", "rows[5].mode");

        Assert.Contains(violations, v => v.Field == "rows[4].origin_site" && v.Description.Contains("does not exist in the Sites service"));
        Assert.Equal(0, await MovementCountAsync());
    }

    [Fact]
    public async Task Each_row_must_start_where_its_person_is_on_the_day_and_rows_chain_in_date_order()
    {
        await HireAsync("awa");
        await HireAsync("ibrahim");
        await HireAsync("kadi", site: Headquarters);
        await ImportAsync(Header("flight-1"), [Row("ibrahim")]);

        var violations = await RpcAssert.InvalidArgument(() => ImportAsync(Header("flight-2"), [Row("awa"), Row("kadi"), Row("ibrahim")]),
            "rows[1].origin_site", "rows[2].index_number");
        Assert.Contains($"is at {Headquarters} on 2023-12-07", violations.Single(v => v.Field == "rows[1].origin_site").Description);
        Assert.Contains("has already left the mission", violations.Single(v => v.Field == "rows[2].index_number").Description);
        Assert.Equal(1, await MovementCountAsync());

        // Awa goes to headquarters, then out from there, in one manifest; the second row's origin is where the first took her.
        var transfer = new ManifestRow(Row("awa")) { Kind = MovementKind.Transfer, Mode = MovementMode.RoadConvoy, DestinationSite = Headquarters, PlannedDate = Day(2023, 12, 5), ArrivalDate = Day(2023, 12, 6) };
        var result = await ImportAsync(Header("flight-3"), [Row("awa", origin: Headquarters), transfer]);
        Assert.Equal((2, 2), (result.MovementCount, result.CompletedCount));
    }

    [Fact]
    public async Task An_import_puts_every_movement_and_every_person_it_moved_on_the_feed()
    {
        await HireAsync("awa");
        await HireAsync("ibrahim");
        var after = (await FeedReader.ReadAsync(App.Service.Channel.CreateCallInvoker(), PersonnelService.Descriptor, Minusma)).Last().Sequence;

        await ImportAsync(Header(), [Row("awa"), Row("ibrahim", done: false)]);

        var events = await FeedReader.ReadAsync(App.Service.Channel.CreateCallInvoker(), PersonnelService.Descriptor, Minusma, after);
        Assert.Equal(
            [
                (MovementCreated.Descriptor.FullName, MovementName("flight-2023-12-07-000000")),
                (MovementCompleted.Descriptor.FullName, MovementName("flight-2023-12-07-000000")),
                (MovementCreated.Descriptor.FullName, MovementName("flight-2023-12-07-000001")),
                (PersonMoved.Descriptor.FullName, PersonName("awa")),
            ],
            events.Select(e => (e.Type, e.Resource)));
        var awa = events.Last().Payload.Unpack<PersonMoved>().Person;
        Assert.Equal((string.Empty, true), (awa.CurrentSite, awa.Repatriated));
    }

    [Fact]
    public async Task Rows_are_written_as_they_arrive_while_the_manifest_is_still_open()
    {
        await HireAsync("awa");
        // Awa shuttles between Sévaré and headquarters, a trip a day: each row starts where the one before left her.
        // As many rows as a manifest may hold here, more than the client's COPY buffer holds before it sends.
        var count = PersonnelApp.ManifestRowLimit;
        var rows = Enumerable.Range(0, count).Select(i => new ManifestRow(Row("awa", origin: i % 2 == 0 ? Sevare : Headquarters, done: false))
        {
            Kind = MovementKind.Transfer,
            Mode = MovementMode.RoadConvoy,
            DestinationSite = i % 2 == 0 ? Headquarters : Sevare,
            PlannedDate = ToDate(new DateOnly(2023, 2, 1).AddDays(i)),
        }).ToList();

        using var call = Client.ImportMovementManifest();
        await call.RequestStream.WriteAsync(new ImportMovementManifestRequest { Header = Header("shuttle") });
        await call.RequestStream.WriteAsync(new ImportMovementManifestRequest { Rows = new ManifestRows { Rows = { rows } } });
        var copied = await RowsCopiedIntoMovementsAsync(until: TimeSpan.FromSeconds(20));
        Assert.Equal(0, await MovementCountAsync());
        await call.RequestStream.CompleteAsync();
        var result = await call.ResponseAsync;

        Assert.True(copied > 0, "no row reached the database before the manifest ended");
        Assert.Equal(count, result.MovementCount);
        Assert.Equal(count, await MovementCountAsync());
    }

    private static Google.Type.Date ToDate(DateOnly day) => Day(day.Year, day.Month, day.Day);

    [Fact]
    public async Task The_same_manifest_sent_again_stores_nothing_twice()
    {
        for (var i = 0; i < 3; i++)
        {
            await HireAsync($"p{i}");
        }

        var header = Header();
        var rows = Enumerable.Range(0, 3).Select(i => Row($"p{i}")).ToList();

        var first = await ImportAsync(header, rows);
        var again = await ImportAsync(header, rows);

        Assert.Equal(first, again);
        Assert.Equal(3, await MovementCountAsync());
        await RpcAssert.Fails(StatusCode.AlreadyExists, () => ImportAsync(Header(), rows));
        await RpcAssert.InvalidArgument(() => ImportAsync(header, rows.Take(2)), "request_id");
    }

    [Fact]
    public async Task A_manifest_over_the_row_limit_is_refused_naming_the_limit_and_stores_nothing()
    {
        await HireAsync("p0");

        var failure = await RpcAssert.Fails(StatusCode.ResourceExhausted,
            () => ImportAsync(Header(), Enumerable.Range(0, PersonnelApp.ManifestRowLimit + 1).Select(_ => Row("p0"))));

        Assert.Equal("manifest_rows", failure.GetRpcStatus()?.GetDetail<Google.Rpc.QuotaFailure>()?.Violations.Single().Subject);
        Assert.Equal("LIMIT_EXCEEDED", RpcAssert.Reason(failure));
        Assert.Equal(0, await MovementCountAsync());
    }

    [Fact]
    public async Task A_manifest_whose_movement_ids_are_taken_already_exists_and_stores_nothing()
    {
        await HireAsync("p0");
        await HireAsync("p1");
        await HireAsync("p2");
        await Client.CreateMovementAsync(MovePerson("flight-9-000001", "p2", Sevare, null, Day(2023, 12, 7)));

        await RpcAssert.Fails(StatusCode.AlreadyExists, () => ImportAsync(Header("flight-9"), [Row("p0"), Row("p1")]));

        Assert.Equal(1, await MovementCountAsync());
    }

    [Fact]
    public async Task A_manifest_must_start_with_its_header()
    {
        using var call = Client.ImportMovementManifest();
        await call.RequestStream.WriteAsync(new ImportMovementManifestRequest { Rows = new ManifestRows { Rows = { Row("p0") } } });
        await call.RequestStream.CompleteAsync();

        await RpcAssert.InvalidArgument(() => call.ResponseAsync, "header");
    }
}
