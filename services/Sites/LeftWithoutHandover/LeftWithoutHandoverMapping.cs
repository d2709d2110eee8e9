using MissionOps.Sites.Closure;
using V1 = MissionOps.Sites.V1;

namespace MissionOps.Sites.LeftWithoutHandover;

public static class LeftWithoutHandoverMapping
{
    /// <summary>What the caller says; who authorised it and when come from the call, not the request.</summary>
    public static (V1.LeftCircumstance Circumstance, DateOnly LeftDate, Text Reason, IReadOnlyList<ItemLeftInPlace> ItemsLeft, string BoardReference)
        Parse(RequestValidator v, string field, V1.LeftWithoutHandoverRecord? left)
    {
        if (left is null)
        {
            v.Add(field, "is required");
            return (default, default, Text.Empty, [], string.Empty);
        }

        return (
            v.Enum($"{field}.circumstance", left.Circumstance),
            v.Date($"{field}.left_date", left.LeftDate),
            v.Bilingual($"{field}.reason", left.Reason),
            ClosureMapping.ParseItemsLeft(v, $"{field}.items_left", left.ItemsLeft),
            v.Required($"{field}.board_reference", left.BoardReference, 200));
    }

    public static V1.LeftWithoutHandoverRecord ToProto(this SiteLeftWithoutHandover left) => new()
    {
        Circumstance = left.Circumstance,
        LeftDate = left.LeftDate.ToProto(),
        Reason = left.Reason.ToProto(),
        ItemsLeft = { left.ItemsLeft.Select(item => item.ToProto()) },
        BoardReference = left.BoardReference,
        AuthorisedBy = left.AuthorisedBy,
        RecordTime = left.RecordTime.ToProto(),
    };
}
