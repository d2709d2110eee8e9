namespace MissionOps.Benchmarks;

/// <summary>The checks the benchmarks make of every answer: a wrong one throws, and the run exits non-zero.</summary>
public static class Answers
{
    public static void Expect(bool right, string what)
    {
        if (!right)
        {
            throw new BenchmarkFailedException(what);
        }
    }

    public static void Named(string asked, string answered) => Expect(answered == asked, $"asked for {asked}, answered {answered}");

    /// <summary>A page holds at least one resource, and only resources under <paramref name="parent"/>.</summary>
    public static void PageUnder(string parent, IEnumerable<string> names, string what)
    {
        var all = names.ToList();
        Expect(all.Count > 0, $"an empty page of {what}");
        var stray = all.FirstOrDefault(n => !n.StartsWith(parent + "/", StringComparison.Ordinal));
        Expect(stray is null, $"a page of {what} holds {stray}, not under {parent}");
    }
}
