using V1 = MissionOps.Sites.V1;

namespace MissionOps.Sites.Handover;

/// <summary>A signatory, for a handover or a closure step: name, role in both languages, and side.</summary>
public static class SignatoryMapping
{
    public static IReadOnlyList<Signatory> Parse(RequestValidator v, string field, IEnumerable<V1.Signatory> signatories) =>
        signatories.Select((s, i) => new Signatory(
            v.Required($"{field}[{i}].full_name", s.FullName, 200),
            v.Bilingual($"{field}[{i}].role", s.Role),
            v.Enum($"{field}[{i}].side", s.Side))).ToList();

    public static V1.Signatory ToProto(this Signatory s) => new() { FullName = s.FullName, Role = s.Role.ToProto(), Side = s.Side };
}
