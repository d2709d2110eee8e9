using MissionOps.Personnel.V1;
using MissionOps.Testing;
using static MissionOps.Personnel.Tests.Api.Requests;

namespace MissionOps.Personnel.Tests.Api;

/// <summary>
/// A partner that follows the Personnel feed from the start holds the same people, units, movements,
/// roster and targets as the service, including what the service derives: where each person is after
/// completed movements (imported ones too) and each unit's strength as people join and leave it.
/// </summary>
public sealed class FeedMirrorTests(PersonnelApp app) : PersonnelApiTest(app)
{
    [Fact]
    public async Task A_copy_built_from_the_feed_alone_equals_what_the_service_answers()
    {
        await LoadDemoDataAsync();
        await Client.CreateUnitAsync(CreateUnit("senbatt"));
        await Client.CreateUnitAsync(CreateUnit("togbatt"));
        var moussa = await HireAsync("moussa", unit: UnitName("senbatt"));
        await HireAsync("fanta", unit: UnitName("senbatt"));
        moussa.Unit = UnitName("togbatt");
        await Client.UpdatePersonAsync(UpdatePerson(moussa, "unit"));
        await Client.CreateMovementAsync(MovePerson("convoy-1", "moussa", Sevare, Headquarters, Day(2023, 11, 30)));
        await Client.StartMovementAsync(Start("convoy-1", Day(2023, 11, 30)));
        await Client.CompleteMovementAsync(Complete("convoy-1", Day(2023, 12, 2)));
        await ImportAsync(new ManifestHeader { Parent = Minusma, ManifestId = "flight-2023-12-07", RequestId = NewId() },
            new ManifestRow { IndexNumber = "MNS-fanta", Kind = MovementKind.Transfer, Mode = MovementMode.RoadConvoy, OriginSite = Sevare,
                DestinationSite = Headquarters, PlannedDate = Day(2023, 12, 5), ArrivalDate = Day(2023, 12, 6) },
            new ManifestRow { IndexNumber = "MNS-fanta", Kind = MovementKind.Repatriation, Mode = MovementMode.Flight, OriginSite = Headquarters,
                PlannedDate = Day(2023, 12, 7) });

        var feed = await FeedReader.ReadAsync(App.Service.Channel.CreateCallInvoker(), PersonnelService.Descriptor, Minusma);
        var mirror = new FeedMirror(feed, EventsReflection.Descriptor);

        var people = await AllAsync(token => Client.ListPersonnelAsync(new ListPersonnelRequest { Parent = Minusma, PageSize = 1000, PageToken = token }),
            r => (r.Personnel, r.NextPageToken));
        Assert.Contains(people, p => p.Repatriated);
        mirror.AssertMirrors(people, p => p.Name);
        mirror.AssertMirrors(await AllAsync(token => Client.ListUnitsAsync(new ListUnitsRequest { Parent = Minusma, PageSize = 1000, PageToken = token }),
            r => (r.Units, r.NextPageToken)), u => u.Name);
        mirror.AssertMirrors(await AllAsync(token => Client.ListMovementsAsync(new ListMovementsRequest { Parent = Minusma, PageSize = 1000, PageToken = token }),
            r => (r.Movements, r.NextPageToken)), m => m.Name);
        mirror.AssertMirrors((await Client.ListResidualRosterEntriesAsync(new ListResidualRosterEntriesRequest { Parent = Minusma, PageSize = 1000 })).ResidualRosterEntries, e => e.Name);
        mirror.AssertMirrors((await Client.ListDrawdownTargetsAsync(new ListDrawdownTargetsRequest { Parent = Minusma, PageSize = 1000 })).DrawdownTargets, t => t.Name);

        var copied = (Person)mirror.Of(Person.Descriptor)[PersonName("moussa")];
        Assert.Equal((Headquarters, UnitName("togbatt")), (copied.CurrentSite, copied.Unit));
        Assert.Equal([1, 1], new[] { "senbatt", "togbatt" }.Select(u => ((Unit)mirror.Of(Unit.Descriptor)[UnitName(u)]).Strength));
        Assert.Equal(Headquarters, ((Person)mirror.Of(Person.Descriptor)[PersonName("fanta")]).CurrentSite);
    }

    private static async Task<List<T>> AllAsync<TResponse, T>(Func<string, Grpc.Core.AsyncUnaryCall<TResponse>> page,
        Func<TResponse, (IEnumerable<T> Items, string Next)> read)
    {
        var all = new List<T>();
        var token = string.Empty;
        do
        {
            var (items, next) = read(await page(token));
            all.AddRange(items);
            token = next;
        }
        while (token.Length > 0);
        return all;
    }

    private async Task ImportAsync(ManifestHeader header, params ManifestRow[] rows)
    {
        using var call = Client.ImportMovementManifest();
        await call.RequestStream.WriteAsync(new ImportMovementManifestRequest { Header = header });
        await call.RequestStream.WriteAsync(new ImportMovementManifestRequest { Rows = new ManifestRows { Rows = { rows } } });
        await call.RequestStream.CompleteAsync();
        await call.ResponseAsync;
    }
}
