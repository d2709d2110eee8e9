using CsvHelper;
using Xunit;

namespace MissionOps.Testing;

/// <summary>
/// An HXL-tagged CSV file read back with the CSV library, as a partner's tool reads it: the header
/// row, the hashtag row, then each row's cells by hashtag. Every row must have every column.
/// </summary>
public sealed class HxlFile
{
    private HxlFile(IReadOnlyList<string> headers, IReadOnlyList<string> hashtags, IReadOnlyList<IReadOnlyDictionary<string, string>> rows)
    {
        Headers = headers;
        Hashtags = hashtags;
        Rows = rows;
    }

    public IReadOnlyList<string> Headers { get; }

    public IReadOnlyList<string> Hashtags { get; }

    public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows { get; }

    public static HxlFile Read(string csv)
    {
        var records = new List<string[]>();
        using (var reader = CsvReader.FromText(csv, CsvReaderOptions.Default with { HasHeader = false, Separator = ',' }))
        {
            foreach (var row in reader)
            {
                records.Add(row.ToArray().Select(cell => cell ?? string.Empty).ToArray());
            }
        }

        Assert.True(records.Count >= 2, "An HXL file starts with a header row and a hashtag row.");
        var hashtags = records[1];
        Assert.Equal(hashtags.Length, hashtags.Distinct(StringComparer.Ordinal).Count());
        Assert.All(records, r => Assert.Equal(hashtags.Length, r.Length));
        var rows = records.Skip(2)
            .Select(r => (IReadOnlyDictionary<string, string>)hashtags.Zip(r).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal))
            .ToList();
        return new HxlFile(records[0], hashtags, rows);
    }

    /// <summary>The one row whose cell under <paramref name="hashtag"/> is <paramref name="value"/>.</summary>
    public IReadOnlyDictionary<string, string> Row(string hashtag, string value) => Assert.Single(Rows, r => r[hashtag] == value);
}
