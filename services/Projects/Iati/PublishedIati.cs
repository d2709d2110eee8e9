using Microsoft.Net.Http.Headers;
using MissionOps.ServiceDefaults.Http;

namespace MissionOps.Projects.Iati;

/// <summary>
/// The published IATI files, readable by anyone without a token: IATI data is public by nature, and the IATI Registry
/// and aggregators fetch a URL. The latest is at a permanent address to register; each publication at its own, unchanged.
/// </summary>
public static class PublishedIati
{
    public static string LatestPath(string mission) => $"/iati/{mission}/activities.xml";

    public static string PublicationPath(string mission, int number) => $"/iati/{mission}/publications/{IatiPublication.IdOf(number)}.xml";

    public static IEndpointRouteBuilder MapPublishedIati(this IEndpointRouteBuilder app)
    {
        app.MapGet("/iati/{mission}/activities.xml", async (string mission, ProjectsDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var latest = await db.IatiPublications.AsNoTracking().Where(p => p.MissionId == mission)
                .OrderByDescending(p => p.Number).FirstOrDefaultAsync(ct);
            // The latest changes with the next publication: a reader checks again each time, cheaply by its ETag.
            http.Response.Headers.CacheControl = "public, no-cache";
            return latest is null
                ? StatusJson.Refusal(Google.Rpc.Code.NotFound,
                    $"missions/{mission} has published no IATI file yet; an approver publishes it (PublishIatiActivities).", ErrorReason.ResourceNotFound)
                : await FileAsync(db, latest, ct);
        }).AllowAnonymous();

        app.MapGet("/iati/{mission}/publications/{publication}.xml", async (string mission, string publication, ProjectsDbContext db, HttpContext http,
            CancellationToken ct) =>
        {
            var number = IatiPublication.NumberOf(publication);
            var found = number is null
                ? null
                : await db.IatiPublications.AsNoTracking().SingleOrDefaultAsync(p => p.MissionId == mission && p.Number == number, ct);
            if (found is null)
            {
                return StatusJson.Refusal(Google.Rpc.Code.NotFound,
                    $"missions/{mission}/iatiPublications/{publication} does not exist.", ErrorReason.ResourceNotFound);
            }

            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return await FileAsync(db, found, ct);
        }).AllowAnonymous();
        return app;
    }

    private static async Task<IResult> FileAsync(ProjectsDbContext db, IatiPublication publication, CancellationToken ct)
    {
        var xml = await db.IatiPublicationFiles.AsNoTracking()
            .Where(f => f.MissionId == publication.MissionId && f.Number == publication.Number)
            .Select(f => f.Xml).SingleAsync(ct);
        // Results.File answers If-None-Match and If-Modified-Since with 304 itself.
        return Results.File(xml, "application/xml; charset=utf-8", $"{publication.MissionId}-iati-activities-{publication.Id}.xml",
            lastModified: publication.PublishTime, entityTag: new EntityTagHeaderValue($"\"{publication.Sha256}\""));
    }
}
