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

    /// <summary>Null when two answers of a total and its lines are equal, else the first difference.</summary>
    public static string? FirstDifference<TRow>(int total, IReadOnlyList<TRow> rows, int otherTotal, IReadOnlyList<TRow> otherRows)
    {
        if (total != otherTotal)
        {
            return $"total {total} against {otherTotal}";
        }

        for (var i = 0; i < Math.Max(rows.Count, otherRows.Count); i++)
        {
            var mine = i < rows.Count ? rows[i]?.ToString() : "nothing";
            var theirs = i < otherRows.Count ? otherRows[i]?.ToString() : "nothing";
            if (mine != theirs)
            {
                return $"line {i}: {mine} against {theirs}";
            }
        }

        return null;
    }
}
