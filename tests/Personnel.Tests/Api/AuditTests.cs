using MissionOps.Personnel.V1;
using static MissionOps.Personnel.Tests.Api.Requests;

namespace MissionOps.Personnel.Tests.Api;

public sealed class AuditTests(PersonnelApp app) : PersonnelApiTest(app)
{
    [Fact]
    public async Task A_movement_transition_and_a_manifest_each_write_one_entry()
    {
        await HireAsync("amadou");
        await Client.CreateMovementAsync(MovePerson("convoy-1", "amadou", Sevare, Headquarters, Day(2023, 11, 30)));
        await Client.StartMovementAsync(Start("convoy-1", Day(2023, 11, 28)));
        using (var call = Client.ImportMovementManifest())
        {
            await call.RequestStream.WriteAsync(new ImportMovementManifestRequest { Header = new ManifestHeader { Parent = Minusma, ManifestId = "m-1", RequestId = NewId() } });
            await call.RequestStream.WriteAsync(new ImportMovementManifestRequest
            {
                Rows = new ManifestRows
                {
                    Rows = { new ManifestRow { IndexNumber = "MNS-amadou", Kind = MovementKind.Repatriation, Mode = MovementMode.Flight, OriginSite = Headquarters, PlannedDate = Day(2023, 12, 20) } },
                },
            });
            await call.RequestStream.CompleteAsync();
            await call.ResponseAsync;
        }

        var entries = (await Client.ListAuditEntriesAsync(new ListAuditEntriesRequest { Parent = Minusma, PageSize = 100 })).AuditEntries;

        Assert.Equal(4, entries.Count);
        var start = Assert.Single(entries, e => e.Method.EndsWith("/StartMovement", StringComparison.Ordinal));
        Assert.Equal((MovementState.Planned, MovementState.InTransit), (start.Before.Unpack<Movement>().State, start.After.Unpack<Movement>().State));
        Assert.Equal($"{Minusma}/manifests/m-1", Assert.Single(entries, e => e.Method.EndsWith("/ImportMovementManifest", StringComparison.Ordinal)).Resource);
    }

    // Where a person is today is derived from movements, not stored: the before image must show it too, or the
    // entry would read as a change that moved them.
    [Fact]
    public async Task An_update_shows_the_person_before_with_where_they_were_as_after_does()
    {
        var hired = await HireAsync("amadou");
        hired.FullName = "Amadou Traoré";

        var updated = await Client.UpdatePersonAsync(UpdatePerson(hired, "full_name"));

        var entry = Assert.Single((await Client.ListAuditEntriesAsync(new ListAuditEntriesRequest { Parent = Minusma, PageSize = 100 })).AuditEntries,
            e => e.Method.EndsWith("/UpdatePerson", StringComparison.Ordinal));
        var before = entry.Before.Unpack<Person>();
        Assert.Equal(Sevare, updated.CurrentSite);
        Assert.Equal((Sevare, updated.Repatriated), (before.CurrentSite, before.Repatriated));
        Assert.NotEqual(updated.FullName, before.FullName);
    }
}
