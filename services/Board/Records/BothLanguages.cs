using System.Globalization;
using Microsoft.Extensions.Localization;
using MissionOps.Common.V1;

namespace MissionOps.Board.Records;

/// <summary>The board's words and the contract's days in English and in French at once, as a bilingual record prints them.</summary>
public sealed class BothLanguages(IStringLocalizer<Texts> texts)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr");

    public (string En, string Fr) Text(string key) => (In(English, () => texts[key].Value), In(French, () => texts[key].Value));

    /// <summary>"English / français", or the one text when both are the same.</summary>
    public string Pair(string key)
    {
        var (en, fr) = Text(key);
        return en == fr ? en : $"{en} / {fr}";
    }

    public static string Pair(LocalizedText? text) =>
        text is null ? string.Empty : text.En == text.Fr || string.IsNullOrEmpty(text.Fr) ? text.En : string.IsNullOrEmpty(text.En) ? text.Fr : $"{text.En} / {text.Fr}";

    /// <summary>8 December 2023 / 8 décembre 2023.</summary>
    public static string Day(DateOnly? day) =>
        day is { } d ? $"{d.ToString("d MMMM yyyy", English)} / {d.ToString("d MMMM yyyy", French)}" : "–";

    private static string In(CultureInfo culture, Func<string> read)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
