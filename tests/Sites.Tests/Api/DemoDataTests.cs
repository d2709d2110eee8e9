using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionOps.Sites.Data;
using MissionOps.Sites.V1;
using static MissionOps.Sites.Tests.Api.Requests;

namespace MissionOps.Sites.Tests.Api;

public sealed class DemoDataTests(SitesApp app) : SitesApiTest(app)
{
    [Fact]
    public async Task The_demo_data_records_the_Sevare_closure_as_the_note_to_correspondents_does()
    {
        await LoadDemoDataAsync();

        var sevare = await Client.GetSiteAsync(new GetSiteRequest { Name = "missions/minusma/sites/sevare" });

        Assert.Equal(SiteKind.Camp, sevare.Kind);
        Assert.Equal(SiteState.HandedOver, sevare.State);
        Assert.Equal(Day(2023, 12, 8), sevare.ClosingDate);
        Assert.Equal(Day(2023, 12, 8), sevare.Handover.CeremonyDate);
        Assert.Equal(RecipientKind.StateCivilianAuthority, sevare.Handover.Recipient.Kind);
        Assert.Contains(sevare.Handover.Signatories, s => s.FullName == "Abass Dembélé" && s.Side == HandoverSide.Host
            && s.Role.En == "Governor of the Mopti Region");
        Assert.Contains(sevare.Handover.Signatories, s => s.FullName == "Jens Kristensen" && s.Side == HandoverSide.Mission);
        Assert.Equal(new[] { "Atul Khare", "El-Ghassim Wane" }, sevare.Handover.Attendees.Select(a => a.FullName));
        Assert.Contains(sevare.Handover.Documents, d => d.Kind == HandoverDocumentKind.EnvironmentalClearanceCertificate);
        Assert.Contains(sevare.Handover.Documents, d => d.Kind == HandoverDocumentKind.SiteInspectionCertificate);

        var mission = await Client.GetMissionAsync(new GetMissionRequest { Name = Minusma });
        Assert.Equal(Day(2024, 1, 1), mission.LiquidationStartDate);

        var phase2 = await Client.ListSitesAsync(new ListSitesRequest { Parent = Minusma, DrawdownPhase = "missions/minusma/drawdownPhases/phase-2" });
        var closed = phase2.Sites.Where(s => s.ClosingDate is not null).OrderBy(s => s.ClosingDate.ToDateTime()).Select(s => s.Name.Split('/')[^1]);
        Assert.Equal(new[] { "ogossagou", "douentza", "sevare" }, closed);
    }

    [Fact]
    public async Task The_demo_data_loads_once()
    {
        await LoadDemoDataAsync();
        await LoadDemoDataAsync();

        await using var scope = App.Service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SitesDbContext>();
        Assert.Equal(1, await db.Missions.CountAsync());
        Assert.Equal(6, await db.Sites.CountAsync());
    }
}
