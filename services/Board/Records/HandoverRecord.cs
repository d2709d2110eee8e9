using MissionOps.ServiceDefaults.Contracts;
using MissionOps.Sites.V1;

namespace MissionOps.Board.Records;

/// <summary>
/// A site's handover record as a bilingual PDF: the site, its closure checklist, the documents handed over, the agreed
/// civilian use, and a signature block for both sides, from what the Sites service records.
/// </summary>
public static class HandoverRecord
{
    public static byte[] Write(Mission mission, Site site, BothLanguages words, DateTimeOffset made)
    {
        var package = site.Handover ?? throw new InvalidOperationException($"{site.Name} is not handed over.");
        var (titleEn, titleFr) = words.Text("HandoverRecordTitle");
        using var pdf = new RecordWriter($"{titleEn}: {site.DisplayName.En}", site.Name);
        pdf.DocumentTitle(titleEn, titleFr);
        pdf.Columns([mission.DisplayName.En, site.DisplayName.En], [mission.DisplayName.Fr, site.DisplayName.Fr]);

        pdf.Section(words.Text("HandoverPackage").En, words.Text("HandoverPackage").Fr);
        pdf.Fact(words.Pair("Location"), $"{site.Location.RegionPcode} · {site.Location.DistrictPcode}" +
            (string.IsNullOrEmpty(site.Location.Locality) ? string.Empty : $" · {site.Location.Locality}"));
        pdf.Fact(words.Pair("Closure"), BothLanguages.Day(site.Closure?.ClosureDate.ToDateOnly()));
        pdf.Fact(words.Pair("CeremonyDate"), BothLanguages.Day(package.CeremonyDate.ToDateOnly()));
        pdf.Fact(words.Pair("Recipient"), BothLanguages.Pair(package.Recipient?.DisplayName));
        pdf.Fact(words.Pair("AgreedCivilianUse"), BothLanguages.Pair(package.AgreedCivilianUse));

        pdf.Section(words.Text("ClosureChecklist").En, words.Text("ClosureChecklist").Fr);
        foreach (var step in site.ClosureSteps)
        {
            var documents = string.Join("; ", step.Documents.Select(d => d.Reference).Where(r => r.Length > 0));
            pdf.Fact(words.Pair($"ClosureStepKind_{step.Kind}"),
                $"{BothLanguages.Day(step.CompletedDate.ToDateOnly())} · {step.PerformedBy}" + (documents.Length > 0 ? $" · {documents}" : string.Empty));
        }

        pdf.Section(words.Text("Documents").En, words.Text("Documents").Fr);
        foreach (var document in package.Documents)
        {
            var signedBy = document.Document.SignedBy.Count > 0 ? $" · {string.Join(", ", document.Document.SignedBy)}" : string.Empty;
            pdf.Fact(words.Pair($"HandoverDocumentKind_{document.Kind}"),
                $"{BothLanguages.Pair(document.Document.Title)} ({document.Document.Reference}), {BothLanguages.Day(document.Document.SignedDate.ToDateOnly())}{signedBy}");
        }

        if (package.Attendees.Count > 0)
        {
            pdf.Section(words.Text("Attendees").En, words.Text("Attendees").Fr);
            foreach (var attendee in package.Attendees)
            {
                pdf.Paragraph($"{attendee.FullName}, {BothLanguages.Pair(attendee.Role)}");
            }
        }

        pdf.Section(words.Text("Signatures").En, words.Text("Signatures").Fr);
        pdf.Signatures(
            (words.Pair("SignatoriesHost"), Signatories(package, HandoverSide.Host)),
            (words.Pair("SignatoriesMission"), Signatories(package, HandoverSide.Mission)));
        pdf.Paragraph(string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0} {1:yyyy-MM-dd HH:mm} UTC · {2}", words.Pair("RecordMadeBy"), made.UtcDateTime, site.Name));
        return pdf.ToBytes();
    }

    private static IReadOnlyList<(string Name, string Role)> Signatories(SiteHandover package, HandoverSide side) =>
        [.. package.Signatories.Where(s => s.Side == side).Select(s => (s.FullName, BothLanguages.Pair(s.Role)))];
}
