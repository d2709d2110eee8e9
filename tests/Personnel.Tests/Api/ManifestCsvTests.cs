using System.Net;
using System.Text;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using MissionOps.Personnel.V1;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.ServiceDefaults.Security;
using MissionOps.Testing;
using static MissionOps.Personnel.Tests.Api.Requests;

namespace MissionOps.Personnel.Tests.Api;

/// <summary>A manifest uploaded as a CSV file over plain HTTP, as a partner with a spreadsheet or curl sends it.</summary>
public sealed class ManifestCsvTests(PersonnelApp app) : PersonnelApiTest(app)
{
    private const string Columns = "index_number,kind,mode,origin_site,destination_site,planned_date,arrival_date";

    private static readonly string Planner = TestTokens.For($"minusma:{MissionRoles.Planner}");

    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithTypeRegistry(ContractTypes.Registry));

    private static string Csv(params string[] rows) => string.Join("\r\n", [Columns, .. rows]) + "\r\n";

    /// <summary>Out of the mission from Sévaré by air on 7 December 2023, arrived that day unless <paramref name="arrival"/> says otherwise.</summary>
    private static string Repatriation(string person, string arrival = "2023-12-07", string site = "sevare") =>
        $"MNS-{person},repatriation,flight,{site},,2023-12-07,{arrival}";

    /// <summary>Awa shuttles between Sévaré and headquarters, a trip a day: each row starts where the one before left her.</summary>
    private static List<string> Shuttle(int trips) => [.. Enumerable.Range(0, trips).Select(i =>
        $"MNS-awa,transfer,road,{(i % 2 == 0 ? "sevare" : "bamako-hq")},{(i % 2 == 0 ? "bamako-hq" : "sevare")},{new DateOnly(2023, 2, 1).AddDays(i):yyyy-MM-dd},")];

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string csv, string? token, string query)
    {
        using var http = App.Service.HttpClientWith(token);
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        using var response = await http.PostAsync($"/v1/missions/minusma/movements:importManifest?{query}", content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private Task<(HttpStatusCode Status, string Body)> UploadAsync(string csv, string? token = null, string? requestId = null) =>
        PostAsync(csv, token ?? Planner, $"manifest_id=flight-2023-12-07&request_id={requestId ?? NewId()}");

    /// <summary>Asserts a 400 answer with the RPC's INVALID_ARGUMENT status, and gives the fields its BadRequest names.</summary>
    private static List<string> BadFields((HttpStatusCode Status, string Body) answer)
    {
        Assert.True(answer.Status == HttpStatusCode.BadRequest, $"{(int)answer.Status} {answer.Body}");
        var status = Parser.Parse<Google.Rpc.Status>(answer.Body);
        Assert.Equal(Code.InvalidArgument, (Code)status.Code);
        return [.. status.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field)];
    }

    [Fact]
    public async Task A_CSV_manifest_stores_a_movement_per_row_whatever_the_order_and_case_of_its_columns()
    {
        for (var i = 0; i < 3; i++)
        {
            await HireAsync($"p{i}");
        }

        var csv = """
            Planned_Date,INDEX_NUMBER,kind,mode,origin_site,destination_site,arrival_date,remarks
            #date+planned,#x_index,#x_kind,#x_mode,#loc+origin,#loc+destination,#date+arrived,#meta
            2023-12-07,MNS-p0,repatriation,flight,sevare,,2023-12-07,"home, via Dakar"
            2023-12-07,MNS-p1,MOVEMENT_KIND_REPATRIATION,MOVEMENT_MODE_FLIGHT,missions/minusma/sites/sevare,,,
            2023-12-05,MNS-p2,Transfer,road,sevare,bamako-hq,2023-12-06,
            """;

        var (status, body) = await UploadAsync(csv);

        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Equal(new ImportMovementManifestResponse { ManifestId = "flight-2023-12-07", MovementCount = 3, CompletedCount = 2 },
            JsonParser.Default.Parse<ImportMovementManifestResponse>(body));
        Assert.Equal(3, await MovementCountAsync());
        var transfer = await Client.GetMovementAsync(new GetMovementRequest { Name = MovementName("flight-2023-12-07-000002") });
        Assert.Equal((MovementKind.Transfer, MovementMode.RoadConvoy, Headquarters, MovementState.Completed),
            (transfer.Kind, transfer.Mode, transfer.DestinationSite, transfer.State));
        Assert.Equal(1, (await Client.GetHeadcountAsync(HeadcountAt(Day(2023, 12, 8), Headquarters))).Total);
        // p1's repatriation has no arrival: planned, not made, so p1 is still counted at Sévaré.
        Assert.Equal(1, (await Client.GetHeadcountAsync(HeadcountAt(Day(2023, 12, 8), Sevare))).Total);
    }

    [Fact]
    public async Task Rows_are_stored_as_the_file_arrives_and_committed_only_when_it_ends()
    {
        await HireAsync("awa");
        var rows = Shuttle(PersonnelApp.ManifestRowLimit);
        var rest = new TaskCompletionSource();
        using var content = new HeldBackContent(Csv([.. rows.SkipLast(1)]), rows[^1] + "\r\n", rest.Task);
        using var http = App.Service.HttpClientWith(Planner);

        var upload = http.PostAsync($"/v1/missions/minusma/movements:importManifest?manifest_id=shuttle&request_id={NewId()}", content);
        var copied = await RowsCopiedIntoMovementsAsync(until: TimeSpan.FromSeconds(20));
        var committed = await MovementCountAsync();
        rest.SetResult();
        using var response = await upload;

        Assert.True(copied > 0, "no row reached the database before the file ended");
        Assert.Equal(0, committed);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PersonnelApp.ManifestRowLimit, await MovementCountAsync());
    }

    /// <summary>A body sent in two parts, the second once <c>until</c> completes, as a slow upload arrives.</summary>
    private sealed class HeldBackContent(string first, string second, Task until) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(first));
            await stream.FlushAsync();
            await until;
            await stream.WriteAsync(Encoding.UTF8.GetBytes(second));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    [Fact]
    public async Task The_same_request_id_again_stores_nothing_twice_and_answers_the_same()
    {
        await HireAsync("p0");
        await HireAsync("p1");
        var csv = Csv(Repatriation("p0"), Repatriation("p1", arrival: string.Empty));
        var requestId = NewId();

        var first = await UploadAsync(csv, requestId: requestId);
        var again = await UploadAsync(csv, requestId: requestId);
        var changed = await UploadAsync(Csv(Repatriation("p0")), requestId: requestId);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(first, again);
        Assert.Equal(["request_id"], BadFields(changed));
        Assert.Equal(2, await MovementCountAsync());
    }

    [Fact]
    public async Task Rows_the_RPC_refuses_are_named_by_position_and_field_and_nothing_is_stored()
    {
        await HireAsync("p0");
        await HireAsync("kadi", site: Headquarters);

        await HireAsync("awa");
        // Past the first message, so that the RPC's count across messages is seen to be the file's.
        var good = Shuttle(PersonnelApp.ManifestCsvBatchRows + 1);

        var unknown = BadFields(await UploadAsync(Csv([.. good, Repatriation("nobody"), Repatriation("p0", site: "nowhere")])));
        var elsewhere = BadFields(await UploadAsync(Csv(Repatriation("p0"), Repatriation("kadi"))));

        Assert.Equal([$"rows[{good.Count}].index_number", $"rows[{good.Count + 1}].origin_site"], unknown);
        Assert.Equal(["rows[1].origin_site"], elsewhere);
        Assert.Equal(0, await MovementCountAsync());
    }

    [Fact]
    public async Task Cells_that_do_not_parse_are_named_by_position_and_field_and_nothing_is_stored()
    {
        await HireAsync("awa");
        // More good rows than a message carries: some have reached the RPC when the bad ones are read.
        var good = Shuttle(PersonnelApp.ManifestCsvBatchRows + 3);

        var fields = BadFields(await UploadAsync(Csv([
            .. good,
            "MNS-awa,repatriation,flight,sevare,,2023-12-32,",
            "MNS-awa,evacuation,helicopter,sevare,,2023-12-07,07/12/2023"])));

        var n = good.Count;
        Assert.Equal([$"rows[{n}].planned_date", $"rows[{n + 1}].kind", $"rows[{n + 1}].mode", $"rows[{n + 1}].arrival_date"], fields);
        Assert.Equal(0, await MovementCountAsync());
    }

    [Fact]
    public async Task A_row_with_broken_quoting_is_refused_by_position_and_nothing_is_stored()
    {
        await HireAsync("p0");

        var fields = BadFields(await UploadAsync(Csv(Repatriation("p0"), "MNS-p0,\"repatriation,flight,sevare,,2023-12-07,")));

        Assert.Equal(["rows[1]"], fields);
        Assert.Equal(0, await MovementCountAsync());
    }

    [Fact]
    public async Task A_file_without_a_required_column_is_refused_naming_the_column()
    {
        await HireAsync("p0");

        var fields = BadFields(await UploadAsync("index_number,kind,mode,origin_site\r\nMNS-p0,repatriation,flight,sevare\r\n"));

        Assert.Equal(["planned_date"], fields);
        Assert.Equal(0, await MovementCountAsync());
    }

    [Fact]
    public async Task Without_a_manifest_id_or_request_id_the_answer_names_the_query_parameters()
    {
        await HireAsync("p0");

        var answer = await PostAsync(Csv(Repatriation("p0")), Planner, string.Empty);

        Assert.Equal(["manifest_id", "request_id"], BadFields(answer));
        Assert.DoesNotContain("header.", answer.Body, StringComparison.Ordinal);
        Assert.Equal(0, await MovementCountAsync());
    }

    [Fact]
    public async Task A_manifest_over_the_row_limit_is_the_RPCs_refusal_and_stores_nothing()
    {
        await HireAsync("p0");

        var (status, body) = await UploadAsync(Csv([.. Enumerable.Repeat(Repatriation("p0"), PersonnelApp.ManifestRowLimit + 1)]));

        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Equal("manifest_rows", Parser.Parse<Google.Rpc.Status>(body).GetDetail<QuotaFailure>()?.Violations.Single().Subject);
        Assert.Equal(0, await MovementCountAsync());
    }

    [Fact]
    public async Task A_viewer_is_refused_as_the_RPC_refuses_and_so_is_a_caller_without_a_token()
    {
        await HireAsync("p0");
        var csv = Csv(Repatriation("p0"));

        var viewer = await UploadAsync(csv, TestTokens.For($"minusma:{MissionRoles.Viewer}"));
        var otherMission = await UploadAsync(csv, TestTokens.For($"minujusth:{MissionRoles.Planner}"));
        using var anonymous = App.Service.HttpClientWith(null);
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        using var none = await anonymous.PostAsync($"/v1/missions/minusma/movements:importManifest?manifest_id=m&request_id={NewId()}", content);

        Assert.Equal(HttpStatusCode.Forbidden, viewer.Status);
        Assert.Equal(StatusCode.PermissionDenied, (StatusCode)Parser.Parse<Google.Rpc.Status>(viewer.Body).Code);
        Assert.Equal(HttpStatusCode.Forbidden, otherMission.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, (StatusCode)Parser.Parse<Google.Rpc.Status>(await none.Content.ReadAsStringAsync()).Code);
        Assert.Equal(0, await MovementCountAsync());
    }
}
