using CsvHelper;

namespace PeerInterview.Web.Reports.Exports;

/// <summary>
/// RFC 4180 CSV through CsvHelper: CRLF line ends, UTF-8 with a BOM so Excel reads every script, every text field
/// quoted (numbers and dates are not text and stay bare), and text passed through the formula guard
/// (<see cref="ExportText.Safe"/>) first. The position, candidate and audit exports all write through here.
/// </summary>
public static class CsvWriter
{
    public const string ContentType = "text/csv; charset=utf-8";

    // The guard is ExportText.Safe (it also covers a formula after ';' or a tab); CsvHelper's own would only look at the start.
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        NewLine = "\r\n",
        WriteByteOrderMark = true,
        Injection = CsvInjection.None,
    };

    public static byte[] Write(ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var output = new MemoryStream();
        using (var csv = CsvHelper.CsvWriter.Create(output, Options, true))
        {
            foreach (var header in table.Headers)
            {
                csv.WriteField(ExportText.Safe(header), CsvQuoting.Always);
            }

            csv.EndRecord();
            foreach (var row in table.Rows)
            {
                foreach (var cell in row)
                {
                    csv.WriteField(cell.ToText(), cell.Value is string ? CsvQuoting.Always : CsvQuoting.WhenNeeded);
                }

                csv.EndRecord();
            }
        }

        return output.ToArray();
    }
}
