using Contract = MissionOps.Common.V1;

namespace MissionOps.ServiceDefaults.Contracts;

public static class DocumentMapping
{
    public static Document Parse(RequestValidator v, string field, Contract.DocumentReference? document)
    {
        if (document is null)
        {
            v.Add(field, "is required");
            return new Document(Text.Empty, string.Empty, null, default, []);
        }

        var uri = v.Optional($"{field}.uri", document.Uri, 2000);
        if (uri is not null)
        {
            v.Check(Uri.TryCreate(uri, UriKind.Absolute, out _), $"{field}.uri", $"'{uri}' is not an absolute URI");
        }

        var signedBy = document.SignedBy.Select((name, i) => v.Required($"{field}.signed_by[{i}]", name, 200)).ToList();
        return new Document(
            v.Bilingual($"{field}.title", document.Title),
            v.Required($"{field}.reference", document.Reference, 200),
            uri,
            v.Date($"{field}.signed_date", document.SignedDate),
            signedBy);
    }

    public static Contract.DocumentReference ToProto(this Document document) => new()
    {
        Title = document.Title.ToProto(),
        Reference = document.Reference,
        Uri = document.Uri ?? string.Empty,
        SignedDate = document.SignedDate.ToProto(),
        SignedBy = { document.SignedBy },
    };
}
