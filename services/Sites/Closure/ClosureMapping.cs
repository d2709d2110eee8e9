using MissionOps.Sites.Handover;
using V1 = MissionOps.Sites.V1;

namespace MissionOps.Sites.Closure;

public static class ClosureMapping
{
    public static ClosureStep ParseStep(RequestValidator v, string field, V1.ClosureStep? step)
    {
        if (step is null)
        {
            v.Add(field, "is required");
            return new ClosureStep(default, default, string.Empty, null, [], []);
        }

        return new ClosureStep(
            v.Enum($"{field}.kind", step.Kind),
            v.Date($"{field}.completed_date", step.CompletedDate),
            v.Required($"{field}.performed_by", step.PerformedBy, 200),
            v.OptionalBilingual($"{field}.notes", step.Notes),
            step.Documents.Select((d, i) => DocumentMapping.Parse(v, $"{field}.documents[{i}]", d)).ToList(),
            SignatoryMapping.Parse(v, $"{field}.signatories", step.Signatories));
    }

    public static IReadOnlyList<ItemLeftInPlace> ParseItemsLeft(RequestValidator v, string field, IList<V1.ItemLeftInPlace> items)
    {
        v.Check(items.Count > 0, field, "list what was destroyed, decommissioned or abandoned in place (at least one entry)");
        return items.Select((item, i) =>
        {
            var at = $"{field}[{i}]";
            v.Check(item.Quantity >= 0, $"{at}.quantity", "must not be negative");
            return new ItemLeftInPlace(
                v.Bilingual($"{at}.description", item.Description),
                v.Enum($"{at}.disposition", item.Disposition),
                item.Quantity,
                v.Bilingual($"{at}.reason", item.Reason));
        }).ToList();
    }

    public static V1.ClosureStep ToProto(this ClosureStep step) => new()
    {
        Kind = step.Kind,
        CompletedDate = step.CompletedDate.ToProto(),
        PerformedBy = step.PerformedBy,
        Notes = step.Notes?.ToProto(),
        Documents = { step.Documents.Select(d => d.ToProto()) },
        Signatories = { (step.Signatories ?? []).Select(s => s.ToProto()) },
    };

    public static V1.SiteClosure ToProto(this SiteClosure closure) => new()
    {
        ClosureDate = closure.ClosureDate.ToProto(),
        Emergency = closure.Emergency,
        EmergencyReason = closure.EmergencyReason?.ToProto(),
        ItemsLeftInPlace = { closure.ItemsLeftInPlace.Select(item => item.ToProto()) },
        Notes = closure.Notes?.ToProto(),
        WhatStayed = closure.WhatStayed is null ? null : new V1.WhatStayed
        {
            PersonnelRemaining = closure.WhatStayed.PersonnelRemaining,
            OpenProjects = { closure.WhatStayed.OpenProjects },
            Complete = closure.WhatStayed.Complete,
        },
        AuthorisedBy = closure.AuthorisedBy ?? string.Empty,
    };

    public static V1.ItemLeftInPlace ToProto(this ItemLeftInPlace item) => new()
    {
        Description = item.Description.ToProto(),
        Disposition = item.Disposition,
        Quantity = item.Quantity,
        Reason = item.Reason.ToProto(),
    };
}
