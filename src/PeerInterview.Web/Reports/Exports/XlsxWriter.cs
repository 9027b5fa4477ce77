using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using CellXf = DocumentFormat.OpenXml.Spreadsheet.CellFormat;
using SheetCell = DocumentFormat.OpenXml.Spreadsheet.Cell;

namespace PeerInterview.Web.Reports.Exports;

/// <summary>
/// One-sheet workbook through the Open XML SDK: numbers as numbers and dates as dates (UTC, shown "yyyy-mm-dd hh:mm"),
/// each with its display format; a bold, shaded header row that is frozen and carries a filter; column widths from
/// the longest value (wide East Asian characters count double). Text goes through the same formula guard as the CSV.
/// </summary>
public static class XlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const int MaxCellText = 32_767;

    // cellXfs indexes in the stylesheet below.
    private const uint HeaderStyle = 1;
    private const uint WholeNumberStyle = 2;
    private const uint TwoDecimalsStyle = 3;
    private const uint PercentStyle = 4;
    private const uint DateTimeStyle = 5;
    private const uint DateTimeFormatId = 164;

    public static byte[] Write(ExportTable table, string sheetName)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var output = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = Styles();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var columns = Math.Max(1, table.Headers.Count);
            var lastCell = $"{ColumnName(columns - 1)}{table.Rows.Count + 1}";
            var name = SheetName(sheetName);

            var data = new SheetData();
            data.Append(Row(1, table.Headers.Select(Cell.Text).ToList(), header: true));
            for (var r = 0; r < table.Rows.Count; r++)
            {
                data.Append(Row((uint)r + 2, table.Rows[r], header: false));
            }

            sheetPart.Worksheet = new Worksheet(
                new SheetViews(new SheetView(
                    new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                    new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue>([new StringValue("A2")]) })
                { WorkbookViewId = 0 }),
                Widths(table),
                data,
                new AutoFilter { Reference = $"A1:{lastCell}" });

            workbookPart.Workbook = new Workbook(
                new Sheets(new Sheet { Name = name, SheetId = 1, Id = workbookPart.GetIdOfPart(sheetPart) }),
                new DefinedNames(new DefinedName($"'{name.Replace("'", "''", StringComparison.Ordinal)}'!$A$1:${ColumnName(columns - 1)}${table.Rows.Count + 1}")
                {
                    Name = "_xlnm._FilterDatabase",
                    LocalSheetId = 0,
                    Hidden = true,
                }));
        }

        return output.ToArray();
    }

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

    private static Row Row(uint number, IReadOnlyList<Cell> cells, bool header)
    {
        var row = new Row { RowIndex = number };
        for (var c = 0; c < cells.Count; c++)
        {
            var cell = cells[c];
            if (cell.Value is null)
            {
                continue;
            }

            var reference = ColumnName(c) + number.ToString(CultureInfo.InvariantCulture);
            row.Append(cell.Value switch
            {
                double d => new SheetCell { CellReference = reference, StyleIndex = StyleOf(cell.Format), CellValue = new CellValue(d) },
                DateTimeOffset at => new SheetCell { CellReference = reference, StyleIndex = DateTimeStyle, CellValue = new CellValue(at.UtcDateTime.ToOADate()) },
                _ => new SheetCell(new InlineString(new Text(XmlSafe(cell.ToText())) { Space = SpaceProcessingModeValues.Preserve }))
                {
                    CellReference = reference,
                    DataType = CellValues.InlineString,
                    StyleIndex = header ? HeaderStyle : null,
                },
            });
        }

        return row;
    }

    private static uint StyleOf(CellFormat format) => format switch
    {
        CellFormat.WholeNumber => WholeNumberStyle,
        CellFormat.TwoDecimals => TwoDecimalsStyle,
        CellFormat.Percent => PercentStyle,
        CellFormat.DateTime => DateTimeStyle,
        _ => 0,
    };

    /// <summary>0 general, 1 bold shaded header with a rule under it, 2 "0", 3 "0.00", 4 "0%", 5 "yyyy-mm-dd hh:mm".</summary>
    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = DateTimeFormatId, FormatCode = "yyyy-mm-dd hh:mm" }) { Count = 1 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }))
        { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE8EBEF" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin }, new DiagonalBorder()))
        { Count = 2 },
        new CellStyleFormats(new CellXf { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellXf { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellXf { NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 1, FormatId = 0, ApplyFont = true, ApplyFill = true, ApplyBorder = true },
            new CellXf { NumberFormatId = 1, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellXf { NumberFormatId = 2, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellXf { NumberFormatId = 9, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellXf { NumberFormatId = DateTimeFormatId, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true })
        { Count = 6 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    /// <summary>Widths in characters from the longest value of each column (headers get room for the filter button), 8 to 60.</summary>
    private static Columns Widths(ExportTable table)
    {
        var columns = new Columns();
        for (var c = 0; c < table.Headers.Count; c++)
        {
            var index = c;
            var longest = Math.Max(Width(table.Headers[c]) + 3, table.Rows.Select(r => index < r.Count ? Width(r[index]) : 0).DefaultIfEmpty(0).Max());
            columns.Append(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = Math.Clamp(longest + 2, 8, 60), CustomWidth = true });
        }

        return columns;
    }

    private static int Width(Cell cell) => cell.Value switch
    {
        null => 0,
        DateTimeOffset => 16,
        double => 6,
        _ => Width(cell.ToText()),
    };

    /// <summary>Characters as Excel lays them out: Chinese, Japanese and Korean ones (and other wide forms) take two.</summary>
    private static int Width(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += rune.Value is (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0xA4CF) or (>= 0xAC00 and <= 0xD7A3) or (>= 0xF900 and <= 0xFAFF) or (>= 0xFF00 and <= 0xFF60) or (>= 0x20000 and <= 0x3FFFD) ? 2 : 1;
        }

        return width;
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
                if (sb.Length + 2 > MaxCellText)
                {
                    break;
                }

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
}
