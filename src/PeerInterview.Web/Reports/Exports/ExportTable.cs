using System.Globalization;
using System.Text;

namespace PeerInterview.Web.Reports.Exports;

/// <summary>How a cell is shown: CSV writes every kind as text, XLSX keeps numbers and dates typed.</summary>
public enum CellFormat
{
    Text,
    WholeNumber,
    TwoDecimals,
    Percent,
    DateTime,
}

/// <summary>One typed cell: <see cref="Value"/> is a string, a double, a <see cref="DateTimeOffset"/> or null (empty).</summary>
public readonly record struct Cell(object? Value, CellFormat Format)
{
    public static Cell Text(string? text) => new(text, CellFormat.Text);

    public static Cell Count(int value) => new((double)value, CellFormat.WholeNumber);

    public static Cell Score(double? value) => new(value, CellFormat.TwoDecimals);

    public static Cell Percent(double? value) => new(value, CellFormat.Percent);

    public static Cell Date(DateTimeOffset? at) => new(at?.ToUniversalTime(), CellFormat.DateTime);

    public static Cell YesNo(bool value) => Text(value ? "yes" : "no");

    /// <summary>The cell as CSV text: invariant numbers (two decimals, coverage as a 0–1 fraction), UTC "yyyy-MM-dd HH:mm".</summary>
    public string ToText() => Value switch
    {
        null => "",
        string s => ExportText.Safe(s),
        double d when Format == CellFormat.WholeNumber => d.ToString("0", CultureInfo.InvariantCulture),
        double d => d.ToString("0.00", CultureInfo.InvariantCulture),
        DateTimeOffset at => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        var other => ExportText.Safe(Convert.ToString(other, CultureInfo.InvariantCulture)),
    };
}

/// <summary>A header row and data rows: what the CSV and XLSX writers take, so both formats carry the same cells.</summary>
public sealed record ExportTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<Cell>> Rows);

public static class ExportText
{
    private const string FormulaStart = "=+-@";

    /// <summary>
    /// Spreadsheet formula-injection guard (OWASP "CSV injection"): text a spreadsheet could take as a formula or
    /// command gets an apostrophe in front of it, which Excel and LibreOffice show as plain text. That is text starting
    /// with = + - @, a tab or a carriage return, and also a formula that would start a cell of its own where the field
    /// is split again: after a ';' (the separator of CSV in many European locales), a tab (pasted as tab-separated
    /// values) or a line break, spaces skipped — "Ana;=HYPERLINK(…)" becomes "Ana;'=HYPERLINK(…)".
    /// </summary>
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        StringBuilder? safe = null;
        if (text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            safe = new StringBuilder(text.Length + 4).Append('\'');
        }

        for (var i = 0; i < text.Length; i++)
        {
            safe?.Append(text[i]);
            if (text[i] is not (';' or '\t' or '\r' or '\n'))
            {
                continue;
            }

            var next = i + 1;
            while (next < text.Length && text[next] == ' ')
            {
                next++;
            }

            if (next < text.Length && FormulaStart.Contains(text[next], StringComparison.Ordinal))
            {
                safe ??= new StringBuilder(text.Length + 4).Append(text, 0, i + 1);
                safe.Append(text, i + 1, next - i - 1).Append('\'');
                i = next - 1;
            }
        }

        return safe?.ToString() ?? text;
    }
}
