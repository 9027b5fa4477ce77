using System.Text;
using PeerInterview.Web.Import;

namespace PeerInterview.Tests.Import;

public class EncodingTests
{
    private static readonly Encoding Windows1252 = CodePages(1252);

    private static Encoding CodePages(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }

    private static ParsedDocument Parse(byte[] bytes) => new QuestionDocumentImporter().Parse(bytes, "upload.txt");

    /// <summary>Everything a user would see of the questions, as one comparable string.</summary>
    private static string Visible(ParsedDocument doc) => string.Join(
        "\n#\n",
        doc.Questions.Select(q => string.Join(
            "|",
            q.Text, q.Purpose, q.Guidance, q.SampleAnswer, q.Competency, q.Type, q.LineStart, q.LineEnd,
            string.Join(";", q.RedFlags.Select(f => f.Text)))));

    [Fact]
    public void ExampleArticle_GivesTheSameQuestionsInEveryEncodingAndLineEnding()
    {
        var text = LayoutTests.ExampleOnlyArticle.Replace("–", "-", StringComparison.Ordinal) + "\n";
        var crlf = text.Replace("\n", "\r\n", StringComparison.Ordinal);
        var expected = Parse(Encoding.UTF8.GetBytes(text));
        Assert.Equal(3, expected.Questions.Count);

        var variants = new (string Name, byte[] Bytes)[]
        {
            ("utf-8", Encoding.UTF8.GetBytes(crlf)),
            ("utf-8-bom", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]),
            ("windows-1252", Windows1252.GetBytes(crlf)),
            ("utf-16le", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(crlf)]),
            ("utf-16be", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)]),
            ("utf-8", Encoding.UTF8.GetBytes(text.Replace("\n", "\r", StringComparison.Ordinal))),
        };

        foreach (var (name, bytes) in variants)
        {
            var doc = Parse(bytes);
            Assert.Equal(name, doc.Encoding);
            Assert.Equal(Visible(expected), Visible(doc));
        }
    }

    [Fact]
    public void Windows1252CurlyQuotes_AreDecodedAndStrippedFromSampleAnswers()
    {
        var bytes = Windows1252.GetBytes("How do you handle stress?\r\n\r\nExample: \u201CI go for a walk at lunch \u2013 every day.\u201D\r\n");
        Assert.Contains((byte)0x93, bytes);
        Assert.Contains((byte)0x94, bytes);

        var doc = Parse(bytes);

        Assert.Equal("windows-1252", doc.Encoding);
        Assert.Equal("I go for a walk at lunch \u2013 every day.", Assert.Single(doc.Questions).SampleAnswer);
    }

    [Fact]
    public void ZeroWidthCharactersAndNonBreakingSpaces_AreRemovedFromQuestionText()
    {
        var doc = Parse(Encoding.UTF8.GetBytes("\u2022 \uFE0F How\u00A0do you\u200B build trust? \uFE0F\n\nSample answer\n\nBy listening.\n"));

        Assert.Equal("How do you build trust?", Assert.Single(doc.Questions).Text);
    }

    [Fact]
    public void Sha256_IsOfTheRawBytes()
    {
        var bytes = Encoding.UTF8.GetBytes("What does recovery mean to you?\n");

        var doc = Parse(bytes);

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), doc.Sha256);
    }

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void Seeds_ReadTheSameAsUtf16AndAsWindows1252(string prefix)
    {
        var utf8 = SeedDocuments.Parse(prefix);
        var text = Encoding.UTF8.GetString(SeedDocuments.Read(prefix));

        var utf16 = Parse([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal))]);
        var legacy = Parse(Windows1252.GetBytes(text)); // emoji become "?"

        Assert.Equal(Visible(utf8), Visible(utf16));
        Assert.Equal(utf8.Questions.Select(q => q.Text), legacy.Questions.Select(q => q.Text));
        Assert.Equal(utf8.GlobalRedFlags, legacy.GlobalRedFlags);
        Assert.Equal(utf8.Format, legacy.Format);
    }
}
