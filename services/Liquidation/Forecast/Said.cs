namespace MissionOps.Liquidation.Forecast;

/// <summary>
/// A sentence of the forecast in English and in French (<see cref="ForecastWords"/>): what a step is and why it falls on
/// its day, for the people who read the board in either language, the host authorities among them.
/// </summary>
public sealed record Said(string En, string Fr);
