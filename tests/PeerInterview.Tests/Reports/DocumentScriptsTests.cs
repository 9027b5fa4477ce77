using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Extensions.Logging;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Web.Documents;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Kits;

namespace PeerInterview.Tests.Reports;

/// <summary>
/// Issue 15: every document the app makes is correct for every person. Candidates named in Vietnamese, Polish, Greek,
/// Russian, Arabic, Hebrew and Chinese, with evidence written in the same language, scored through the real API; then
/// the candidate PDF, the position PDF, XLSX and CSV, the candidate CSV and the interview guide are read back with
/// independent readers (PdfPig, the Open XML SDK, a hand-written CSV parser).
/// </summary>
public class DocumentScriptsTests
{
    public sealed record Person(string Script, string Name, string Evidence, bool RightToLeft = false, string? FontFamily = null);

    public static readonly Person[] People =
    [
        new("Vietnamese", "Nguyễn Thị Minh Khai", "Trả lời rõ ràng, có ví dụ cụ thể về hỗ trợ đồng đẳng."),
        new("Polish", "Łukasz Żółkiewski", "Podał konkretny przykład współpracy z zespołem."),
        new("Greek", "Αλέξανδρος Παπαδόπουλος", "Έδωσε συγκεκριμένο παράδειγμα από την εργασία του."),
        new("Cyrillic", "Анна Кузнецова", "Привела конкретный пример из своей практики."),
        new("Arabic", "محمد عبد الله", "قدم مثالا واضحا من عمله", RightToLeft: true, FontFamily: "Arabic"),
        new("Hebrew", "דוד כהן", "נתן דוגמה ברורה מהעבודה", RightToLeft: true, FontFamily: "Hebrew"),
        new("Chinese", "王小明", "举了一个具体的工作例子。"),
    ];

    private static readonly string[] Kit = ["D1", "D5", "D7"];

    [Fact]
    public async Task EveryExport_CarriesEveryNameAndEvidence_InEveryScript()
    {
        using var app = new TestApp();
        var setup = await ReportSetup.StartAsync(app);
        var kit = await setup.KitAsync(Kit);
        var position = await setup.PositionAsync(kit, "Peer Support Specialist – Łódź / Αθήνα");
        var ids = new Dictionary<string, int>();
        foreach (var person in People)
        {
            ids[person.Script] = await setup.CandidateAsync(position, kit, person.Name, [4, 3, 5], [4, 4, 4], evidenceA: person.Evidence, evidenceB: person.Evidence);
        }

        var hr = await app.ApiClientAsAsync(Roles.HR);

        foreach (var person in People)
        {
            var pdf = await hr.GetByteArrayAsync($"/api/v1/candidates/{ids[person.Script]}/report?format=pdf");
            Save($"candidate-{person.Script}.pdf", pdf);
            AssertShown(pdf, person.Name, person);
            AssertShown(pdf, person.Evidence, person);
            var (title, language) = PdfText.Metadata(pdf);
            Assert.Equal($"Candidate report – {person.Name}", title);
            Assert.Equal("en", language);

            var csv = Csv.Parse(await hr.GetByteArrayAsync($"/api/v1/candidates/{ids[person.Script]}/report?format=csv"));
            Assert.Contains(csv.Skip(1), row => row.Contains($"{person.Evidence} item 1"));
        }

        var positionPdf = await hr.GetByteArrayAsync($"/api/v1/positions/{position}/export?format=pdf");
        Save("position.pdf", positionPdf);
        Assert.Equal("Candidates for Peer Support Specialist – Łódź / Αθήνα", PdfText.Metadata(positionPdf).Title);
        foreach (var person in People)
        {
            AssertShown(positionPdf, person.Name, person);
        }

        var positionCsv = Csv.Parse(await hr.GetByteArrayAsync($"/api/v1/positions/{position}/export?format=csv"));
        Assert.Equal(People.Select(p => p.Name).Order(StringComparer.Ordinal), positionCsv.Skip(1).Select(r => r[1]).Order(StringComparer.Ordinal));

        var xlsx = await hr.GetByteArrayAsync($"/api/v1/positions/{position}/export?format=xlsx");
        Save("position.xlsx", xlsx);
        AssertValidWorkbook(xlsx);
        var cells = Xlsx.Read(xlsx);
        var name = Xlsx.Columns(cells)["name"];
        Assert.Equal(People.Select(p => p.Name).Order(StringComparer.Ordinal), cells.Where(c => c.Key.StartsWith(name, StringComparison.Ordinal) && c.Key != name + "1").Select(c => c.Value.Text).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void InterviewGuide_ShowsQuestionsAndFlagsInEveryScript()
    {
        var items = People.Select((p, i) => new InterviewGuide.Item(i + 1, 100 + i, $"{p.Name}: {p.Evidence}", "COM", "Communication", 5, null, null,
            Web.Questions.AnchorLayers.Resolve(Web.Questions.AnchorTexts.None, new Web.Questions.AnchorTexts(p.Evidence, null, null), Web.Questions.AnchorTexts.None),
            [p.Evidence], false,
            [new InterviewGuide.Flag($"f{i}", p.Evidence, RedFlagSeverity.Concern)])).ToList();
        var guide = new InterviewGuide(1, "Kit – Ελληνικά / Русский", "Peer Support Specialist", 2, KitStatus.Published, new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero),
            items.Sum(i => i.Minutes), [new InterviewGuide.Section("Section – 第一部分", items)], [People[3].Evidence]);

        var pdf = InterviewGuidePdf.Render(guide, new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero));
        Save("guide.pdf", pdf);

        Assert.Equal("Interview guide – Kit – Ελληνικά / Русский (version 2)", PdfText.Metadata(pdf).Title);
        foreach (var person in People)
        {
            AssertShown(pdf, person.Name, person);
            AssertShown(pdf, person.Evidence, person);
        }
    }

    [Fact]
    public void ScriptWithoutAnyFont_ShowsAVisibleReplacement_AndLogsOneWarningNamingTheScriptNotTheText()
    {
        var logger = new ListLogger();
        var pdf = new PdfDocumentBuilder("Fallback", fonts: new DocumentFonts(useSystemFallback: false), logger: logger);
        pdf.Paragraph("Ana 王小明 and 李雷");
        pdf.Paragraph("नमस्ते Ana");

        var bytes = pdf.ToBytes();
        var text = PdfText.Flow(bytes);

        Assert.Contains("Ana \uFFFD\uFFFD\uFFFD and \uFFFD\uFFFD", text, StringComparison.Ordinal);
        Assert.DoesNotContain("?", text, StringComparison.Ordinal);
        var warning = Assert.Single(logger.Messages);
        Assert.Contains("Devanagari", warning, StringComparison.Ordinal);
        Assert.Contains("Han", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("王", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("Ana", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void RightToLeftText_IsShapedWithItsOwnFont_AndDigitsStayInOrder()
    {
        var pdf = new PdfDocumentBuilder("Bidi");
        pdf.Paragraph("محمد عبد الله 2026");
        pdf.Paragraph("Ana דוד כהן 42 end");

        var letters = PdfText.Letters(pdf.ToBytes());

        // Arabic shaping: joined forms come from Noto Sans Arabic, never a question mark or an empty glyph.
        Assert.All(letters.Where(l => PdfText.Plain(l.Value).Any(c => c is >= '\u0600' and <= '\u06FF')), l => Assert.Contains("Arabic", l.FontName, StringComparison.Ordinal));
        Assert.DoesNotContain(letters, l => l.Value is "?" or "\uFFFD");
        var flow = PdfText.Flow(pdf.ToBytes());
        Assert.Contains("2026", flow, StringComparison.Ordinal);
        Assert.Contains("42", flow, StringComparison.Ordinal);
        // A left-to-right paragraph keeps its order around the Hebrew run; the Hebrew letters are drawn right to left.
        var hebrew = letters.Where(l => l.Value.Any(c => c is >= '\u05D0' and <= '\u05EA')).ToList();
        Assert.Equal(6, hebrew.Count);
        Assert.All(hebrew, l => Assert.Contains("Hebrew", l.FontName, StringComparison.Ordinal));
        var dalet = hebrew.Where(l => l.Value == "ד").Select(l => l.StartBaseLine.X).ToList();
        var vav = hebrew.Single(l => l.Value == "ו").StartBaseLine.X;
        Assert.True(dalet.Max() > vav && dalet.Min() < vav, "דוד reads right to left: its first dalet is right of the vav");
        var ana = letters.First(l => l.Value == "A").StartBaseLine.X;
        Assert.True(hebrew.All(l => l.StartBaseLine.X > ana));
    }

    [Theory]
    [InlineData("Ana;=HYPERLINK(\"http://x\")", "Ana;'=HYPERLINK(\"http://x\")")]
    [InlineData("a\t+1", "a\t'+1")]
    [InlineData("ok; -2 points", "ok; '-2 points")]
    [InlineData("line\n@SUM(A1)", "line\n'@SUM(A1)")]
    [InlineData("=1;=2", "'=1;'=2")]
    [InlineData("plain; text\tand more", "plain; text\tand more")]
    public void FormulaGuard_NeutralisesAFormulaAfterASemicolonTabOrLineBreak(string text, string expected) =>
        Assert.Equal(expected, PeerInterview.Web.Reports.Exports.ExportText.Safe(text));

    /// <summary>
    /// The text is in the PDF: for left-to-right scripts, as one string in reading order (so no letter became '?').
    /// For Arabic and Hebrew (PdfPig reads glyphs in drawing order, which is visual), every letter is there, drawn from
    /// the right font; and no character anywhere became U+FFFD.
    /// </summary>
    private static void AssertShown(byte[] pdf, string text, Person person)
    {
        var letters = PdfText.Letters(pdf);
        Assert.DoesNotContain(letters, l => l.Value == "\uFFFD");
        if (!person.RightToLeft)
        {
            Assert.Contains(Flat(text), Flat(PdfText.Flow(pdf)), StringComparison.Ordinal);
        }
        else
        {
            var shown = string.Concat(letters.Select(l => PdfText.Plain(l.Value)));
            foreach (var c in text.Where(char.IsLetter).Distinct())
            {
                Assert.Contains(c.ToString(), shown, StringComparison.Ordinal);
            }
        }

        if (person.FontFamily is { } family)
        {
            var own = letters.Where(l => PdfText.Plain(l.Value).Any(c => char.IsLetter(c) && text.Contains(c, StringComparison.Ordinal) && c > '\u0590')).ToList();
            Assert.NotEmpty(own);
            Assert.All(own, l => Assert.Contains(family, l.FontName, StringComparison.OrdinalIgnoreCase));
        }
    }

    private static string Flat(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The workbook passes the SDK's schema validation and opens with the SDK: one sheet, frozen header, a filter.</summary>
    internal static void AssertValidWorkbook(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var sheet = Assert.Single(document.WorkbookPart!.WorksheetParts).Worksheet;
        Assert.Equal(PaneStateValues.Frozen, sheet.Descendants<Pane>().Single().State!.Value);
        Assert.NotNull(sheet.Descendants<AutoFilter>().SingleOrDefault());
        Assert.All(sheet.Descendants<Column>(), c => Assert.InRange(c.Width!.Value, 8, 60));
    }

    /// <summary>With PEERINTERVIEW_DOCS_OUT set, keeps the documents for a look (pdftoppm).</summary>
    private static void Save(string name, byte[] bytes)
    {
        if (Environment.GetEnvironmentVariable("PEERINTERVIEW_DOCS_OUT") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
        }
    }

    private sealed class ListLogger : ILogger
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(string.Create(CultureInfo.InvariantCulture, $"{logLevel}: {formatter(state, exception)}"));
    }
}
