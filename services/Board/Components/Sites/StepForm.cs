using MissionOps.Common.V1;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.Sites.V1;

namespace MissionOps.Board.Components.Sites;

/// <summary>
/// A closure step as the board's form holds it. Blank parts are left out of the request, so that Sites, which knows
/// which steps need a document or the host's signatory, says what is missing.
/// </summary>
public sealed class StepForm
{
    public ClosureStepKind Kind { get; set; }
    public DateOnly? CompletedDate { get; set; }
    public string? PerformedBy { get; set; }
    public string? NotesEn { get; set; }
    public string? NotesFr { get; set; }
    public string? DocumentReference { get; set; }
    public string? DocumentTitleEn { get; set; }
    public string? DocumentTitleFr { get; set; }
    public DateOnly? DocumentSignedDate { get; set; }
    public string? DocumentUri { get; set; }
    public string? HostName { get; set; }
    public string? HostRoleEn { get; set; }
    public string? HostRoleFr { get; set; }

    public ClosureStep ToStep()
    {
        var step = new ClosureStep
        {
            Kind = Kind,
            CompletedDate = CompletedDate?.ToProto(),
            PerformedBy = PerformedBy ?? string.Empty,
            Notes = Text(NotesEn, NotesFr),
        };
        if (Any(DocumentReference, DocumentTitleEn, DocumentTitleFr, DocumentUri) || DocumentSignedDate is not null)
        {
            step.Documents.Add(new DocumentReference
            {
                Reference = DocumentReference ?? string.Empty,
                Title = Text(DocumentTitleEn, DocumentTitleFr) ?? new LocalizedText(),
                SignedDate = DocumentSignedDate?.ToProto(),
                Uri = DocumentUri ?? string.Empty,
            });
        }

        if (Any(HostName, HostRoleEn, HostRoleFr))
        {
            step.Signatories.Add(new Signatory
            {
                FullName = HostName ?? string.Empty,
                Role = Text(HostRoleEn, HostRoleFr) ?? new LocalizedText(),
                Side = HandoverSide.Host,
            });
        }

        return step;
    }

    private static bool Any(params string?[] values) => values.Any(v => !string.IsNullOrWhiteSpace(v));

    private static LocalizedText? Text(string? en, string? fr) => Any(en, fr) ? new LocalizedText { En = en ?? string.Empty, Fr = fr ?? string.Empty } : null;
}
