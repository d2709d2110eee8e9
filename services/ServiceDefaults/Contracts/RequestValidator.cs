using MissionOps.Common.V1;
using MissionOps.ServiceDefaults.Errors;

namespace MissionOps.ServiceDefaults.Contracts;

/// <summary>
/// Collects every bad field of a request before anything is stored, so the caller learns all of
/// them at once; <see cref="ThrowIfInvalid"/> refuses the request whole.
/// </summary>
public sealed partial class RequestValidator
{
    public const int MaxTextLength = 4000;

    private readonly List<FieldViolation> _violations = [];

    public bool IsValid => _violations.Count == 0;

    public IReadOnlyList<FieldViolation> Violations => _violations;

    public void Add(string field, string description) => _violations.Add(new FieldViolation(field, description));

    public bool Check(bool condition, string field, string description)
    {
        if (!condition)
        {
            Add(field, description);
        }

        return condition;
    }

    public string Required(string field, string? value, int maxLength = MaxTextLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required");
            return string.Empty;
        }

        return Checked(field, value, maxLength);
    }

    public string? Optional(string field, string? value, int maxLength = MaxTextLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Checked(field, value, maxLength);
    }

    /// <summary>Text from anywhere (a request, a seeder) meets <see cref="TextInput"/>'s rule, in NFC and trimmed.</summary>
    private string Checked(string field, string value, int maxLength)
    {
        if (TextInput.Refusal(value) is { } refusal)
        {
            Add(field, refusal);
            return string.Empty;
        }

        var text = TextInput.Normalized(value).Trim();
        Check(text.Length <= maxLength, field, $"must be at most {maxLength} characters");
        return text;
    }

    /// <summary>Both languages, each non-blank; names the missing side (<c>display_name.fr</c>).</summary>
    public Text Bilingual(string field, LocalizedText? text)
    {
        if (text is null)
        {
            Add(field, "is required in English (en) and French (fr)");
            return Text.Empty;
        }

        var en = Required($"{field}.en", text.En);
        var fr = Required($"{field}.fr", text.Fr);
        return new Text(en, fr);
    }

    /// <summary>Absent is fine; present means both languages.</summary>
    public Text? OptionalBilingual(string field, LocalizedText? text) =>
        text is null || (string.IsNullOrWhiteSpace(text.En) && string.IsNullOrWhiteSpace(text.Fr))
            ? null
            : Bilingual(field, text);

    public TEnum Enum<TEnum>(string field, TEnum value) where TEnum : struct, System.Enum
    {
        if (!System.Enum.IsDefined(value))
        {
            Add(field, $"{Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)} is not a known {typeof(TEnum).Name}");
        }
        else if (Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            Add(field, "is required");
        }

        return value;
    }

    /// <summary>An optional enum filter: unspecified is fine, an unknown number is not.</summary>
    public TEnum? OptionalEnum<TEnum>(string field, TEnum value) where TEnum : struct, System.Enum
    {
        if (!System.Enum.IsDefined(value))
        {
            Add(field, $"{Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)} is not a known {typeof(TEnum).Name}");
            return null;
        }

        return Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) == 0 ? null : value;
    }

    public DateOnly Date(string field, Google.Type.Date? date)
    {
        if (date is null)
        {
            Add(field, "is required");
            return default;
        }

        return OptionalDate(field, date) ?? default;
    }

    public DateOnly? OptionalDate(string field, Google.Type.Date? date)
    {
        if (date is null || (date.Year == 0 && date.Month == 0 && date.Day == 0))
        {
            return null;
        }

        var value = date.ToDateOnly();
        if (value is null)
        {
            Add(field, $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2} is not a full calendar date");
        }

        return value;
    }

    /// <summary>Checks that <paramref name="later"/> is not before <paramref name="earlier"/>; the later field is named.</summary>
    public void NotBefore(string laterField, DateOnly? later, string earlierField, DateOnly? earlier)
    {
        if (later is { } l && earlier is { } e && l < e)
        {
            Add(laterField, $"{l:yyyy-MM-dd} is before {earlierField} {e:yyyy-MM-dd}");
        }
    }

    /// <summary>A resource id: 2 to 63 lower-case letters, digits or hyphens, starting with a letter.</summary>
    public string ResourceId(string field, string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            Add(field, "is required");
            return string.Empty;
        }

        Check(ResourceName.IsId(id), field,
            $"'{id}' must be 2 to 63 lower-case letters, digits or hyphens, starting with a letter and not ending with a hyphen");
        return id;
    }

    /// <summary>The ids of a resource name such as <c>missions/minusma/sites/sevare</c>; empty ids when it is malformed.</summary>
    public string[] Name(string field, string? name, params string[] collections)
    {
        var ids = ResourceName.TryParse(name, collections);
        if (ids is not null)
        {
            return ids;
        }

        var pattern = string.Join('/', collections.Select(c => $"{c}/{{{ResourceName.Singular(c)}}}"));
        Add(field, string.IsNullOrEmpty(name)
            ? $"is required: a resource name of the form {pattern}"
            : $"'{name}' is not a resource name of the form {pattern}");
        return new string[collections.Length].Select(_ => string.Empty).ToArray();
    }

    /// <summary>A client-chosen UUID that makes a retry safe (AIP-155).</summary>
    public Guid RequestId(string field, string? requestId)
    {
        if (string.IsNullOrEmpty(requestId))
        {
            Add(field, "is required: a UUID chosen by the caller so that a retry is safe");
            return Guid.Empty;
        }

        if (!Guid.TryParse(requestId, out var id) || id == Guid.Empty)
        {
            Add(field, $"'{requestId}' is not a UUID");
        }

        return id;
    }

    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw new InvalidArgumentException(_violations.ToArray());
        }
    }
}
