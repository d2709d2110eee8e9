namespace MissionOps.Projects.Projects;

/// <summary>What was achieved over one period of an indicator, named as partners name it: result ref, indicator ref, period dates.</summary>
public sealed record IndicatorActual(string ResultRef, string IndicatorRef, DateOnly PeriodStart, DateOnly PeriodEnd, decimal Value);
