using Grpc.Core;
using MissionOps.Personnel.V1;
using MissionOps.Testing;
using static MissionOps.Personnel.Tests.Api.Requests;

namespace MissionOps.Personnel.Tests.Api;

public sealed class UnitUpdateApiTests(PersonnelApp app) : PersonnelApiTest(app)
{
    private Task<Unit> GetAsync(string id) => Client.GetUnitAsync(new GetUnitRequest { Name = UnitName(id) }).ResponseAsync;

    private static UpdateUnitRequest Making(Unit unit, UnitKind kind, string? etag = null)
    {
        var change = unit.Clone();
        change.Kind = kind;
        var request = UpdateUnit(change, "kind");
        request.Etag = etag ?? string.Empty;
        return request;
    }

    [Fact]
    public async Task A_unit_is_renamed_in_one_language_and_its_kind_corrected()
    {
        var created = await Client.CreateUnitAsync(CreateUnit("sevare-battalion"));
        await HireAsync("a1", unit: created.Name);
        var change = created.Clone();
        change.DisplayName = Text("ignored", "Bataillon sénégalais de Sévaré");
        change.Kind = UnitKind.Engineering;
        change.CountryCode = "TD";

        var updated = await Client.UpdateUnitAsync(UpdateUnit(change, "display_name.fr", "kind"));

        Assert.Equal(("Sévaré battalion", "Bataillon sénégalais de Sévaré"), (updated.DisplayName.En, updated.DisplayName.Fr));
        Assert.Equal((UnitKind.Engineering, "SN", 1), (updated.Kind, updated.CountryCode, updated.Strength));
        Assert.NotEqual(created.Etag, updated.Etag);
        Assert.Equal(updated, await GetAsync("sevare-battalion"));
    }

    [Fact]
    public async Task Fields_outside_the_description_and_bad_values_are_named()
    {
        var created = await Client.CreateUnitAsync(CreateUnit("sevare-battalion"));
        var change = created.Clone();
        change.Strength = 900;
        change.Kind = UnitKind.Unspecified;
        change.DisplayName = Text("Sévaré battalion", " ");
        change.CountryCode = "sn";

        await RpcAssert.InvalidArgument(() => Client.UpdateUnitAsync(UpdateUnit(change, "strength", "name")).ResponseAsync, "update_mask");
        await RpcAssert.InvalidArgument(() => Client.UpdateUnitAsync(UpdateUnit(change, "kind", "display_name", "country_code")).ResponseAsync,
            "unit.kind", "unit.display_name.fr", "unit.country_code");
        Assert.Equal(created, await GetAsync("sevare-battalion"));
    }

    [Fact]
    public async Task A_stale_etag_is_aborted_and_changes_nothing()
    {
        var created = await Client.CreateUnitAsync(CreateUnit("sevare-battalion"));
        var updated = await Client.UpdateUnitAsync(Making(created, UnitKind.Engineering, created.Etag));

        var error = await RpcAssert.Fails(StatusCode.Aborted,
            () => Client.UpdateUnitAsync(Making(created, UnitKind.Logistics, created.Etag)).ResponseAsync);

        Assert.Equal("ETAG_MISMATCH", RpcAssert.Reason(error));
        Assert.Equal(updated, await GetAsync("sevare-battalion"));
    }

    [Fact]
    public async Task A_retry_with_the_same_request_id_changes_nothing_twice()
    {
        var created = await Client.CreateUnitAsync(CreateUnit("sevare-battalion"));
        var update = Making(created, UnitKind.Engineering);
        var answered = await Client.UpdateUnitAsync(update);
        var later = await Client.UpdateUnitAsync(Making(created, UnitKind.Logistics));

        var retried = await Client.UpdateUnitAsync(update);

        Assert.Equal(answered, retried);
        Assert.Equal(later, await GetAsync("sevare-battalion"));
    }

    [Fact]
    public async Task An_unknown_unit_is_not_found()
    {
        var update = Making(await Client.CreateUnitAsync(CreateUnit("sevare-battalion")), UnitKind.Engineering);
        update.Unit.Name = UnitName("nowhere");

        await RpcAssert.Fails(StatusCode.NotFound, () => Client.UpdateUnitAsync(update).ResponseAsync);
    }
}
