using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionOps.Sites.Data;
using MissionOps.Sites.V1;
using MissionOps.Testing;
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
    }

    [Fact]
    public async Task The_demo_data_follows_the_public_record_of_the_drawdown()
    {
        await LoadDemoDataAsync();
        async Task<Site> SiteAsync(string id) => await Client.GetSiteAsync(new GetSiteRequest { Name = $"{Minusma}/sites/{id}" });

        var mission = await Client.GetMissionAsync(new GetMissionRequest { Name = Minusma });
        Assert.Equal((Day(2023, 6, 30), Day(2024, 1, 1)), (mission.MandateEndDate, mission.LiquidationStartDate));

        var ogossagou = await SiteAsync("ogossagou");
        Assert.Equal((SiteState.HandedOver, Day(2023, 8, 3), "missions/minusma/drawdownPhases/phase-1"),
            (ogossagou.State, ogossagou.Handover.CeremonyDate, ogossagou.ClosurePlan.DrawdownPhase));
        Assert.Equal(2020, ogossagou.OpeningDate.Year);
        Assert.Equal(3, ogossagou.OpeningDate.Month);
        var douentza = await SiteAsync("douentza");
        Assert.Equal((SiteState.HandedOver, Day(2023, 10, 21), "missions/minusma/drawdownPhases/phase-2"),
            (douentza.State, douentza.ClosingDate, douentza.ClosurePlan.DrawdownPhase));
        var timbuktu = await SiteAsync("timbuktu");
        Assert.Equal((SiteState.HandedOver, 2023, 12), (timbuktu.State, timbuktu.Handover.CeremonyDate.Year, timbuktu.Handover.CeremonyDate.Month));
        Assert.Contains(timbuktu.Handover.Signatories, s => s.FullName == "Bakoun Kanté" && s.Side == HandoverSide.Host);
        foreach (var north in new[] { "tessalit", "aguelhok", "kidal" })
        {
            var left = await SiteAsync(north);
            Assert.True(left.Closure.Emergency, north);
            Assert.Equal((SiteState.LeftWithoutHandover, 2023, 10), (left.State, left.ClosingDate.Year, left.ClosingDate.Month));
            Assert.Equal(("demo-loader", LeftCircumstance.Abandoned), (left.LeftWithoutHandover.AuthorisedBy, left.LeftWithoutHandover.Circumstance));
            Assert.StartsWith("MINUSMA/BOI/2023/", left.LeftWithoutHandover.BoardReference);
        }

        var all = (await Client.ListSitesAsync(new ListSitesRequest { Parent = Minusma, PageSize = 100 })).Sites;
        var central = all.Where(s => s.Location.RegionPcode is "ML04" or "ML05").ToList();
        Assert.NotEmpty(central);
        Assert.All(central, s => Assert.True(s.ClosingDate is not null && s.ClosingDate.ToDateTime() <= new DateTime(2023, 12, 8), s.Name));
        Assert.Equal(["bamako-hq", "gao"], all.Where(s => s.State == SiteState.Operational).Select(s => s.Name.Split('/')[^1]).Order());
    }

    [Fact]
    public async Task The_demo_goes_through_the_change_path_so_its_changes_are_audited_and_on_the_feed()
    {
        await LoadDemoDataAsync();

        var audit = await Client.ListAuditEntriesAsync(new ListAuditEntriesRequest { Parent = Minusma, Resource = "missions/minusma/sites/sevare", PageSize = 100 });
        Assert.Equal(["CreateSite", "PlanSiteClosure", "RecordClosureStep", "RecordSiteClosure", "RecordSiteHandover"],
            audit.AuditEntries.Select(e => e.Method.Split('/')[^1]).Distinct().Order());
        Assert.All(audit.AuditEntries, e => Assert.Equal(("demo-loader", "missionops-demo-loader"), (e.Subject, e.UserAgent)));

        var events = await FeedReader.ReadAsync(App.Service.Channel.CreateCallInvoker(), SitesService.Descriptor, Minusma);

        // Nine closures (three of them in an emergency, then left without handover) and four handovers.
        Assert.Equal(9, events.Count(e => e.Type == "missionops.sites.v1.SiteClosed"));
        Assert.Equal(["aguelhok", "kidal", "tessalit"],
            events.Where(e => e.Type == "missionops.sites.v1.SiteLeftWithoutHandover").Select(e => e.Resource.Split('/')[^1]).Order());
        Assert.Equal(["douentza", "ogossagou", "sevare", "timbuktu"],
            events.Where(e => e.Type == "missionops.sites.v1.SiteHandedOver").Select(e => e.Resource.Split('/')[^1]).Order());
    }

    [Fact]
    public async Task The_example_mission_is_wholly_handed_over()
    {
        await LoadDemoDataAsync();

        var office = await Client.GetSiteAsync(new GetSiteRequest { Name = "missions/example-closed/sites/office" });

        Assert.Equal((SiteState.HandedOver, Day(2023, 6, 30)), (office.State, office.Handover.CeremonyDate));
        Assert.Single((await Client.ListSitesAsync(new ListSitesRequest { Parent = "missions/example-closed" })).Sites);
    }

    [Fact]
    public async Task The_demo_data_loads_once()
    {
        await LoadDemoDataAsync();
        await LoadDemoDataAsync();

        await using var scope = App.Service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SitesDbContext>();
        Assert.Equal(2, await db.Missions.CountAsync());
        Assert.Equal(12, await db.Sites.CountAsync());
    }
}
