using MissionOps.Common.V1;

namespace MissionOps.ServiceDefaults.Contracts;

public static class MoneyInput
{
    /// <summary>
    /// The largest amount in minor units any request may carry, either sign: fifteen digits, so that
    /// every amount is exact in a spreadsheet cell and as a JavaScript number (below 2^53), and still
    /// ten trillion US dollars. Totals in answers may be larger (see <see cref="MoneyTotal"/>).
    /// </summary>
    public const long MaxMinorUnits = 999_999_999_999_999;

    /// <summary>An amount in minor units: more than 0 (or 0 when allowed), and at most <see cref="MaxMinorUnits"/>.</summary>
    public static long MinorUnits(RequestValidator v, string field, long? minorUnits, bool allowZero = false)
    {
        var amount = minorUnits ?? 0;
        if (v.Check(allowZero ? amount >= 0 : amount > 0, field, allowZero ? "must not be negative" : "must be more than 0"))
        {
            v.Check(amount <= MaxMinorUnits, field, $"{amount} is more than {MaxMinorUnits} minor units, the largest amount");
        }

        return amount;
    }

    /// <summary>A currency code and an amount in its minor units; null when absent and not required.</summary>
    public static (string Currency, long MinorUnits)? Parse(RequestValidator v, string field, Money? money, bool required = true, bool allowZero = false)
    {
        if (money is null)
        {
            if (required)
            {
                v.Add(field, "is required: a currency_code and an amount in minor_units");
            }

            return null;
        }

        var currency = v.CurrencyCode($"{field}.currency_code", money.CurrencyCode);
        var amount = MinorUnits(v, $"{field}.minor_units", money.MinorUnits, allowZero);
        return (currency, amount);
    }
}
