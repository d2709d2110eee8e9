using PdfSharp.Fonts;

namespace MissionOps.Board.Records;

/// <summary>The records' one typeface, DejaVu Sans, served from the board's own assembly (Fonts/README.md): a server has no fonts to count on.</summary>
public sealed class RecordFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<bool> Installed = new(() =>
    {
        GlobalFontSettings.FontResolver = new RecordFonts();
        return true;
    });

    /// <summary>Makes PDFsharp find the fonts; once per process, before the first record.</summary>
    public static void Install() => _ = Installed.Value;

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(RecordFonts).Assembly.GetManifestResourceStream($"Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"The font {faceName} is not embedded in the board.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
