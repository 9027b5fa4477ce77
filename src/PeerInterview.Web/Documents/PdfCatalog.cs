using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PeerInterview.Web.Documents;

/// <summary>
/// Sets the document language (<c>/Lang</c> in the catalog), which SkiaSharp's PDF backend has no setting for, with a
/// standard PDF incremental update: the catalog is written again with <c>/Lang</c> after the original file, followed by
/// a cross-reference section for that one object and a trailer pointing back (<c>/Prev</c>) to the original one.
/// Readers use the newest catalog; the original bytes stay untouched.
/// </summary>
public static partial class PdfCatalog
{
    public static byte[] WithLanguage(byte[] pdf, string language)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var text = Encoding.Latin1.GetString(pdf);
        var startXref = StartXref().Matches(text);
        var trailerAt = text.LastIndexOf("trailer", StringComparison.Ordinal);
        if (startXref.Count == 0 || trailerAt < 0)
        {
            throw new InvalidOperationException("The PDF has no classic cross-reference table to update.");
        }

        var trailer = text[trailerAt..startXref[^1].Index];
        var root = Root().Match(trailer);
        var size = Size().Match(trailer);
        if (!root.Success || !size.Success)
        {
            throw new InvalidOperationException("The PDF trailer names no catalog.");
        }

        var catalogNumber = root.Groups[1].Value;
        var objectStart = text.LastIndexOf($"\n{catalogNumber} 0 obj", StringComparison.Ordinal);
        var dictStart = text.IndexOf("<<", objectStart, StringComparison.Ordinal);
        var objectEnd = text.IndexOf("endobj", dictStart, StringComparison.Ordinal);
        var catalog = text[dictStart..objectEnd].TrimEnd();
        if (catalog.Contains("/Lang", StringComparison.Ordinal))
        {
            return pdf;
        }

        var update = new StringBuilder();
        var offset = pdf.Length + 1;
        update.Append('\n');
        update.Append(CultureInfo.InvariantCulture, $"{catalogNumber} 0 obj\n<< /Lang ({language}) {catalog[2..]}\nendobj\n");
        var xref = pdf.Length + update.Length;
        update.Append(CultureInfo.InvariantCulture, $"xref\n{catalogNumber} 1\n{offset:D10} 00000 n \n");
        var rest = Regex.Replace(trailer[(trailer.IndexOf("<<", StringComparison.Ordinal) + 2)..trailer.LastIndexOf(">>", StringComparison.Ordinal)], @"/Prev\s+\d+", "");
        update.Append(CultureInfo.InvariantCulture, $"trailer\n<<{rest} /Prev {startXref[^1].Groups[1].Value}>>\nstartxref\n{xref}\n%%EOF");
        return [.. pdf, .. Encoding.Latin1.GetBytes(update.ToString())];
    }

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"/Root\s+(\d+)\s+0\s+R")]
    private static partial Regex Root();

    [GeneratedRegex(@"/Size\s+(\d+)")]
    private static partial Regex Size();
}
