using System.Text.RegularExpressions;
using V1 = MissionOps.Personnel.V1;

namespace MissionOps.Personnel.People;

public static partial class PersonMapping
{
    public static V1.Person ToProto(this Person person, string? currentSite, bool repatriated) => new()
    {
        Name = person.Name,
        IndexNumber = person.IndexNumber,
        FullName = person.FullName,
        Component = person.Component,
        Category = person.Category,
        CountryCode = person.CountryCode,
        Unit = person.UnitId is null ? string.Empty : $"missions/{person.MissionId}/units/{person.UnitId}",
        AssignedSite = person.AssignedSite,
        AssignmentDate = person.AssignmentDate.ToProto(),
        CurrentSite = currentSite ?? string.Empty,
        Repatriated = repatriated,
        CreateTime = person.CreateTime.ToProto(),
        Etag = person.Etag,
    };

    public static string IndexNumber(RequestValidator v, string field, string? indexNumber)
    {
        var value = v.Required(field, indexNumber, 32);
        v.Check(value.Length == 0 || IndexPattern().IsMatch(value), field, $"'{value}' must be 1 to 32 letters, digits, hyphens or slashes");
        return value;
    }

    [GeneratedRegex("^[A-Za-z0-9/-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex IndexPattern();
}
