using System.Text;
using PeerInterview.Web.Reports.Exports;

namespace PeerInterview.Tests.Reports;

/// <summary>The CSV and XLSX writers on their own: quoting, the formula guard, typed cells.</summary>
public class ExportWriterTests
{
    private static ExportTable Table(params Cell[] cells) => new([.. cells.Select((_, i) => $"c{i}")], [cells]);

    [Fact]
    public void Csv_QuotesEveryTextField_AndEndsLinesWithCrlf()
    {
        var bytes = CsvWriter.Write(Table(Cell.Text("a,b"), Cell.Text("say \"hi\""), Cell.Text("two\nlines"), Cell.Text("plain"), Cell.Text(null)));
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);

        Assert.Equal("\"c0\",\"c1\",\"c2\",\"c3\",\"c4\"\r\n\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"plain\",\r\n", text);
        Assert.Equal([["c0", "c1", "c2", "c3", "c4"], ["a,b", "say \"hi\"", "two\nlines", "plain", ""]], Csv.Parse(bytes));
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+44 20", "'+44 20")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "'\rcmd")]
    [InlineData("Ana = fine", "Ana = fine")]
    [InlineData("Ana;=cmd|' /C calc'!A0", "Ana;'=cmd|' /C calc'!A0")]
    [InlineData("notes\t-1+1", "notes\t'-1+1")]
    public void Csv_PrefixesTextThatASpreadsheetWouldRunAsAFormula(string text, string expected)
    {
        Assert.Equal(expected, Csv.Parse(CsvWriter.Write(Table(Cell.Text(text))))[1][0]);
    }

    [Fact]
    public void Csv_WritesNumbersWithTwoDecimalsAndNegativeNumbersUnprefixed_AndUnquoted()
    {
        var bytes = CsvWriter.Write(Table(Cell.Score(-0.5), Cell.Count(7), Cell.Text("7")));
        Assert.EndsWith("\r\n-0.50,7,\"7\"\r\n", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);

        var row = Csv.Parse(CsvWriter.Write(Table(Cell.Score(-0.5), Cell.Score(4.0833), Cell.Count(7), Cell.Date(new DateTimeOffset(2026, 3, 14, 15, 30, 0, TimeSpan.FromHours(2))))))[1];

        Assert.Equal(["-0.50", "4.08", "7", "2026-03-14 13:30"], row);
    }

    [Fact]
    public void Xlsx_KeepsTypesFormatsAndDropsCharactersXmlCannotHold()
    {
        var at = new DateTimeOffset(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);
        var cells = Xlsx.Read(XlsxWriter.Write(Table(Cell.Score(3.25), Cell.Percent(0.5), Cell.Date(at), Cell.Text("bell\u0007 =x"), Cell.Text("=cmd")), "Sheet: [1]"));

        Assert.Equal((3.25, "0.00"), (cells["A2"].Number, cells["A2"].NumberFormat));
        Assert.Equal((0.5, "0%"), (cells["B2"].Number, cells["B2"].NumberFormat));
        Assert.Equal(at.UtcDateTime, DateTime.FromOADate(cells["C2"].Number!.Value));
        Assert.Equal("bell =x", cells["D2"].Text);
        Assert.Equal("'=cmd", cells["E2"].Text);
        Assert.Equal("c0", cells["A1"].Text);
        DocumentScriptsTests.AssertValidWorkbook(XlsxWriter.Write(Table(Cell.Score(3.25), Cell.Percent(0.5), Cell.Date(at), Cell.Text("bell\u0007 =x"), Cell.Text("王小明 ;=x"), Cell.Text(null)), "Sheet: [1]"));
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void Xlsx_NamesColumnsLikeExcel(int index, string name) => Assert.Equal(name, XlsxWriter.ColumnName(index));
}
