using Google.Protobuf;
using Google.Protobuf.Reflection;
using MissionOps.Common.V1;
using MissionOps.ServiceDefaults.Contracts;

namespace MissionOps.Testing;

/// <summary>
/// Builds the bad requests of one change from its valid request, one slot at a time, so that each reaches
/// validation as deep as the valid request does: bad characters and over-long text in every string,
/// bound-breaking amounts, unknown enum numbers, impossible dates, unknown codes and dangling references.
/// </summary>
public static class BadInputCorpus
{
    public const string OverLong = "over-long";
    public const string FarOverLong = "far over-long";
    public const string AnotherMission = "another mission";
    public const string Malformed = "malformed";

    /// <summary>Stands for an unpaired surrogate: .NET cannot encode one, so <see cref="ToWire"/> writes its bytes in this one's place.</summary>
    public const string LoneSurrogate = "\uE000";

    public static IReadOnlyList<BadInputCase> For(MethodDescriptor method, IReadOnlyList<IMessage> valid)
    {
        var cases = new List<BadInputCase>();
        var slots = FieldSlot.Of(method, valid);
        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];
            var at = i;
            cases.AddRange(ValuesFor(method.File, slot).Select(v => new BadInputCase(v.Kind, v.Variant, at, slot.Path, v.Value)));
        }

        return cases;
    }

    /// <summary>The valid messages, cloned, with the case's bad value in its slot and a request id of its own.</summary>
    public static IReadOnlyList<IMessage> Apply(MethodDescriptor method, IReadOnlyList<IMessage> valid, BadInputCase badCase)
    {
        var messages = valid.Select(m => m.Descriptor.Parser.ParseFrom(m.ToByteString())).ToList();
        var withRequestId = messages.FirstOrDefault(m => DynamicCall.HasRequestId(m.Descriptor) && HasRequestIdSet(m));
        if (withRequestId is not null)
        {
            DynamicCall.SetRequestId(withRequestId, Guid.NewGuid().ToString());
        }

        FieldSlot.Of(method, messages)[badCase.SlotIndex].Set(badCase.Value);
        return messages;
    }

    /// <summary>The message's bytes as a client of any language could send them, lone surrogates included.</summary>
    public static byte[] ToWire(IMessage message)
    {
        var bytes = message.ToByteArray();
        for (var i = 0; i + 2 < bytes.Length; i++)
        {
            if (bytes[i] == 0xEE && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80)
            {
                (bytes[i], bytes[i + 1]) = (0xED, 0xA0);
            }
        }

        return bytes;
    }

    private static bool HasRequestIdSet(IMessage message) =>
        message.Descriptor.Fields.InFieldNumberOrder().Any(f => f.Name == "request_id" && f.Accessor.GetValue(message) is string { Length: > 0 })
        || message.Descriptor.Fields.InFieldNumberOrder().Any(f => f.FieldType == FieldType.Message && !f.IsRepeated
            && f.Accessor.GetValue(message) is IMessage nested && nested.Descriptor.FindFieldByName("request_id") is { } id
            && id.Accessor.GetValue(nested) is string { Length: > 0 });

    private static IEnumerable<(BadInputKind Kind, string Variant, object Value)> ValuesFor(FileDescriptor file, FieldSlot slot)
    {
        var field = slot.Field;
        switch (field.FieldType)
        {
            case FieldType.String:
                var text = slot.Value as string ?? string.Empty;
                yield return (BadInputKind.Text, "NUL", Insert(text, "\0"));
                yield return (BadInputKind.Text, "unpaired surrogate", Insert(text, LoneSurrogate));
                yield return (BadInputKind.Text, OverLong, new string('a', RequestValidator.MaxTextLength + 1));
                yield return (BadInputKind.Text, FarOverLong, new string('a', 100 * RequestValidator.MaxTextLength));
                foreach (var code in Codes(field))
                {
                    yield return code;
                }

                if (field.Name != "request_id" && FieldTraits.IsReference(field, slot.Value))
                {
                    foreach (var (variant, name) in References(file, field, text))
                    {
                        yield return (BadInputKind.Reference, variant, name);
                    }
                }

                break;
            case FieldType.Enum:
                yield return (BadInputKind.Enum, "unknown number", Enum.ToObject(field.EnumType.ClrType, 999));
                yield return (BadInputKind.Enum, "negative number", Enum.ToObject(field.EnumType.ClrType, -1));
                break;
            case FieldType.Message when field.MessageType.FullName == FieldSlot.MoneyType:
                var currency = (slot.Value as Money)?.CurrencyCode is { Length: > 0 } c ? c : "USD";
                yield return (BadInputKind.Money, "long.MaxValue", new Money { CurrencyCode = currency, MinorUnits = long.MaxValue });
                yield return (BadInputKind.Money, "long.MinValue", new Money { CurrencyCode = currency, MinorUnits = long.MinValue });
                yield return (BadInputKind.Money, "negative", new Money { CurrencyCode = currency, MinorUnits = -100 });
                var amount = slot.Value is Money { MinorUnits: > 0 } valid ? valid.MinorUnits : 100;
                yield return (BadInputKind.Code, "'ZZZ'", new Money { CurrencyCode = "ZZZ", MinorUnits = amount });
                yield return (BadInputKind.Code, "'usd'", new Money { CurrencyCode = "usd", MinorUnits = amount });
                break;
            case FieldType.Message when field.MessageType.FullName == FieldSlot.DateType:
                yield return (BadInputKind.Date, "2023-02-30", new Google.Type.Date { Year = 2023, Month = 2, Day = 30 });
                yield return (BadInputKind.Date, "month 13", new Google.Type.Date { Year = 2023, Month = 13, Day = 1 });
                yield return (BadInputKind.Date, "year 0", new Google.Type.Date { Year = 0, Month = 5, Day = 1 });
                yield return (BadInputKind.Date, "year 10000", new Google.Type.Date { Year = 10000, Month = 1, Day = 1 });
                break;
        }
    }

    private static IEnumerable<(BadInputKind, string, object)> Codes(FieldDescriptor field)
    {
        string[] codes = FieldTraits.IsCurrencyCode(field) ? ["ZZZ", "usd"]
            : FieldTraits.IsCountryCode(field) ? ["XX", "ZZ", "mli"]
            : [];
        return codes.Select(c => (BadInputKind.Code, $"'{c}'", (object)c));
    }

    /// <summary>A name that does not exist, one in another mission, and one that is not a name.</summary>
    private static IEnumerable<(string Variant, string Name)> References(FileDescriptor file, FieldDescriptor field, string valid)
    {
        var name = valid.StartsWith("missions/", StringComparison.Ordinal) ? valid
            : FieldTraits.ReferencedType(field) is { } type && FieldTraits.PatternOf(file, type) is { } pattern ? Fill(pattern) : null;
        if (name is null)
        {
            yield return (Malformed, "Not a name!");
            yield break;
        }

        var segments = name.Split('/');
        yield return ("dangling", segments.Length > 2 ? string.Join('/', segments[..^1].Append("nowhere")) : "missions/nowhere");
        yield return (AnotherMission, string.Join('/', segments.Select((s, i) => i == 1 ? "unmiss" : s)));
        yield return (Malformed, string.Join('/', segments[..^1].Append("Not An Id!")));
    }

    private static string Fill(string pattern) =>
        string.Join('/', pattern.Split('/').Select(s => s == "{mission}" ? DynamicCall.Mission : s.StartsWith('{') ? "nowhere" : s));

    private static string Insert(string text, string bad) =>
        text.Length == 0 ? $"Sé{bad}varé" : text.Insert(text.Length / 2, bad);
}
