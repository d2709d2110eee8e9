using MissionOps.Common.V1;

namespace MissionOps.ServiceDefaults.Contracts;

public static class MoneyInput
{
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
        v.Check(allowZero ? money.MinorUnits >= 0 : money.MinorUnits > 0, $"{field}.minor_units", allowZero ? "must not be negative" : "must be more than 0");
        return (currency, money.MinorUnits);
    }
}
