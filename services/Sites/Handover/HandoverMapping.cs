using MissionOps.Sites.Closure;
using V1 = MissionOps.Sites.V1;

namespace MissionOps.Sites.Handover;

public static class HandoverMapping
{
    public static SiteHandover Parse(RequestValidator v, string field, V1.SiteHandover? handover)
    {
        if (handover is null)
        {
            v.Add(field, "is required");
            return new SiteHandover(new HandoverRecipient(Text.Empty, default), default, [], [], [], Text.Empty);
        }

        HandoverRecipient recipient;
        if (handover.Recipient is null)
        {
            v.Add($"{field}.recipient", "is required");
            recipient = new HandoverRecipient(Text.Empty, default);
        }
        else
        {
            recipient = new HandoverRecipient(
                v.Bilingual($"{field}.recipient.display_name", handover.Recipient.DisplayName),
                v.Enum($"{field}.recipient.kind", handover.Recipient.Kind));
        }

        var signatories = SignatoryMapping.Parse(v, $"{field}.signatories", handover.Signatories);
        var attendees = handover.Attendees.Select((a, i) => new Attendee(
            v.Required($"{field}.attendees[{i}].full_name", a.FullName, 200),
            v.Bilingual($"{field}.attendees[{i}].role", a.Role))).ToList();
        var documents = handover.Documents.Select((d, i) => new HandoverDocument(
            v.Enum($"{field}.documents[{i}].kind", d.Kind),
            DocumentMapping.Parse(v, $"{field}.documents[{i}].document", d.Document))).ToList();

        return new SiteHandover(
            recipient,
            v.Date($"{field}.ceremony_date", handover.CeremonyDate),
            signatories,
            attendees,
            documents,
            v.Bilingual($"{field}.agreed_civilian_use", handover.AgreedCivilianUse));
    }

    public static V1.SiteHandover ToProto(this SiteHandover handover) => new()
    {
        Recipient = new V1.HandoverRecipient { DisplayName = handover.Recipient.DisplayName.ToProto(), Kind = handover.Recipient.Kind },
        CeremonyDate = handover.CeremonyDate.ToProto(),
        Signatories = { handover.Signatories.Select(s => s.ToProto()) },
        Attendees = { handover.Attendees.Select(a => new V1.Attendee { FullName = a.FullName, Role = a.Role.ToProto() }) },
        Documents = { handover.Documents.Select(d => new V1.HandoverDocument { Kind = d.Kind, Document = d.Document.ToProto() }) },
        AgreedCivilianUse = handover.AgreedCivilianUse.ToProto(),
    };
}
