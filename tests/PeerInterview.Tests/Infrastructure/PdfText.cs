using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace PeerInterview.Tests.Infrastructure;

/// <summary>
/// Reads back the text of a PDF the way a reader would copy it, with PdfPig (an independent PDF parser): the letters of
/// each page in drawing order, cut into strings wherever the next letter is not on the same baseline right after the
/// one before (a new line, a table cell, a list marker); a word-sized gap within a string is a space.
/// </summary>
public static class PdfText
{
    /// <summary>Every shown string in document order, one per line.</summary>
    public static string Extract(byte[] pdf) => string.Join("\n", Strings(pdf));

    /// <summary>The same text with all whitespace (including line breaks from wrapping) collapsed to single spaces.</summary>
    public static string Flow(byte[] pdf) =>
        string.Join(" ", Extract(pdf).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Shown strings per page, in order.</summary>
    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(p => string.Join("\n", PageStrings(p)))];
    }

    public static IReadOnlyList<string> Strings(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().SelectMany(PageStrings)];
    }

    /// <summary>Every letter of every page (for checks on the glyphs themselves: fonts, code points).</summary>
    public static IReadOnlyList<Letter> Letters(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().SelectMany(p => p.Letters)];
    }

    /// <summary>The title and language from the document information and the catalog.</summary>
    public static (string? Title, string? Language) Metadata(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var catalog = document.Structure.Catalog.CatalogDictionary;
        var language = catalog.TryGet(UglyToad.PdfPig.Tokens.NameToken.Create("Lang"), out var token) && token is UglyToad.PdfPig.Tokens.StringToken s ? s.Data : null;
        return (document.Information.Title, language);
    }

    private static IEnumerable<string> PageStrings(Page page)
    {
        var current = new System.Text.StringBuilder();
        Letter? previous = null;
        foreach (var letter in page.Letters)
        {
            if (previous is not null && !Continues(previous, letter))
            {
                if (current.ToString().Trim().Length > 0)
                {
                    yield return current.ToString().Trim();
                }

                current.Clear();
            }

            else if (previous is not null && previous.Value != " " && letter.Value != " " && letter.StartBaseLine.X - previous.EndBaseLine.X > previous.PointSize * 0.15)
            {
                // A space glyph draws nothing, so the PDF may hold no letter for it: the gap is the space.
                current.Append(' ');
            }

            current.Append(Plain(letter.Value));
            previous = letter;
        }

        if (current.ToString().Trim().Length > 0)
        {
            yield return current.ToString().Trim();
        }
    }

    /// <summary>
    /// Presentation forms (Arabic contextual forms, Latin ligatures) as the letters they stand for, and CJK radicals
    /// as the ideographs they share a glyph with: Skia maps a glyph back to the lowest code point the font gives it, so
    /// 一 in a CJK font reads back as the Kangxi radical ⼀ (U+2F00), which NFKC turns back into U+4E00.
    /// </summary>
    public static string Plain(string value) =>
        value.Any(c => c is (>= '\uFB00' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF') or (>= '\u2E80' and <= '\u2FDF'))
            ? value.Normalize(System.Text.NormalizationForm.FormKC)
            : value;

    private static bool Continues(Letter previous, Letter next)
    {
        var size = Math.Max(previous.PointSize, 1);
        var sameLine = Math.Abs(previous.StartBaseLine.Y - next.StartBaseLine.Y) < size * 0.3;
        var gap = next.StartBaseLine.X - previous.EndBaseLine.X;
        return sameLine && gap < size * 0.6 && gap > -size * 0.6;
    }
}
