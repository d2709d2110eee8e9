using System.Globalization;
using System.Text;
using System.Xml;
using Google.Protobuf;
using MissionOps.Projects.Iati;
using MissionOps.Projects.Projects;
using MissionOps.Projects.V1;
using IatiPublication = MissionOps.Projects.Iati.IatiPublication;

namespace MissionOps.Projects;

public sealed partial class ProjectsApi
{
    public override async Task<ExportIatiActivitiesResponse> ExportIatiActivities(ExportIatiActivitiesRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var missionId = v.Name("parent", request.Parent, "missions")[0];
        v.ThrowIfInvalid();
        var reportingOrg = ReportingOrganisationOf(missionId);
        v.Check(request.ReportingOrgRef.Length == 0 || request.ReportingOrgRef == reportingOrg.Ref, "reporting_org_ref",
            $"'{request.ReportingOrgRef}' is not missions/{missionId}'s reporting organisation ({reportingOrg.Ref}); leave it empty");
        v.ThrowIfInvalid();

        var inScope = await regions.FilterAsync(missionId, Token(context)) ?? (_ => true);
        var file = await WriteIatiFileAsync(missionId, reportingOrg, inScope, clock.GetUtcNow(), Token(context));
        return new ExportIatiActivitiesResponse { Xml = ByteString.CopyFrom(file.Xml), ActivityCount = file.ActivityCount };
    }

    public override async Task<V1.IatiPublication> PublishIatiActivities(PublishIatiActivitiesRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var missionId = v.Name("parent", request.Parent, "missions")[0];
        v.RequestId("request_id", request.RequestId);
        v.ThrowIfInvalid();
        var reportingOrg = ReportingOrganisationOf(missionId);

        return await changes.RunAsync<V1.IatiPublication>(request, async ct =>
        {
            // Publications of one mission are numbered in turn, replicas included.
            await TransactionLock.TakeAsync(db, $"iati-publication:{missionId}", ct);
            var number = (await db.IatiPublications.Where(p => p.MissionId == missionId).MaxAsync(p => (int?)p.Number, ct) ?? 0) + 1;
            // Whole seconds, as the file's generated-datetime and HTTP's Last-Modified give it.
            var now = DateTimeOffset.FromUnixTimeSeconds(clock.GetUtcNow().ToUnixTimeSeconds());
            var file = await WriteIatiFileAsync(missionId, reportingOrg, _ => true, now, ct);
            var publication = IatiPublication.Publish(missionId, number, file, now);
            db.IatiPublications.Add(publication);
            db.IatiPublicationFiles.Add(IatiPublicationFile.Of(publication, file));
            return publication;
        }, Token(context));
    }

    public override async Task<V1.IatiPublication> GetIatiPublication(GetIatiPublicationRequest request, ServerCallContext context)
    {
        var ids = ResourceName.Parse("name", request.Name, "missions", "iatiPublications");
        var publication = IatiPublication.NumberOf(ids[1]) is { } number
            ? await db.IatiPublications.AsNoTracking().SingleOrDefaultAsync(p => p.MissionId == ids[0] && p.Number == number, Token(context))
            : null;
        return publication?.ToProto() ?? throw new NotFoundException("missionops.un.org/IatiPublication", request.Name);
    }

    public override async Task<ListIatiPublicationsResponse> ListIatiPublications(ListIatiPublicationsRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var missionId = v.Name("parent", request.Parent, "missions")[0];
        v.ThrowIfInvalid();

        var page = PageRequest.Parse(request.PageSize, request.PageToken);
        var before = page.AfterKey is null ? int.MaxValue : int.Parse(page.AfterKey, CultureInfo.InvariantCulture);
        var publications = await db.IatiPublications.AsNoTracking()
            .Where(p => p.MissionId == missionId && p.Number < before)
            .OrderByDescending(p => p.Number)
            .Take(page.Size)
            .ToListAsync(Token(context));
        return new ListIatiPublicationsResponse
        {
            IatiPublications = { publications.Select(p => p.ToProto()) },
            NextPageToken = page.NextToken(publications, p => p.Number.ToString(CultureInfo.InvariantCulture)),
        };
    }

    private ReportingOrganisation ReportingOrganisationOf(string missionId) =>
        reporting.For(missionId) ?? throw new RuleViolationException(ErrorReason.IatiReportingOrganisationNotConfigured,
            $"missions/{missionId} has no IATI reporting organisation: set {IatiReporting.Section}:{missionId}:Ref (and NameEn, NameFr) in the service's configuration.",
            [new MissingItem(ErrorReason.Configuration, $"{IatiReporting.Section}:{missionId}", "the mission's own IATI organisation identifier")]);

    private async Task<IatiFile> WriteIatiFileAsync(string missionId, ReportingOrganisation reportingOrg, Func<Projects.Project, bool> inScope,
        DateTimeOffset generated, CancellationToken ct)
    {
        var projects = (await db.Projects.AsNoTracking().Where(p => p.MissionId == missionId).OrderBy(p => p.Id).ToListAsync(ct))
            .Where(inScope).ToList();
        var document = IatiExport.Build(projects, reportingOrg, codes, generated);
        await using var buffer = new MemoryStream();
        await using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = true }))
        {
            await document.SaveAsync(writer, ct);
        }

        return new IatiFile(buffer.ToArray(), projects.Count, reportingOrg.Ref);
    }
}
