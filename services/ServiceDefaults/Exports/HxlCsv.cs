using System.Text;
using CsvHelper;
using MissionOps.ServiceDefaults.Errors;

namespace MissionOps.ServiceDefaults.Exports;

/// <summary>
/// Writes an HXL-tagged CSV file as the HXL 1.1 tagging conventions lay it out: a header row for
/// people, the hashtag row for HXL tools, then the data. RFC 4180 (quotes where a cell needs them,
/// CRLF line ends, no byte-order mark), UTF-8 with accents as they are. Cells are
/// written as they are: a spreadsheet user opening the file is a partner's choice, and HXL tools
/// would read a cell escaped against formulas as a different value.
/// </summary>
public static class HxlCsv
{
    /// <summary>
    /// The most an export may weigh. The file travels whole in one unary answer, and a gRPC client
    /// accepts at most 4 MiB by default; the other fields of the answer take a few bytes. The
    /// exports stay far below: a mission has tens of sites, and its headcount a few hundred lines
    /// (sites x components x categories, however many thousand people they count), so tens of
    /// KiB. Over the limit the answer is RESOURCE_EXHAUSTED, not a message the client would refuse.
    /// </summary>
    public const int MaxBytes = Extensions.MaxReceiveMessageBytes - (64 * 1024);

    public static string Write<TRow>(IReadOnlyList<HxlColumn<TRow>> columns, IEnumerable<TRow> rows)
    {
        using var file = new MemoryStream();
        using (var csv = CsvWriter.Create(file, CsvWriterOptions.Default, leaveOpen: true))
        {
            csv.WriteRecord(columns.Select(c => c.Header).ToArray());
            csv.WriteRecord(columns.Select(c => c.Hashtag).ToArray());
            foreach (var row in rows)
            {
                csv.WriteRecord(columns.Select(c => c.Cell(row)).ToArray());
            }
        }

        if (file.Length > MaxBytes)
        {
            throw new LimitExceededException("export_bytes", MaxBytes,
                $"The export would take {file.Length} bytes, over the {MaxBytes} one answer may carry.");
        }

        return Encoding.UTF8.GetString(file.GetBuffer(), 0, (int)file.Length);
    }
}
