using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace MissionOps.Board.Records;

/// <summary>
/// Lays text out down A4 pages: headings, paragraphs wrapped to the width, two columns side by side, a signature block;
/// a new page when the next line would not fit.
/// </summary>
public sealed class RecordWriter : IDisposable
{
    private const double Margin = 56;
    private static readonly XFont Title = new(RecordFonts.Family, 15, XFontStyleEx.Bold);
    private static readonly XFont Heading = new(RecordFonts.Family, 11.5, XFontStyleEx.Bold);
    private static readonly XFont Body = new(RecordFonts.Family, 9.5, XFontStyleEx.Regular);
    private static readonly XFont Small = new(RecordFonts.Family, 8, XFontStyleEx.Regular);

    private readonly PdfDocument _document = new();
    private XGraphics? _graphics;
    private PdfPage? _page;
    private double _y;

    public RecordWriter(string title, string subject)
    {
        RecordFonts.Install();
        _document.Info.Title = title;
        _document.Info.Subject = subject;
        _document.Info.Creator = "MissionOps drawdown board";
        NewPage();
    }

    private double Width => _page!.Width.Point - 2 * Margin;

    public void DocumentTitle(string english, string french)
    {
        Paragraph(english, Title);
        Paragraph(french, Title);
        _y += 8;
    }

    public void Section(string english, string french)
    {
        // A heading never ends a page: it starts the next one with what it heads.
        NeedRoom(10 + Heading.Height * 1.15 + 4 + Body.Height * 3);
        _y += 10;
        Paragraph($"{english} / {french}", Heading);
        _graphics!.DrawLine(XPens.Gray, Margin, _y, Margin + Width, _y);
        _y += 4;
    }

    public void Paragraph(string text, XFont? font = null) => Lines(text, font ?? Body, Margin, Width);

    /// <summary>A label and its value on one line, the value wrapped beside the label.</summary>
    public void Fact(string label, string value)
    {
        var labelWidth = Width * 0.34;
        var top = _y;
        Lines(label, Small, Margin, labelWidth - 6);
        var labelBottom = _y;
        _y = top;
        Lines(value, Body, Margin + labelWidth, Width - labelWidth);
        _y = Math.Max(_y, labelBottom) + 2;
    }

    /// <summary>Two blocks of lines side by side (English and French, host and mission), as high as the taller.</summary>
    public void Columns(IReadOnlyList<string> left, IReadOnlyList<string> right, double lineGap = 0)
    {
        var half = (Width - 16) / 2;
        NeedRoom(Math.Max(left.Count, right.Count) * (Body.Height + lineGap) + 4);
        var top = _y;
        foreach (var line in left)
        {
            Lines(line, Body, Margin, half);
            _y += lineGap;
        }

        var leftBottom = _y;
        _y = top;
        foreach (var line in right)
        {
            Lines(line, Body, Margin + half + 16, half);
            _y += lineGap;
        }

        _y = Math.Max(_y, leftBottom) + 4;
    }

    /// <summary>A line to sign on under each signatory, with the name and role beneath it.</summary>
    public void SignatureLine(double x, double width, string name, string role)
    {
        _graphics!.DrawLine(XPens.Black, x, _y + 28, x + width, _y + 28);
        _graphics.DrawString(name, Body, XBrushes.Black, new XPoint(x, _y + 28 + Body.Height + 2));
        _graphics.DrawString(role, Small, XBrushes.Black, new XPoint(x, _y + 28 + Body.Height + Small.Height + 4));
    }

    /// <summary>The signature block: each side's signatories in a column of its own.</summary>
    public void Signatures((string Heading, IReadOnlyList<(string Name, string Role)> People) left, (string Heading, IReadOnlyList<(string Name, string Role)> People) right)
    {
        var half = (Width - 16) / 2;
        var rows = Math.Max(left.People.Count, right.People.Count);
        NeedRoom(Heading.Height + 8 + rows * 64);
        Columns([left.Heading], [right.Heading]);
        for (var i = 0; i < rows; i++)
        {
            if (i < left.People.Count)
            {
                SignatureLine(Margin, half, left.People[i].Name, left.People[i].Role);
            }

            if (i < right.People.Count)
            {
                SignatureLine(Margin + half + 16, half, right.People[i].Name, right.People[i].Role);
            }

            _y += 64;
        }
    }

    public byte[] ToBytes()
    {
        _graphics?.Dispose();
        _graphics = null;
        using var stream = new MemoryStream();
        _document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        _graphics?.Dispose();
        _document.Dispose();
    }

    private void Lines(string text, XFont font, double x, double width)
    {
        foreach (var line in Wrap(text, font, width))
        {
            NeedRoom(font.Height);
            _graphics!.DrawString(line, font, XBrushes.Black, new XPoint(x, _y + font.Height * 0.8));
            _y += font.Height * 1.15;
        }
    }

    private IEnumerable<string> Wrap(string text, XFont font, double width)
    {
        foreach (var paragraph in text.Split('\n'))
        {
            var line = string.Empty;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (line.Length > 0 && _graphics!.MeasureString(candidate, font).Width > width)
                {
                    yield return line;
                    line = word;
                }
                else
                {
                    line = candidate;
                }
            }

            yield return line;
        }
    }

    private void NeedRoom(double height)
    {
        if (_y + height > _page!.Height.Point - Margin)
        {
            NewPage();
        }
    }

    private void NewPage()
    {
        _graphics?.Dispose();
        _page = _document.AddPage();
        _page.Size = PdfSharp.PageSize.A4;
        _graphics = XGraphics.FromPdfPage(_page);
        _y = Margin;
    }
}
