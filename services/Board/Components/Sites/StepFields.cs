namespace MissionOps.Board.Components.Sites;

/// <summary>
/// Where a field Sites names in a refusal (<c>step.documents[0].title.fr</c>) sits on the board's form: the input to
/// mark and link to, and the words of its label. A field the form does not hold points at the step itself.
/// </summary>
public static class StepFields
{
    private static readonly (string Field, string Input, string Label)[] Inputs =
    [
        ("step.kind", "step-kind", "Step"),
        ("step.completed_date", "step-date", "CompletedDate"),
        ("step.performed_by", "step-performed-by", "PerformedBy"),
        ("step.notes.en", "step-notes-en", "StepNotes"),
        ("step.notes.fr", "step-notes-fr", "StepNotes"),
        ("step.documents[0].title.en", "doc-title-en", "DocumentTitle"),
        ("step.documents[0].title.fr", "doc-title-fr", "DocumentTitle"),
        ("step.documents[0].signed_date", "doc-signed-date", "DocumentSignedDate"),
        ("step.documents[0].uri", "doc-uri", "DocumentUri"),
        ("step.documents", "doc-reference", "StepDocument"),
        ("step.signatories[0].role.en", "host-role-en", "SignatoryRole"),
        ("step.signatories[0].role.fr", "host-role-fr", "SignatoryRole"),
        ("step.signatories", "host-name", "HostSignatory"),
    ];

    public static string InputOf(string field) => Find(field).Input;

    public static string LabelOf(string field) => Find(field).Label;

    private static (string Field, string Input, string Label) Find(string field) =>
        Inputs.FirstOrDefault(i => field.StartsWith(i.Field, StringComparison.Ordinal)) is { Field: not null } found ? found : ("step", "step-kind", "Step");
}
