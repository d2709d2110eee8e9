using System.Globalization;

namespace MissionOps.Cli;

/// <summary>What the tool says, in English or French: <c>--lang</c>, else the system's language.</summary>
public static class Texts
{
    private static bool _french;

    /// <summary>The language chosen, as an <c>accept-language</c> value.</summary>
    public static string Code => _french ? "fr" : "en";

    /// <summary>Chooses the language once, before the commands are made, so that their help speaks it too.</summary>
    public static void Choose(string? asked)
    {
        var language = asked ?? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        _french = language.StartsWith("fr", StringComparison.OrdinalIgnoreCase);
        // Numbers and dates as the language writes them: 50 000 in French, 50,000 in English.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = _french ? CultureInfo.GetCultureInfo("fr-FR") : CultureInfo.GetCultureInfo("en-GB");
    }

    public static string Say(string english, string french) => _french ? french : english;
}
