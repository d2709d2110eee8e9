using System.Text;

namespace MissionOps.ServiceDefaults.Contracts;

/// <summary>
/// The rule every text of a request meets before anything reads it. A character XML 1.0 cannot
/// carry is refused: NUL (PostgreSQL will not store it), an unpaired UTF-16 surrogate (no
/// character at all), the other C0 control characters but tab, line feed and carriage return (no
/// meaning in a name or a note, and the IATI XML export could not be written with them),
/// U+FFFE/U+FFFF (non-characters), and U+FFFD, the replacement character: it is what a decoder
/// leaves of an unpaired surrogate or of bytes that were not UTF-8, so it marks text broken on
/// its way here, which stored would pass for a name. What is left is put in Unicode NFC, so a name typed with a
/// combining accent and with a precomposed one is one string in storage, in filters and exports.
/// </summary>
public static class TextInput
{
    /// <summary>Why <paramref name="value"/> cannot be taken, or null when it can.</summary>
    public static string? Refusal(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return $"contains an unpaired UTF-16 surrogate (U+{(int)c:X4}) at position {i}, which is not a character";
            }

            if (c is < '\u0020' and not ('\t' or '\n' or '\r') or '\uFFFE' or '\uFFFF')
            {
                return $"contains the control character U+{(int)c:X4} at position {i}, which cannot be stored";
            }

            if (c == '\uFFFD')
            {
                return $"contains U+FFFD at position {i}, the replacement for an unpaired surrogate or bytes that were not UTF-8; send the text as it was written";
            }
        }

        return null;
    }

    /// <summary>The text in NFC; only call on text <see cref="Refusal"/> accepted.</summary>
    public static string Normalized(string value) =>
        value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC);
}
