namespace MissionOps.ServiceDefaults.Contracts;

/// <summary>
/// How many decimals each currency has (ISO 4217 minor units), to turn the contract's integer
/// minor units into decimal values (IATI's, the gauges' major units). Most have two; these are the exceptions.
/// </summary>
public static class MinorUnits
{
    private static readonly HashSet<string> NoDecimals =
        ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"];

    private static readonly HashSet<string> ThreeDecimals = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];

    private static readonly HashSet<string> FourDecimals = ["CLF", "UYW"];

    public static int DecimalsOf(string currency) =>
        NoDecimals.Contains(currency) ? 0 : ThreeDecimals.Contains(currency) ? 3 : FourDecimals.Contains(currency) ? 4 : 2;

    public static decimal ToDecimal(long minorUnits, string currency)
    {
        var amount = (decimal)minorUnits;
        for (var i = 0; i < DecimalsOf(currency); i++)
        {
            amount /= 10;
        }

        return amount;
    }

    /// <summary>An amount in the currency's major unit (dollars, not cents), as a gauge reports it.</summary>
    public static double ToMajor(long minorUnits, string currency) => (double)ToDecimal(minorUnits, currency);

    public static string Format(long minorUnits, string currency) =>
        ToDecimal(minorUnits, currency).ToString("F" + DecimalsOf(currency), System.Globalization.CultureInfo.InvariantCulture);
}
