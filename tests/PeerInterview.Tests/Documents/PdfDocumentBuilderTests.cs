using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Web.Documents;

namespace PeerInterview.Tests.Documents;

public class PdfDocumentBuilderTests
{
    private static readonly DateTimeOffset FixedDate = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static PdfDocumentBuilder NewPdf(string title = "Test document") => new(title, "PeerInterview", FixedDate);

    private static string Latin1(byte[] bytes) => Encoding.Latin1.GetString(bytes);

    [Fact]
    public void Output_IsAPdfFileFromHeaderToEof()
    {
        var pdf = NewPdf();
        pdf.Paragraph("Hello");

        var text = Latin1(pdf.ToBytes());

        Assert.StartsWith("%PDF-1.", text, StringComparison.Ordinal);
        Assert.EndsWith("%%EOF", text, StringComparison.Ordinal);
    }

    [Fact]
    public void LongContent_FlowsOntoNumberedPages()
    {
        var pdf = NewPdf("Flow test");
        for (var i = 1; i <= 200; i++)
        {
            pdf.Paragraph($"Paragraph number {i}.");
        }

        var bytes = pdf.ToBytes();
        var pages = PdfText.Pages(bytes);

        Assert.True(pdf.PageCount >= 3, $"Expected several pages, got {pdf.PageCount}");
        Assert.Equal(pdf.PageCount, pages.Count);
        for (var p = 0; p < pages.Count; p++)
        {
            Assert.Contains($"Page {p + 1} of {pages.Count}", pages[p], StringComparison.Ordinal);
            Assert.Contains("Flow test", pages[p], StringComparison.Ordinal);
        }

        // Nothing lost or reordered across page breaks.
        var numbers = Regex.Matches(PdfText.Extract(bytes), @"Paragraph number (\d+)\.").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.Equal(Enumerable.Range(1, 200), numbers);
    }

    [Fact]
    public void Text_WithTypographicPunctuationAndBrackets_IsExtractedAsWritten()
    {
        var pdf = NewPdf();
        pdf.Heading("Résumé review – “culture fit”", level: 2);
        pdf.Paragraph("It’s a (bracketed) C:\\path — costs €5 … done");
        pdf.KeyValue("Band", "Recommend");
        pdf.Bullets(["first • point", "second"]);
        pdf.Paragraph("Unbalanced :) and (open");

        var text = PdfText.Extract(pdf.ToBytes());

        Assert.Contains("Résumé review – “culture fit”", text, StringComparison.Ordinal);
        Assert.Contains("It’s a (bracketed) C:\\path — costs €5 … done", text, StringComparison.Ordinal);
        Assert.Contains("Band:", text, StringComparison.Ordinal);
        Assert.Contains("Recommend", text, StringComparison.Ordinal);
        Assert.Contains("first • point", text, StringComparison.Ordinal);
        Assert.Contains("Unbalanced :) and (open", text, StringComparison.Ordinal);
    }

    [Fact]
    public void CarriageReturns_AreNormalisedToLineBreaks()
    {
        var pdf = NewPdf();
        pdf.Paragraph("line one\r\nline two\rline three");

        var strings = PdfText.Strings(pdf.ToBytes());

        Assert.Contains("line one", strings);
        Assert.Contains("line two", strings);
        Assert.Contains("line three", strings);
        Assert.DoesNotContain(strings, s => s.Contains('\r', StringComparison.Ordinal));
    }

    [Fact]
    public void LongText_WrapsWithinTheMargins_AndLongWordsAreBroken()
    {
        var pdf = NewPdf();
        var words = string.Join(" ", Enumerable.Range(1, 150).Select(i => $"word{i}"));
        var longWord = new string('W', 300);
        pdf.Paragraph(words);
        pdf.Paragraph(longWord, style: PdfFontStyle.Bold);

        var strings = PdfText.Strings(pdf.ToBytes());
        var contentWidth = PdfDocumentBuilder.PageWidth - (2 * PdfDocumentBuilder.Margin);

        var wordLines = strings.Where(s => s.StartsWith("word", StringComparison.Ordinal)).ToList();
        Assert.True(wordLines.Count > 5);
        Assert.All(wordLines, line => Assert.True(pdf.Measure(line, PdfFontStyle.Regular, 10f) <= contentWidth + 0.01f, line));
        Assert.Equal(words, string.Join(" ", wordLines));

        var longWordLines = strings.Where(s => s.StartsWith('W')).ToList();
        Assert.True(longWordLines.Count > 1);
        Assert.All(longWordLines, line => Assert.True(pdf.Measure(line, PdfFontStyle.Bold, 10f) <= contentWidth + 0.01f, line));
        Assert.Equal(longWord, string.Concat(longWordLines));
    }

    [Fact]
    public void Table_RepeatsItsHeaderOnEveryPage()
    {
        var pdf = NewPdf();
        var rows = Enumerable.Range(1, 150).Select(i => new[] { $"Row {i}", $"Value {i}", i % 10 == 0 ? string.Join(" ", Enumerable.Repeat("wrapped text", 12)) : "" });
        pdf.Table(["Name", "Value", "Notes"], rows, [1f, 1f, 2f]);

        var pages = PdfText.Pages(pdf.ToBytes());

        Assert.True(pages.Count >= 3);
        Assert.All(pages, page => Assert.StartsWith("Name\nValue\nNotes\n", page, StringComparison.Ordinal));
        var rowNumbers = Regex.Matches(string.Join("\n", pages), @"Row (\d+)").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.Equal(Enumerable.Range(1, 150), rowNumbers);
    }

    [Fact]
    public void Table_RowTallerThanAPage_IsSplitAcrossPages()
    {
        var pdf = NewPdf();
        var huge = string.Join("\n", Enumerable.Range(1, 120).Select(i => $"line {i}"));
        pdf.Table(["Only"], [[huge]], [1f]);

        var pages = PdfText.Pages(pdf.ToBytes());

        Assert.True(pages.Count > 1);
        Assert.All(pages, page => Assert.StartsWith("Only\n", page, StringComparison.Ordinal));
        var lines = Regex.Matches(string.Join("\n", pages), @"line (\d+)").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.Equal(Enumerable.Range(1, 120), lines);
    }

    [Fact]
    public void Table_WithTheWrongNumberOfWidths_IsRejected()
    {
        var pdf = NewPdf();

        Assert.Throws<ArgumentException>(() => pdf.Table(["A", "B"], [], [1f]));
        Assert.Throws<ArgumentException>(() => pdf.Table(["A"], [["x", "y"]], [1f]));
    }

    [Fact]
    public void KeepTogether_MovesABlockThatWouldBeSplitToTheNextPage()
    {
        var pdf = NewPdf();
        while (pdf.RemainingHeight > 60f)
        {
            pdf.Paragraph("Filler");
        }

        pdf.KeepTogether(() =>
        {
            pdf.Paragraph("Block start", style: PdfFontStyle.Bold);
            pdf.Box(120f, "Notes");
            pdf.Paragraph("Block end");
        });

        var pages = PdfText.Pages(pdf.ToBytes());

        Assert.Equal(2, pages.Count);
        Assert.DoesNotContain("Block start", pages[0], StringComparison.Ordinal);
        Assert.Contains("Block start", pages[1], StringComparison.Ordinal);
        Assert.Contains("Block end", pages[1], StringComparison.Ordinal);
    }

    [Fact]
    public void KeepTogether_WithABlockTallerThanAPage_StillFlows()
    {
        var pdf = NewPdf();
        pdf.Paragraph("Intro");

        pdf.KeepTogether(() =>
        {
            for (var i = 1; i <= 150; i++)
            {
                pdf.Paragraph($"Long block line {i}");
            }
        });

        var text = PdfText.Extract(pdf.ToBytes());
        var lines = Regex.Matches(text, @"Long block line (\d+)").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.Equal(Enumerable.Range(1, 150), lines);
        Assert.Single(Regex.Matches(text, "Intro"));
    }

    [Fact]
    public void KeepTogether_WithAMinimumHeight_StartsANewPageOnlyWhenShort()
    {
        var pdf = NewPdf();
        pdf.Paragraph("Top");
        pdf.KeepTogether(100f);
        Assert.Equal(1, pdf.PageCount);

        while (pdf.RemainingHeight > 50f)
        {
            pdf.Paragraph("Filler");
        }

        pdf.KeepTogether(100f);
        Assert.Equal(2, pdf.PageCount);
    }

    [Fact]
    public void Output_IsRepeatableForAFixedCreationDate()
    {
        static byte[] Build()
        {
            var pdf = NewPdf("Same – every time");
            pdf.Heading("Heading");
            pdf.Paragraph("Body text");
            pdf.Table(["A", "B"], [["1", "2"]], [1f, 1f]);
            pdf.Checkboxes("Rating:", ["1", "2", "3"]);
            pdf.Box(80f, "Notes");
            return pdf.ToBytes();
        }

        var first = Build();

        Assert.Equal(first, Build());
        var (title, language) = PdfText.Metadata(first);
        Assert.Equal("Same – every time", title);
        Assert.Equal("en", language);
    }
}
