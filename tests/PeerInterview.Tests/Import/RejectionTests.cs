using System.Text;
using PeerInterview.Web.Import;

namespace PeerInterview.Tests.Import;

public class RejectionTests
{
    private static ImportRejectedException Reject(byte[] bytes) =>
        Assert.Throws<ImportRejectedException>(() => new QuestionDocumentImporter().Parse(bytes, "upload.txt"));

    [Fact]
    public void EmptyFile_IsRejectedAsEmpty()
    {
        var ex = Reject([]);

        Assert.Equal(ImportRejection.Empty, ex.Reason);
        Assert.Equal("The file is empty.", ex.Message);
    }

    [Theory]
    [InlineData(" \n\t\r\n   ")]
    [InlineData("Shopping list\n\nEggs, milk and bread.\nCall the plumber.")]
    [InlineData("\uFEFF")]
    public void TextWithoutQuestions_IsRejectedAsNoQuestions(string text)
    {
        var ex = Reject(Encoding.UTF8.GetBytes(text));

        Assert.Equal(ImportRejection.NoQuestions, ex.Reason);
        Assert.StartsWith("No recognisable interview questions were found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyPageFurniture_IsRejectedAsNoQuestions()
    {
        var ex = Reject(Encoding.UTF8.GetBytes("INTERACTIVE PRACTICE\nREADING ISN'T ENOUGH\n\nGood Candidates Answer Questions. Great Ones Win Offers.\n\nPrevious\n\nNext\n"));

        Assert.Equal(ImportRejection.NoQuestions, ex.Reason);
    }

    [Fact]
    public void PngImage_IsRejectedAsBinary()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00];

        var ex = Reject(png);

        Assert.Equal(ImportRejection.Binary, ex.Reason);
        Assert.Contains("binary", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void RandomBytes_AreRejectedAsBinary()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        bytes[100] = 0;

        Assert.Equal(ImportRejection.Binary, Reject(bytes).Reason);
    }

    [Fact]
    public void ControlCharactersWithoutNul_AreRejectedAsBinary()
    {
        var bytes = Enumerable.Range(0, 2000).Select(i => (byte)(i % 3 == 0 ? 0x01 : 'a')).ToArray();

        Assert.Equal(ImportRejection.Binary, Reject(bytes).Reason);
    }

    [Fact]
    public void FileOverTwoMebibytes_IsRejectedWithTheLimit()
    {
        var bytes = new byte[QuestionDocumentImporter.MaxBytes + 1];
        Array.Fill(bytes, (byte)'a');

        var ex = Reject(bytes);

        Assert.Equal(ImportRejection.TooLarge, ex.Reason);
        Assert.Contains("2 MB", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BytesUndefinedInWindows1252_AreRejectedAsUndecodable()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes("How do you build trust? "), 0x81, 0x8D, 0x8F, 0x90, 0x9D, (byte)'\n'];

        var ex = Reject(bytes);

        Assert.Equal(ImportRejection.Undecodable, ex.Reason);
        Assert.Contains("UTF-8", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidUtf16_IsRejectedAsUndecodable()
    {
        // BOM, then a lone high surrogate followed by "A".
        byte[] loneSurrogate = [0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00];
        byte[] oddLength = [0xFF, 0xFE, 0x41, 0x00, 0x42];

        Assert.Equal(ImportRejection.Undecodable, Reject(loneSurrogate).Reason);
        Assert.Equal(ImportRejection.Undecodable, Reject(oddLength).Reason);
    }

    [Fact]
    public void InvalidUtf8AfterABom_IsRejectedAsUndecodable()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.ASCII.GetBytes("Why peer work? "), 0xC3, 0x28];

        Assert.Equal(ImportRejection.Undecodable, Reject(bytes).Reason);
    }
}
