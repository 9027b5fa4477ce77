using System.Text;

namespace PeerInterview.Web.Reports.Exports;

/// <summary>RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote or line break, UTF-8 with a BOM so Excel reads accents.</summary>
public static class CsvWriter
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] Write(ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var sb = new StringBuilder();
        Line(sb, table.Headers.Select(ExportText.Safe));
        foreach (var row in table.Rows)
        {
            Line(sb, row.Select(c => c.ToText()));
        }

        var preamble = Encoding.UTF8.GetPreamble();
        var body = Encoding.UTF8.GetBytes(sb.ToString());
        return [.. preamble, .. body];
    }

    private static void Line(StringBuilder sb, IEnumerable<string> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                sb.Append(',');
            }

            first = false;
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (field.Length > 0 && (field[0] == ' ' || field[^1] == ' ')))
            {
                sb.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                sb.Append(field);
            }
        }

        sb.Append("\r\n");
    }
}
