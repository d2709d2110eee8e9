namespace MissionOps.ServiceDefaults.Errors;

/// <summary>
/// A total of stored amounts that an int64 of minor units cannot carry (amounts stored before their
/// bound was enforced): answered OUT_OF_RANGE, reason TOTAL_OUT_OF_RANGE, naming the currency.
/// </summary>
public sealed class TotalOutOfRangeException(string currency, string exactTotal)
    : Exception($"A total in {currency} comes to {exactTotal} minor units, more than an amount can carry; the stored {currency} amounts need correcting.")
{
    public string Currency { get; } = currency;

    public string ExactTotal { get; } = exactTotal;
}
