using Xunit.Abstractions;

namespace MissionOps.Reliability.Tests.Faults;

/// <summary>
/// One fault's figures, as docs/reliability.md tables them: the changes callers were told were made, what the
/// database holds, what was lost or stored twice, how long until the system answered again, and what callers saw.
/// </summary>
public sealed record FaultFigures(string Fault, string Work, long Acknowledged, long Stored, long Lost, long Duplicated, string Recovery,
    IReadOnlyCollection<Refusal> Refusals)
{
    public const string Header = "| Fault | During | Acknowledged | Stored | Lost | Duplicated | Time to recover | What callers saw |";

    public void WriteTo(ITestOutputHelper output)
    {
        output.WriteLine(Header);
        output.WriteLine($"| {Fault} | {Work} | {Acknowledged:N0} | {Stored:N0} | {Lost} | {Duplicated} | {Recovery} | {CallersSaw} |");
        foreach (var refusal in Refusals.Take(5))
        {
            output.WriteLine($"  refusal: {refusal}");
        }
    }

    /// <summary>The refusals by kind: <c>3 UNAVAILABLE with RetryInfo naming PostgreSQL</c>.</summary>
    private string CallersSaw => Refusals.Count == 0
        ? "no refusal"
        : string.Join("; ", Refusals
            .GroupBy(r => $"{r.Code.ToString().ToUpperInvariant()}{(r.RetryAfter is null ? " without RetryInfo" : " with RetryInfo")}{(r.Unavailable is null ? string.Empty : $" naming {r.Unavailable}")}")
            .Select(g => $"{g.Count()} {g.Key}"));
}
