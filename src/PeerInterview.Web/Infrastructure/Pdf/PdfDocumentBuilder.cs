using System.Globalization;
using System.Text;

namespace PeerInterview.Web.Infrastructure.Pdf;

/// <summary>
/// Writes a text PDF top to bottom on A4 pages with automatic page breaks, using the base-14 Helvetica fonts
/// (nothing embedded, no font files needed). Content streams are left uncompressed so the text can be found
/// by scanning for <c>(…) Tj</c>, and output is byte-for-byte repeatable for a fixed <c>createdAt</c>.
/// </summary>
public sealed class PdfDocumentBuilder
{
    public const float PageWidth = 595.28f;
    public const float PageHeight = 841.89f;
    public const float Margin = 50f;

    private const float Top = PageHeight - Margin;
    private const float Bottom = Margin;
    private const float ContentWidth = PageWidth - (2 * Margin);
    private const float BodyHeight = Top - Bottom;
    private const float LineSpacing = 1.3f;
    private const float CellPadding = 4f;
    private const float FooterSize = 8f;
    private const float FooterBaseline = 30f;
    private const float FooterRuleY = 42f;

    private readonly string title;
    private readonly string author;
    private readonly DateTimeOffset createdAt;
    private readonly List<StringBuilder> pages = [];
    private StringBuilder page;
    private float y;

    public PdfDocumentBuilder(string title, string author = "PeerInterview", DateTimeOffset? createdAt = null)
    {
        this.title = WinAnsiEncoding.Sanitize(title).Replace('\n', ' ');
        this.author = WinAnsiEncoding.Sanitize(author).Replace('\n', ' ');
        this.createdAt = createdAt ?? DateTimeOffset.UtcNow;
        page = new StringBuilder();
        pages.Add(page);
        y = Top;
    }

    public int PageCount => pages.Count;

    /// <summary>Space left on the current page, in points.</summary>
    public float RemainingHeight => y - Bottom;

    private bool AtTopOfPage => y >= Top - 0.01f;

    public void Heading(string text, int level = 1)
    {
        var (size, before, after) = level switch
        {
            1 => (18f, 14f, 8f),
            2 => (14f, 14f, 6f),
            _ => (11.5f, 10f, 4f),
        };
        Space(before);

        // Keep a heading with at least a few lines of what follows it.
        var lines = Wrap(WinAnsiEncoding.Sanitize(text), PdfFontStyle.Bold, size, ContentWidth, ContentWidth);
        KeepTogether((lines.Count * size * LineSpacing) + 40f);
        WriteLines(lines, PdfFontStyle.Bold, size, 0f, Margin, Margin);
        Space(after);
    }

    /// <param name="gray">Text colour from 0 (black) to 1 (white).</param>
    public void Paragraph(string text, float size = 10f, PdfFontStyle style = PdfFontStyle.Regular, float gray = 0f, float indent = 0f)
    {
        var width = ContentWidth - indent;
        var lines = Wrap(WinAnsiEncoding.Sanitize(text), style, size, width, width);
        WriteLines(lines, style, size, gray, Margin + indent, Margin + indent);
        Space(size * 0.5f);
    }

    /// <summary>A bold label and its value on one line; the value wraps under itself (or under the label when the label is long).</summary>
    public void KeyValue(string label, string? value, float size = 10f)
    {
        var key = WinAnsiEncoding.Sanitize(label).Replace('\n', ' ').TrimEnd();
        key = key.EndsWith(':') ? key + " " : key + ": ";
        var keyWidth = StandardFontMetrics.Measure(key, PdfFontStyle.Bold, size);
        var text = WinAnsiEncoding.Sanitize(value);
        if (string.IsNullOrWhiteSpace(text))
        {
            text = "—";
        }

        var hanging = keyWidth <= ContentWidth * 0.4f ? keyWidth : 0f;
        var lines = Wrap(text, PdfFontStyle.Regular, size, ContentWidth - keyWidth, ContentWidth - hanging);
        var lineHeight = size * LineSpacing;
        EnsureSpace(lineHeight);
        DrawText(key, PdfFontStyle.Bold, size, 0f, Margin, Baseline(size, lineHeight));
        WriteLines(lines, PdfFontStyle.Regular, size, 0f, Margin + keyWidth, Margin + hanging);
        Space(size * 0.3f);
    }

    public void Bullets(IEnumerable<string> items, float size = 10f)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            ListItem("•", item, size: size);
        }

        Space(size * 0.3f);
    }

    /// <summary>One list entry with a hanging marker ("•", "1.", …); <paramref name="level"/> indents nested lists.</summary>
    public void ListItem(string marker, string text, int level = 0, float size = 10f, PdfFontStyle style = PdfFontStyle.Regular)
    {
        var markerText = WinAnsiEncoding.Sanitize(marker).Replace('\n', ' ');
        var markerX = Margin + 6f + (Math.Max(level, 0) * 16f);
        var textX = markerX + Math.Max(12f, StandardFontMetrics.Measure(markerText, style, size) + 5f);
        var width = Margin + ContentWidth - textX;
        var lines = Wrap(WinAnsiEncoding.Sanitize(text), style, size, width, width);
        var lineHeight = size * LineSpacing;
        EnsureSpace(lineHeight);
        DrawText(markerText, style, size, 0f, markerX, Baseline(size, lineHeight));
        WriteLines(lines, style, size, 0f, textX, textX);
        Space(size * 0.15f);
    }

    /// <summary>
    /// A grid with a bold, shaded header row that is repeated after every page break. Cells wrap; a row taller
    /// than a page is split across pages.
    /// </summary>
    /// <param name="columnWidths">Relative widths, one per header (normalised to the content width).</param>
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<float> columnWidths, float size = 9f)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columnWidths);
        if (headers.Count == 0 || columnWidths.Count != headers.Count || columnWidths.Any(w => !(w > 0f)))
        {
            throw new ArgumentException("Give one positive width for each header.", nameof(columnWidths));
        }

        var total = columnWidths.Sum();
        var widths = columnWidths.Select(w => w / total * ContentWidth).ToArray();
        var lineHeight = size * LineSpacing;
        var header = WrapRow(headers, widths, PdfFontStyle.Bold, size);
        var headerHeight = (header.Max(c => c.Count) * lineHeight) + (2 * CellPadding);

        var first = true;
        foreach (var row in rows)
        {
            if (row.Count > headers.Count)
            {
                throw new ArgumentException($"A row has {row.Count} cells but the table has {headers.Count} columns.", nameof(rows));
            }

            var cells = WrapRow(row, widths, PdfFontStyle.Regular, size);
            var rowLines = Math.Max(1, cells.Max(c => c.Count));
            if (first)
            {
                // Never leave the header alone at the foot of a page.
                KeepTogether(headerHeight + (Math.Min(rowLines, 3) * lineHeight) + (2 * CellPadding));
                DrawRow(header, widths, 0, header.Max(c => c.Count), PdfFontStyle.Bold, size, shaded: true);
                first = false;
            }

            var start = 0;
            var freshPage = false;
            while (start < rowLines)
            {
                var fits = (int)Math.Floor((y - Bottom - (2 * CellPadding)) / lineHeight);
                var remaining = rowLines - start;
                if (fits >= remaining)
                {
                    DrawRow(cells, widths, start, rowLines, PdfFontStyle.Regular, size, shaded: false);
                    break;
                }

                var fitsOnFreshPage = (remaining * lineHeight) + (2 * CellPadding) <= BodyHeight - headerHeight;
                if (!freshPage && (fitsOnFreshPage || fits < 1))
                {
                    NewTablePage(header, widths, size);
                    freshPage = true;
                    continue;
                }

                var take = Math.Max(1, fits);
                DrawRow(cells, widths, start, start + take, PdfFontStyle.Regular, size, shaded: false);
                start += take;
                NewTablePage(header, widths, size);
                freshPage = true;
            }
        }

        if (first)
        {
            KeepTogether(headerHeight);
            DrawRow(header, widths, 0, header.Max(c => c.Count), PdfFontStyle.Bold, size, shaded: true);
        }

        Space(8f);
    }

    /// <summary>A thin horizontal line across the page.</summary>
    public void Rule()
    {
        Space(4f);
        EnsureSpace(6f);
        Line(Margin, y - 1f, Margin + ContentWidth, y - 1f, 0.75f, 0.7f);
        y -= 2f;
        Space(8f);
    }

    /// <summary>Vertical space; at the foot of a page it just uses up the page rather than starting a new one.</summary>
    public void Space(float points)
    {
        if (AtTopOfPage || points <= 0f)
        {
            return;
        }

        y = Math.Max(Bottom, y - points);
    }

    /// <summary>An empty ruled box to write in, with a small caption in its top-left corner.</summary>
    public void Box(float height, string? label = null)
    {
        height = Math.Clamp(height, 24f, BodyHeight);
        EnsureSpace(height);
        var top = y;
        var bottom = y - height;
        var caption = WinAnsiEncoding.Sanitize(label).Replace('\n', ' ');
        var firstRule = top - 20f;
        if (caption.Length > 0)
        {
            DrawText(Truncate(caption, PdfFontStyle.Italic, 8f, ContentWidth - 8f), PdfFontStyle.Italic, 8f, 0.4f, Margin + 4f, top - 10f);
            firstRule = top - 24f;
        }

        for (var ruleY = firstRule; ruleY > bottom + 8f; ruleY -= 18f)
        {
            Line(Margin + 6f, ruleY, Margin + ContentWidth - 6f, ruleY, 0.4f, 0.82f);
        }

        page.Append(CultureInfo.InvariantCulture, $"q 0.75 w 0.45 G {N(Margin)} {N(bottom)} {N(ContentWidth)} {N(height)} re S Q\n");
        y = bottom;
        Space(8f);
    }

    /// <summary>A line of labelled tick boxes, e.g. "Rating: 1 □ 2 □ 3 □"; wraps if the options do not fit.</summary>
    public void Checkboxes(string? caption, IEnumerable<string> options, float size = 10f)
    {
        ArgumentNullException.ThrowIfNull(options);
        var lineHeight = size * LineSpacing;
        var square = size * 0.8f;
        EnsureSpace(lineHeight);
        var baseline = Baseline(size, lineHeight);
        var x = Margin;
        var lead = WinAnsiEncoding.Sanitize(caption).Replace('\n', ' ').Trim();
        if (lead.Length > 0)
        {
            DrawText(lead, PdfFontStyle.Bold, size, 0f, x, baseline);
            x += StandardFontMetrics.Measure(lead, PdfFontStyle.Bold, size) + (size * 0.8f);
        }

        foreach (var option in options)
        {
            var text = WinAnsiEncoding.Sanitize(option).Replace('\n', ' ').Trim();
            var width = StandardFontMetrics.Measure(text, PdfFontStyle.Regular, size) + 3f + square;
            if (x + width > Margin + ContentWidth && x > Margin)
            {
                y -= lineHeight;
                EnsureSpace(lineHeight);
                baseline = Baseline(size, lineHeight);
                x = Margin;
            }

            DrawText(text, PdfFontStyle.Regular, size, 0f, x, baseline);
            x += StandardFontMetrics.Measure(text, PdfFontStyle.Regular, size) + 3f;
            page.Append(CultureInfo.InvariantCulture, $"q 0.75 w 0 G {N(x)} {N(baseline - (size * 0.05f))} {N(square)} {N(square)} re S Q\n");
            x += square + (size * 1.4f);
        }

        y -= lineHeight;
        Space(size * 0.4f);
    }

    /// <summary>Starts a new page unless at least <paramref name="minHeight"/> points remain on this one.</summary>
    public void KeepTogether(float minHeight)
    {
        if (y - minHeight < Bottom && !AtTopOfPage)
        {
            NewPage();
        }
    }

    /// <summary>
    /// Lays out <paramref name="content"/>; if it ran onto another page, undoes it and lays it out again from the
    /// top of a new page. Content taller than a page still flows across pages. The callback must only draw.
    /// </summary>
    public void KeepTogether(Action content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var startedAtTop = AtTopOfPage;
        var pageCount = pages.Count;
        var length = page.Length;
        var startY = y;
        content();
        if (pages.Count == pageCount || startedAtTop)
        {
            return;
        }

        pages.RemoveRange(pageCount, pages.Count - pageCount);
        page = pages[^1];
        page.Length = length;
        y = startY;
        NewPage();
        content();
    }

    public void NewPage()
    {
        page = new StringBuilder();
        pages.Add(page);
        y = Top;
    }

    public byte[] ToBytes()
    {
        var output = new PdfObjectWriter();
        // The second line's high bytes tell transfer tools the file is binary.
        output.Raw("%PDF-1.4\n%\u00E2\u00E3\u00CF\u00D3\n");

        const int catalog = 1, pageTree = 2, firstFont = 3, info = 6, firstPage = 7;
        var styles = new[] { PdfFontStyle.Regular, PdfFontStyle.Bold, PdfFontStyle.Italic };
        var kids = string.Join(" ", Enumerable.Range(0, pages.Count).Select(i => $"{firstPage + (2 * i)} 0 R"));

        output.Object(catalog, $"<< /Type /Catalog /Pages {pageTree} 0 R >>");
        output.Object(pageTree, $"<< /Type /Pages /Kids [{kids}] /Count {pages.Count} >>");
        for (var i = 0; i < styles.Length; i++)
        {
            output.Object(firstFont + i, $"<< /Type /Font /Subtype /Type1 /BaseFont /{StandardFontMetrics.BaseFont(styles[i])} /Encoding /WinAnsiEncoding >>");
        }

        output.Object(info, $"<< /Title {TextString(title)} /Author {TextString(author)} /Producer (PeerInterview) /Creator (PeerInterview) /CreationDate {DateString(createdAt)} >>");

        var fonts = $"<< /F1 {firstFont} 0 R /F2 {firstFont + 1} 0 R /F3 {firstFont + 2} 0 R >>";
        for (var i = 0; i < pages.Count; i++)
        {
            var pageObject = firstPage + (2 * i);
            var content = pages[i].ToString() + Footer(i + 1, pages.Count);
            output.Object(pageObject,
                $"<< /Type /Page /Parent {pageTree} 0 R /MediaBox [0 0 {N(PageWidth)} {N(PageHeight)}] /Resources << /Font {fonts} >> /Contents {pageObject + 1} 0 R >>");
            output.Stream(pageObject + 1, content);
        }

        return output.Finish(catalog, info);
    }

    private string Footer(int number, int count)
    {
        var sb = new StringBuilder();
        var pageLabel = $"Page {number} of {count}";
        var labelWidth = StandardFontMetrics.Measure(pageLabel, PdfFontStyle.Regular, FooterSize);
        var footerTitle = Truncate(title, PdfFontStyle.Regular, FooterSize, ContentWidth - labelWidth - 24f);
        sb.Append(CultureInfo.InvariantCulture, $"q 0.5 w 0.75 G {N(Margin)} {N(FooterRuleY)} m {N(Margin + ContentWidth)} {N(FooterRuleY)} l S Q\n");
        sb.Append(TextOp(footerTitle, PdfFontStyle.Regular, FooterSize, 0.4f, Margin, FooterBaseline));
        sb.Append(TextOp(pageLabel, PdfFontStyle.Regular, FooterSize, 0.4f, Margin + ContentWidth - labelWidth, FooterBaseline));
        return sb.ToString();
    }

    private void NewTablePage(List<List<string>> header, float[] widths, float size)
    {
        NewPage();
        DrawRow(header, widths, 0, header.Max(c => c.Count), PdfFontStyle.Bold, size, shaded: true);
    }

    private static List<List<string>> WrapRow(IReadOnlyList<string> cells, float[] widths, PdfFontStyle style, float size) =>
        [.. widths.Select((w, i) =>
        {
            var text = i < cells.Count ? WinAnsiEncoding.Sanitize(cells[i]) : "";
            return string.IsNullOrWhiteSpace(text) ? new List<string>() : Wrap(text, style, size, w - (2 * CellPadding), w - (2 * CellPadding));
        })];

    private void DrawRow(List<List<string>> cells, float[] widths, int fromLine, int toLine, PdfFontStyle style, float size, bool shaded)
    {
        var lineHeight = size * LineSpacing;
        var height = (Math.Max(1, toLine - fromLine) * lineHeight) + (2 * CellPadding);
        var bottom = y - height;
        if (shaded)
        {
            page.Append(CultureInfo.InvariantCulture, $"q 0.92 g {N(Margin)} {N(bottom)} {N(ContentWidth)} {N(height)} re f Q\n");
        }

        var x = Margin;
        for (var c = 0; c < widths.Length; c++)
        {
            for (var line = fromLine; line < toLine && line < cells[c].Count; line++)
            {
                var lineTop = y - CellPadding - ((line - fromLine) * lineHeight);
                DrawText(cells[c][line], style, size, 0f, x + CellPadding, lineTop - lineHeight + ((lineHeight - size) / 2f) + (size * 0.21f));
            }

            page.Append(CultureInfo.InvariantCulture, $"q 0.5 w 0.55 G {N(x)} {N(bottom)} {N(widths[c])} {N(height)} re S Q\n");
            x += widths[c];
        }

        y = bottom;
    }

    private void WriteLines(List<string> lines, PdfFontStyle style, float size, float gray, float firstX, float restX)
    {
        var lineHeight = size * LineSpacing;
        for (var i = 0; i < lines.Count; i++)
        {
            EnsureSpace(lineHeight);
            DrawText(lines[i], style, size, gray, i == 0 ? firstX : restX, Baseline(size, lineHeight));
            y -= lineHeight;
        }
    }

    private void EnsureSpace(float height)
    {
        if (y - height < Bottom - 0.01f && !AtTopOfPage)
        {
            NewPage();
        }
    }

    private float Baseline(float size, float lineHeight) => y - lineHeight + ((lineHeight - size) / 2f) + (size * 0.21f);

    private void DrawText(string text, PdfFontStyle style, float size, float gray, float x, float baseline)
    {
        if (text.Length > 0)
        {
            page.Append(TextOp(text, style, size, gray, x, baseline));
        }
    }

    private void Line(float x1, float y1, float x2, float y2, float width, float gray) =>
        page.Append(CultureInfo.InvariantCulture, $"q {N(width)} w {N(gray)} G {N(x1)} {N(y1)} m {N(x2)} {N(y2)} l S Q\n");

    private static string TextOp(string text, PdfFontStyle style, float size, float gray, float x, float baseline)
    {
        var font = style switch
        {
            PdfFontStyle.Bold => "F2",
            PdfFontStyle.Italic => "F3",
            _ => "F1",
        };
        var color = gray > 0f ? $"{N(gray)} g " : "";
        var reset = gray > 0f ? " 0 g" : "";
        return $"BT {color}/{font} {N(size)} Tf {N(x)} {N(baseline)} Td {Literal(text)} Tj ET{reset}\n";
    }

    /// <summary>Greedy word wrap by glyph widths; words wider than a line are broken.</summary>
    private static List<string> Wrap(string text, PdfFontStyle style, float size, float firstWidth, float restWidth)
    {
        var lines = new List<string>();
        var space = StandardFontMetrics.Measure(" ", style, size);
        foreach (var paragraph in text.Split('\n'))
        {
            var current = new StringBuilder();
            var currentWidth = 0f;
            float Available() => lines.Count == 0 ? firstWidth : restWidth;

            foreach (var token in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var word = token;
                var wordWidth = StandardFontMetrics.Measure(word, style, size);
                if (current.Length > 0 && currentWidth + space + wordWidth <= Available())
                {
                    current.Append(' ').Append(word);
                    currentWidth += space + wordWidth;
                    continue;
                }

                if (current.Length > 0)
                {
                    lines.Add(current.ToString());
                    current.Clear();
                    currentWidth = 0f;
                }

                while (word.Length > 0 && wordWidth > Available())
                {
                    var fit = FittingPrefix(word, style, size, Available());
                    lines.Add(word[..fit]);
                    word = word[fit..];
                    wordWidth = StandardFontMetrics.Measure(word, style, size);
                }

                current.Append(word);
                currentWidth = wordWidth;
            }

            lines.Add(current.ToString());
        }

        // Drop blank lines at the end, but keep the ones between paragraphs.
        while (lines.Count > 1 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    private static int FittingPrefix(string word, PdfFontStyle style, float size, float width)
    {
        var used = 0f;
        for (var i = 0; i < word.Length; i++)
        {
            used += StandardFontMetrics.Width(WinAnsiEncoding.Encode(word[i]), style) * size / 1000f;
            if (used > width)
            {
                return Math.Max(1, i);
            }
        }

        return word.Length;
    }

    private static string Truncate(string text, PdfFontStyle style, float size, float width)
    {
        if (StandardFontMetrics.Measure(text, style, size) <= width)
        {
            return text;
        }

        var ellipsisWidth = StandardFontMetrics.Measure("…", style, size);
        var fit = FittingPrefix(text, style, size, Math.Max(0f, width - ellipsisWidth));
        return text[..fit].TrimEnd() + "…";
    }

    /// <summary>A PDF string literal of WinAnsi bytes, kept 7-bit: delimiters escaped, other bytes as octal.</summary>
    private static string Literal(string text)
    {
        var sb = new StringBuilder(text.Length + 2);
        sb.Append('(');
        foreach (var c in text)
        {
            var b = WinAnsiEncoding.Encode(c);
            if (b is (byte)'(' or (byte)')' or (byte)'\\')
            {
                sb.Append('\\').Append((char)b);
            }
            else if (b < 0x20 || b > 0x7E)
            {
                sb.Append('\\').Append(Convert.ToString(b, 8).PadLeft(3, '0'));
            }
            else
            {
                sb.Append((char)b);
            }
        }

        return sb.Append(')').ToString();
    }

    /// <summary>Document-information strings: a literal when ASCII, otherwise UTF-16BE with a byte-order mark.</summary>
    private static string TextString(string text)
    {
        if (text.All(c => c is >= ' ' and <= '~'))
        {
            return Literal(text);
        }

        var sb = new StringBuilder("<FEFF");
        foreach (var b in Encoding.BigEndianUnicode.GetBytes(text))
        {
            sb.Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }

        return sb.Append('>').ToString();
    }

    private static string DateString(DateTimeOffset at)
    {
        var offset = at.Offset;
        var zone = offset == TimeSpan.Zero
            ? "Z"
            : $"{(offset < TimeSpan.Zero ? '-' : '+')}{Math.Abs(offset.Hours):00}'{Math.Abs(offset.Minutes):00}'";
        return $"(D:{at.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}{zone})";
    }

    /// <summary>A number as PDF wants it: invariant, at most two decimals, never "-0".</summary>
    private static string N(float value)
    {
        var rounded = Math.Round(value, 2);
        return rounded == 0 ? "0" : rounded.ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Serialises numbered objects and records their byte offsets for the cross-reference table. Everything is
    /// held as Latin-1 characters, one per byte, so a character index is a byte offset.
    /// </summary>
    private sealed class PdfObjectWriter
    {
        private readonly StringBuilder output = new();
        private readonly SortedDictionary<int, int> offsets = [];

        public void Raw(string text) => output.Append(text);

        public void Object(int number, string body)
        {
            offsets[number] = output.Length;
            output.Append(CultureInfo.InvariantCulture, $"{number} 0 obj\n{body}\nendobj\n");
        }

        /// <summary>An uncompressed stream; <paramref name="content"/> is 7-bit ASCII, so its length is its byte count.</summary>
        public void Stream(int number, string content)
        {
            offsets[number] = output.Length;
            output.Append(CultureInfo.InvariantCulture, $"{number} 0 obj\n<< /Length {content.Length} >>\nstream\n{content}\nendstream\nendobj\n");
        }

        public byte[] Finish(int root, int info)
        {
            var xref = output.Length;
            var size = offsets.Keys.Max() + 1;
            output.Append(CultureInfo.InvariantCulture, $"xref\n0 {size}\n0000000000 65535 f \n");
            for (var i = 1; i < size; i++)
            {
                // Every entry is exactly 20 bytes, including its two-character end of line.
                output.Append(offsets.TryGetValue(i, out var offset)
                    ? $"{offset.ToString("D10", CultureInfo.InvariantCulture)} 00000 n \n"
                    : "0000000000 65535 f \n");
            }

            output.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {size} /Root {root} 0 R /Info {info} 0 R >>\nstartxref\n{xref}\n%%EOF");
            return Encoding.Latin1.GetBytes(output.ToString());
        }
    }
}
