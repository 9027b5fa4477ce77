using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace PeerInterview.Web.Reports.Exports;

/// <summary>
/// A minimal Office Open XML workbook (one sheet) written with System.IO.Compression: numbers and dates typed with
/// a display format, a bold frozen header row with a filter. No dependency: ClosedXML 0.95.4, the version on our
/// package mirror, needs four transitive pins including System.Drawing.Common 4.7.x (README, "Packages").
/// </summary>
public static class XlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const int MaxCellText = 32_767;

    // cellXfs indexes in styles.xml
    private const int HeaderStyle = 1;

    private static readonly DateTime Epoch = new(1899, 12, 30, 0, 0, 0, DateTimeKind.Utc);

    public static byte[] Write(ExportTable table, string sheetName)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
                """);
            Entry(zip, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """);
            Entry(zip, "xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
                """);
            // cellXfs: 0 general, 1 bold header, 2 integer, 3 two decimals, 4 percent, 5 date and time (UTC).
            Entry(zip, "xl/styles.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
                """);

            var lastColumn = ColumnName(Math.Max(1, table.Headers.Count) - 1);
            var name = SheetName(sheetName);
            WriteXml(zip, "xl/workbook.xml", w =>
            {
                w.WriteStartElement("workbook", Main);
                w.WriteAttributeString("xmlns", "r", null, RelNs);
                w.WriteStartElement("sheets", Main);
                w.WriteStartElement("sheet", Main);
                w.WriteAttributeString("name", name);
                w.WriteAttributeString("sheetId", "1");
                w.WriteAttributeString("id", RelNs, "rId1");
                w.WriteEndElement();
                w.WriteEndElement();
                w.WriteStartElement("definedNames", Main);
                w.WriteStartElement("definedName", Main);
                w.WriteAttributeString("name", "_xlnm._FilterDatabase");
                w.WriteAttributeString("localSheetId", "0");
                w.WriteAttributeString("hidden", "1");
                w.WriteString($"'{name.Replace("'", "''", StringComparison.Ordinal)}'!$A$1:${lastColumn}${table.Rows.Count + 1}");
                w.WriteEndElement();
                w.WriteEndElement();
                w.WriteEndElement();
            });
            WriteXml(zip, "xl/worksheets/sheet1.xml", w => Sheet(w, table, lastColumn));
        }

        return output.ToArray();
    }

    private static void Sheet(XmlWriter w, ExportTable table, string lastColumn)
    {
        w.WriteStartElement("worksheet", Main);
        w.WriteStartElement("sheetViews", Main);
        w.WriteStartElement("sheetView", Main);
        w.WriteAttributeString("workbookViewId", "0");
        w.WriteStartElement("pane", Main);
        w.WriteAttributeString("ySplit", "1");
        w.WriteAttributeString("topLeftCell", "A2");
        w.WriteAttributeString("activePane", "bottomLeft");
        w.WriteAttributeString("state", "frozen");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();

        // Widths from the text length (no font measuring, so nothing needs fonts installed on the server).
        w.WriteStartElement("cols", Main);
        for (var c = 0; c < table.Headers.Count; c++)
        {
            var longest = Math.Max(table.Headers[c].Length, table.Rows.Select(r => c < r.Count ? Width(r[c]) : 0).DefaultIfEmpty(0).Max());
            w.WriteStartElement("col", Main);
            w.WriteAttributeString("min", Num(c + 1));
            w.WriteAttributeString("max", Num(c + 1));
            w.WriteAttributeString("width", Num(Math.Clamp(longest + 2, 8, 60)));
            w.WriteAttributeString("customWidth", "1");
            w.WriteEndElement();
        }

        w.WriteEndElement();

        w.WriteStartElement("sheetData", Main);
        Row(w, 1, table.Headers.Select(Cell.Text).ToList(), header: true);
        for (var r = 0; r < table.Rows.Count; r++)
        {
            Row(w, r + 2, table.Rows[r], header: false);
        }

        w.WriteEndElement();
        w.WriteStartElement("autoFilter", Main);
        w.WriteAttributeString("ref", $"A1:{lastColumn}{table.Rows.Count + 1}");
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Row(XmlWriter w, int number, IReadOnlyList<Cell> cells, bool header)
    {
        w.WriteStartElement("row", Main);
        w.WriteAttributeString("r", Num(number));
        for (var c = 0; c < cells.Count; c++)
        {
            var cell = cells[c];
            if (cell.Value is null)
            {
                continue;
            }

            w.WriteStartElement("c", Main);
            w.WriteAttributeString("r", ColumnName(c) + Num(number));
            switch (cell.Value)
            {
                case double d:
                    w.WriteAttributeString("s", Num(StyleOf(cell.Format)));
                    w.WriteElementString("v", Main, d.ToString("R", CultureInfo.InvariantCulture));
                    break;
                case DateTimeOffset at:
                    w.WriteAttributeString("s", Num(StyleOf(CellFormat.DateTime)));
                    w.WriteElementString("v", Main, (at.UtcDateTime - Epoch).TotalDays.ToString("R", CultureInfo.InvariantCulture));
                    break;
                default:
                    var text = XmlSafe(cell.ToText());
                    w.WriteAttributeString("t", "inlineStr");
                    if (header)
                    {
                        w.WriteAttributeString("s", Num(HeaderStyle));
                    }

                    w.WriteStartElement("is", Main);
                    w.WriteStartElement("t", Main);
                    if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
                    {
                        w.WriteAttributeString("xml", "space", null, "preserve");
                    }

                    w.WriteString(text);
                    w.WriteEndElement();
                    w.WriteEndElement();
                    break;
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static int StyleOf(CellFormat format) => format switch
    {
        CellFormat.WholeNumber => 2,
        CellFormat.TwoDecimals => 3,
        CellFormat.Percent => 4,
        CellFormat.DateTime => 5,
        _ => 0,
    };

    private static int Width(Cell cell) => cell.Value switch
    {
        null => 0,
        DateTimeOffset => 16,
        double => 6,
        _ => cell.ToText().Length,
    };

    /// <summary>A, B, … Z, AA, AB …</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>Drops characters XML 1.0 cannot hold (control characters from pasted text) and caps Excel's cell length.</summary>
    private static string XmlSafe(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length && sb.Length < MaxCellText; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>Excel sheet names: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(string name)
    {
        var clean = new string([.. XmlSafe(name).Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']'))]).Trim('\'', ' ');
        return clean.Length == 0 ? "Sheet1" : clean[..Math.Min(31, clean.Length)];
    }

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Entry(ZipArchive zip, string path, string xml)
    {
        using var stream = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
        var bytes = new UTF8Encoding(false).GetBytes(xml.Trim());
        stream.Write(bytes);
    }

    private static void WriteXml(ZipArchive zip, string path, Action<XmlWriter> body)
    {
        using var stream = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
        using var w = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        w.WriteStartDocument(standalone: true);
        body(w);
        w.WriteEndDocument();
    }
}
