using MissionOps.Common.V1;
using MissionOps.ServiceDefaults.DemoData;
using MissionOps.Sites.V1;
using static MissionOps.ServiceDefaults.DemoData.DemoValues;

namespace MissionOps.Sites.DemoData;

/// <summary>A mission's demo sites, written through the Sites endpoints in process, as the demo loader.</summary>
internal sealed class DemoSites(SitesDbContext db, TimeProvider clock, string missionId, CancellationToken ct)
{
    private readonly SitesApi api = new(db, new(db, SitesContracts.Create(), clock), clock, new KnownClearance());
    private readonly DemoLoader loader = new(SitesService.Descriptor.FullName, missionId);

    private string Mission => $"missions/{missionId}";

    public Task CreateMissionAsync(V1.Mission mission) => loader.CallAsync(nameof(SitesApi.CreateMission), c => api.CreateMission(
        new CreateMissionRequest { MissionId = missionId, Mission = mission, RequestId = loader.RequestId("mission") }, c), ct);

    public Task CreateRegionAsync(string pcode, LocalizedText name, params (string Pcode, LocalizedText Name)[] districts) =>
        loader.CallAsync(nameof(SitesApi.CreateRegion), c => api.CreateRegion(new CreateRegionRequest
        {
            Parent = Mission,
            Region = new Region
            {
                Pcode = pcode, PcodeVersion = MinusmaDemoData.PcodeVersion, DisplayName = name,
                Districts = { districts.Select(d => new District { Pcode = d.Pcode, DisplayName = d.Name }) },
            },
            RequestId = loader.RequestId($"region/{pcode}"),
        }, c), ct);

    public Task CreatePhaseAsync(string id, int ordinal, LocalizedText name, DateOnly start, DateOnly end) =>
        loader.CallAsync(nameof(SitesApi.CreateDrawdownPhase), c => api.CreateDrawdownPhase(new CreateDrawdownPhaseRequest
        {
            Parent = Mission,
            DrawdownPhaseId = id,
            DrawdownPhase = new DrawdownPhase { Ordinal = ordinal, DisplayName = name, StartDate = Day(start), EndDate = Day(end) },
            RequestId = loader.RequestId($"phase/{id}"),
        }, c), ct);

    public Task OpenAsync(string id, LocalizedText name, SiteKind kind, string region, string district, string locality, GeoPoint at, DateOnly opened) =>
        loader.CallAsync(nameof(SitesApi.CreateSite), c => api.CreateSite(new CreateSiteRequest
        {
            Parent = Mission,
            SiteId = id,
            Site = new Site
            {
                DisplayName = name, Kind = kind, OpeningDate = Day(opened),
                Location = new SiteLocation
                {
                    RegionPcode = region, DistrictPcode = district, PcodeVersion = MinusmaDemoData.PcodeVersion, Locality = locality,
                    Coordinates = at.ToProto(),
                },
            },
            RequestId = loader.RequestId($"site/{id}"),
        }, c), ct);

    public Task PlanAsync(string site, string phase, DateOnly planned) =>
        loader.CallAsync(nameof(SitesApi.PlanSiteClosure), c => api.PlanSiteClosure(new PlanSiteClosureRequest
        {
            Name = $"{Mission}/sites/{site}",
            DrawdownPhase = $"{Mission}/drawdownPhases/{phase}",
            PlannedClosureDate = Day(planned),
            RequestId = loader.RequestId($"site/{site}/plan"),
        }, c), ct);

    /// <summary>Every checklist step, each with its document signed by the unit that did it (and the host's officials where they took part).</summary>
    public async Task RecordChecklistAsync(string site, DateOnly closure, string hostOfficial)
    {
        var daysBefore = 21;
        foreach (var kind in Closure.ClosureChecklist.Required)
        {
            var done = closure.AddDays(-daysBefore);
            var step = DemoChecklist.Step(missionId, site, kind, done, hostOfficial);
            await loader.CallAsync(nameof(SitesApi.RecordClosureStep), c => api.RecordClosureStep(new RecordClosureStepRequest
            {
                Name = $"{Mission}/sites/{site}", Step = step, RequestId = loader.RequestId($"site/{site}/step/{(int)kind}"),
            }, c), ct);
            daysBefore -= 3;
        }
    }

    public Task CloseAsync(string site, DateOnly closed, LocalizedText notes, EmergencyClosure? emergency = null) =>
        loader.CallAsync(nameof(SitesApi.RecordSiteClosure), c => api.RecordSiteClosure(new RecordSiteClosureRequest
        {
            Name = $"{Mission}/sites/{site}", ClosureDate = Day(closed), Notes = notes, Emergency = emergency,
            RequestId = loader.RequestId($"site/{site}/closure"),
        }, c), ct);

    public Task HandOverAsync(string site, SiteHandover handover) =>
        loader.CallAsync(nameof(SitesApi.RecordSiteHandover), c => api.RecordSiteHandover(new RecordSiteHandoverRequest
        {
            Name = $"{Mission}/sites/{site}", Handover = handover, RequestId = loader.RequestId($"site/{site}/handover"),
        }, c), ct);

    public Task LeaveWithoutHandoverAsync(string site, LeftWithoutHandoverRecord left) =>
        loader.CallAsync(nameof(SitesApi.RecordSiteLeftWithoutHandover), c => api.RecordSiteLeftWithoutHandover(new RecordSiteLeftWithoutHandoverRequest
        {
            Name = $"{Mission}/sites/{site}", LeftWithoutHandover = left, RequestId = loader.RequestId($"site/{site}/left"),
        }, c), ct);
}
