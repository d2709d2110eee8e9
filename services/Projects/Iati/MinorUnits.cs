namespace MissionOps.Projects.Iati;

/// <summary>
/// How many decimals each currency has (ISO 4217 minor units), to turn the contract's integer
/// minor units into IATI's decimal values. Most have two; these are the exceptions.
/// </summary>
public static class MinorUnits
{
    private static readonly HashSet<string> NoDecimals =
        ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"];

    private static readonly HashSet<string> ThreeDecimals = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];

    public static int DecimalsOf(string currency) =>
        NoDecimals.Contains(currency) ? 0 : ThreeDecimals.Contains(currency) ? 3 : 2;

    public static decimal ToDecimal(long minorUnits, string currency)
    {
        var amount = (decimal)minorUnits;
        for (var i = 0; i < DecimalsOf(currency); i++)
        {
            amount /= 10;
        }

        return amount;
    }

    public static string Format(long minorUnits, string currency) =>
        ToDecimal(minorUnits, currency).ToString("F" + DecimalsOf(currency), System.Globalization.CultureInfo.InvariantCulture);
}
