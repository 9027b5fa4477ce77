using System.Globalization;
using SkiaSharp;

namespace PeerInterview.Web.Documents;

public enum TextAnchor
{
    Start,
    Middle,
    End,
}

/// <summary>
/// Lays out a document top to bottom on A4 pages with automatic page breaks and writes it as PDF through SkiaSharp:
/// fonts embedded and subset, text shaped with HarfBuzz (<see cref="TextLayout"/>) and kept extractable, right-to-left
/// paragraphs aligned right, a footer with the title and "Page n of m", the title and author in the document
/// information and the language in the catalog. Pages are kept as lists of drawing steps until <see cref="ToBytes"/>,
/// so content can be undone (<see cref="KeepTogether(Action)"/>) and the page count is known for the footers.
/// </summary>
public sealed class PdfDocumentBuilder
{
    public const float PageWidth = 595.28f;
    public const float PageHeight = 841.89f;
    public const float Margin = 50f;
    public const float ContentWidth = PageWidth - (2 * Margin);
    public const string Language = "en";

    private const float Top = Margin;
    private const float Bottom = PageHeight - Margin;
    private const float BodyHeight = Bottom - Top;
    private const float LineSpacing = 1.4f;
    private const float CellPadding = 4f;
    private const float FooterSize = 8f;
    private const float FooterBaseline = PageHeight - 28f;
    private const float FooterRuleY = PageHeight - 40f;

    private readonly string title;
    private readonly string author;
    private readonly DateTimeOffset createdAt;
    private readonly DocumentFonts fonts;
    private readonly ILogger logger;
    private readonly List<List<Action<SKCanvas>>> pages = [];
    private readonly HashSet<string> missingScripts = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Text, PdfFontStyle Style, float Size), float> widths = [];
    private List<Action<SKCanvas>> page;
    private float y;

    public PdfDocumentBuilder(string title, string author = "PeerInterview", DateTimeOffset? createdAt = null, DocumentFonts? fonts = null, ILogger? logger = null)
    {
        this.title = OneLine(title);
        this.author = OneLine(author);
        this.createdAt = createdAt ?? DateTimeOffset.UtcNow;
        this.fonts = fonts ?? DocumentFonts.Shared;
        this.logger = logger ?? DocumentFonts.Logger;
        page = [];
        pages.Add(page);
        y = Top;
    }

    public int PageCount => pages.Count;

    /// <summary>Space left on the current page, in points.</summary>
    public float RemainingHeight => Bottom - y;

    /// <summary>Scripts no font could draw so far (shown as U+FFFD).</summary>
    public IReadOnlyCollection<string> MissingScripts => missingScripts;

    private bool AtTopOfPage => y <= Top + 0.01f;

    public void Heading(string text, int level = 1)
    {
        var (size, before, after) = level switch
        {
            1 => (18f, 14f, 6f),
            2 => (14f, 14f, 5f),
            _ => (11.5f, 10f, 3f),
        };
        Space(before);

        // Keep a heading with at least a few lines of what follows it.
        var lines = Wrap(text, PdfFontStyle.Bold, size, ContentWidth, ContentWidth);
        KeepTogether((lines.Count * size * LineSpacing) + 40f);
        WriteLines(lines, PdfFontStyle.Bold, size, SKColors.Black, Margin, Margin, ContentWidth);
        Space(after);
    }

    /// <param name="gray">Text colour from 0 (black) to 1 (white).</param>
    public void Paragraph(string text, float size = 10f, PdfFontStyle style = PdfFontStyle.Regular, float gray = 0f, float indent = 0f)
    {
        var width = ContentWidth - indent;
        var lines = Wrap(text, style, size, width, width);
        WriteLines(lines, style, size, Gray(gray), Margin + indent, Margin + indent, width);
        Space(size * 0.5f);
    }

    /// <summary>A bold label and its value on one line; the value wraps under itself (or under the label when the label is long).</summary>
    public void KeyValue(string label, string? value, float size = 10f)
    {
        var key = OneLine(label).TrimEnd();
        key = key.EndsWith(':') ? key + " " : key + ": ";
        var keyWidth = Measure(key, PdfFontStyle.Bold, size);
        var text = string.IsNullOrWhiteSpace(value) ? "—" : value;
        var hanging = keyWidth <= ContentWidth * 0.4f ? keyWidth : 0f;
        var lines = Wrap(text, PdfFontStyle.Regular, size, ContentWidth - keyWidth, ContentWidth - hanging);
        var lineHeight = size * LineSpacing;
        EnsureSpace(lineHeight);
        DrawText(key, PdfFontStyle.Bold, size, SKColors.Black, Margin, Baseline(size, lineHeight));
        WriteLines(lines, PdfFontStyle.Regular, size, SKColors.Black, Margin + keyWidth, Margin + hanging, null);
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
    public void ListItem(string marker, string text, int level = 0, float size = 10f, PdfFontStyle style = PdfFontStyle.Regular, float gray = 0f)
    {
        var markerText = OneLine(marker);
        var markerX = Margin + 6f + (Math.Max(level, 0) * 16f);
        var textX = markerX + Math.Max(12f, Measure(markerText, style, size) + 5f);
        var width = Margin + ContentWidth - textX;
        var lines = Wrap(text, style, size, width, width);
        var lineHeight = size * LineSpacing;
        EnsureSpace(lineHeight);
        DrawText(markerText, style, size, Gray(gray), markerX, Baseline(size, lineHeight));
        WriteLines(lines, style, size, Gray(gray), textX, textX, width);
        Space(size * 0.15f);
    }

    /// <summary>
    /// A grid with a bold, shaded header row that is repeated after every page break. Cells wrap; a row taller
    /// than a page is split across pages.
    /// </summary>
    /// <param name="columnWidths">Relative widths, one per header (normalised to the content width).</param>
    /// <param name="emphasiseLastRow">Bold and shaded, for a total row.</param>
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<float> columnWidths, float size = 9f, bool emphasiseLastRow = false)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columnWidths);
        if (headers.Count == 0 || columnWidths.Count != headers.Count || columnWidths.Any(w => !(w > 0f)))
        {
            throw new ArgumentException("Give one positive width for each header.", nameof(columnWidths));
        }

        var total = columnWidths.Sum();
        var cellWidths = columnWidths.Select(w => w / total * ContentWidth).ToArray();
        var lineHeight = size * LineSpacing;
        var header = WrapRow(headers, cellWidths, PdfFontStyle.Bold, size);
        var headerHeight = (header.Max(c => c.Count) * lineHeight) + (2 * CellPadding);
        var all = rows.ToList();

        var first = true;
        for (var r = 0; r < all.Count; r++)
        {
            var row = all[r];
            if (row.Count > headers.Count)
            {
                throw new ArgumentException($"A row has {row.Count} cells but the table has {headers.Count} columns.", nameof(rows));
            }

            var emphasis = emphasiseLastRow && r == all.Count - 1;
            var style = emphasis ? PdfFontStyle.Bold : PdfFontStyle.Regular;
            var cells = WrapRow(row, cellWidths, style, size);
            var rowLines = Math.Max(1, cells.Max(c => c.Count));
            if (first)
            {
                // Never leave the header alone at the foot of a page.
                KeepTogether(headerHeight + (Math.Min(rowLines, 3) * lineHeight) + (2 * CellPadding));
                DrawRow(header, cellWidths, 0, header.Max(c => c.Count), PdfFontStyle.Bold, size, Header);
                first = false;
            }

            var fill = emphasis ? Header : r % 2 == 1 ? Stripe : (SKColor?)null;
            var start = 0;
            var freshPage = false;
            while (start < rowLines)
            {
                var fits = (int)Math.Floor((Bottom - y - (2 * CellPadding)) / lineHeight);
                var remaining = rowLines - start;
                if (fits >= remaining)
                {
                    DrawRow(cells, cellWidths, start, rowLines, style, size, fill);
                    break;
                }

                var fitsOnFreshPage = (remaining * lineHeight) + (2 * CellPadding) <= BodyHeight - headerHeight;
                if (!freshPage && (fitsOnFreshPage || fits < 1))
                {
                    NewTablePage(header, cellWidths, size);
                    freshPage = true;
                    continue;
                }

                var take = Math.Max(1, fits);
                DrawRow(cells, cellWidths, start, start + take, style, size, fill);
                start += take;
                NewTablePage(header, cellWidths, size);
                freshPage = true;
            }
        }

        if (first)
        {
            KeepTogether(headerHeight);
            DrawRow(header, cellWidths, 0, header.Max(c => c.Count), PdfFontStyle.Bold, size, Header);
        }

        Space(8f);
    }

    /// <summary>A thin horizontal line across the page.</summary>
    public void Rule()
    {
        Space(4f);
        EnsureSpace(6f);
        var at = y + 1f;
        Record(c => Line(c, Margin, at, Margin + ContentWidth, at, 0.75f, Gray(0.7f)));
        y += 2f;
        Space(8f);
    }

    /// <summary>Vertical space; at the foot of a page it just uses up the page rather than starting a new one.</summary>
    public void Space(float points)
    {
        if (AtTopOfPage || points <= 0f)
        {
            return;
        }

        y = Math.Min(Bottom, y + points);
    }

    /// <summary>An empty ruled box to write in, with a small caption in its top-left corner.</summary>
    public void Box(float height, string? label = null)
    {
        height = Math.Clamp(height, 24f, BodyHeight);
        EnsureSpace(height);
        var top = y;
        var bottom = y + height;
        var caption = OneLine(label ?? "");
        var firstRule = top + 20f;
        if (caption.Length > 0)
        {
            DrawText(Truncate(caption, PdfFontStyle.Italic, 8f, ContentWidth - 8f), PdfFontStyle.Italic, 8f, Gray(0.4f), Margin + 4f, top + 11f);
            firstRule = top + 24f;
        }

        for (var ruleY = firstRule; ruleY < bottom - 8f; ruleY += 18f)
        {
            var at = ruleY;
            Record(c => Line(c, Margin + 6f, at, Margin + ContentWidth - 6f, at, 0.4f, Gray(0.82f)));
        }

        Record(c => StrokeRect(c, Margin, top, ContentWidth, height, 0.75f, Gray(0.45f)));
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
        var lead = OneLine(caption ?? "").Trim();
        if (lead.Length > 0)
        {
            DrawText(lead, PdfFontStyle.Bold, size, SKColors.Black, x, baseline);
            x += Measure(lead, PdfFontStyle.Bold, size) + (size * 0.8f);
        }

        foreach (var option in options)
        {
            var text = OneLine(option).Trim();
            var width = Measure(text, PdfFontStyle.Regular, size) + 3f + square;
            if (x + width > Margin + ContentWidth && x > Margin)
            {
                y += lineHeight;
                EnsureSpace(lineHeight);
                baseline = Baseline(size, lineHeight);
                x = Margin;
            }

            DrawText(text, PdfFontStyle.Regular, size, SKColors.Black, x, baseline);
            x += Measure(text, PdfFontStyle.Regular, size) + 3f;
            var boxX = x;
            var boxY = baseline - square + (size * 0.05f);
            Record(c => StrokeRect(c, boxX, boxY, square, square, 0.75f, SKColors.Black));
            x += square + (size * 1.4f);
        }

        y += lineHeight;
        Space(size * 0.4f);
    }

    /// <summary>
    /// A block of free drawing <paramref name="height"/> points tall at the current position (a new page if it does not
    /// fit); <paramref name="draw"/> gets a canvas in page coordinates and the block's top.
    /// </summary>
    public void Drawing(float height, Action<PdfCanvas, float> draw)
    {
        ArgumentNullException.ThrowIfNull(draw);
        EnsureSpace(height);
        draw(new PdfCanvas(this), y);
        y += height;
    }

    /// <summary>Starts a new page unless at least <paramref name="minHeight"/> points remain on this one.</summary>
    public void KeepTogether(float minHeight)
    {
        if (y + minHeight > Bottom && !AtTopOfPage)
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
        var length = page.Count;
        var startY = y;
        content();
        if (pages.Count == pageCount || startedAtTop)
        {
            return;
        }

        pages.RemoveRange(pageCount, pages.Count - pageCount);
        page = pages[^1];
        page.RemoveRange(length, page.Count - length);
        y = startY;
        NewPage();
        content();
    }

    public void NewPage()
    {
        page = [];
        pages.Add(page);
        y = Top;
    }

    public byte[] ToBytes()
    {
        if (missingScripts.Count > 0)
        {
            // One warning per document naming the scripts, never the text (it is personal data).
            logger.LogWarning("A PDF shows U+FFFD for characters no installed font has: {Scripts}. Install a font for them (Debian: fonts-noto-core, fonts-noto-cjk).",
                string.Join(", ", missingScripts.Order(StringComparer.Ordinal)));
        }

        using var output = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = title,
            Author = author,
            Creator = "PeerInterview",
            Producer = "PeerInterview (SkiaSharp PDF)",
            Creation = createdAt.UtcDateTime,
            Modified = createdAt.UtcDateTime,
            RasterDpi = SKDocumentPdfMetadata.DefaultRasterDpi,
            EncodingQuality = SKDocumentPdfMetadata.DefaultEncodingQuality,
        };
        using (var stream = new SKManagedWStream(output))
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            var footers = Footers();
            for (var i = 0; i < pages.Count; i++)
            {
                var canvas = document.BeginPage(PageWidth, PageHeight);
                foreach (var step in pages[i])
                {
                    step(canvas);
                }

                footers[i](canvas);
                document.EndPage();
            }

            document.Close();
        }

        return PdfCatalog.WithLanguage(output.ToArray(), Language);
    }

    internal static readonly SKColor Header = new(0xE8, 0xEB, 0xEF);
    internal static readonly SKColor Stripe = new(0xF6, 0xF7, 0xF9);

    internal static SKColor Gray(float gray)
    {
        var level = (byte)Math.Clamp(MathF.Round(gray * 255f), 0f, 255f);
        return new SKColor(level, level, level);
    }

    internal float Measure(string text, PdfFontStyle style, float size)
    {
        if (text.Length == 0)
        {
            return 0f;
        }

        if (!widths.TryGetValue((text, style, size), out var width))
        {
            width = Shape(text, style, size, false).Width;
            widths[(text, style, size)] = width;
        }

        return width;
    }

    internal void Record(Action<SKCanvas> step) => page.Add(step);

    /// <summary>One line of text at <paramref name="x"/> (its start, middle or end per <paramref name="anchor"/>); returns its width.</summary>
    internal float DrawText(string text, PdfFontStyle style, float size, SKColor color, float x, float baseline, TextAnchor anchor = TextAnchor.Start)
    {
        if (text.Length == 0)
        {
            return 0f;
        }

        var line = Shape(text, style, size, TextLayout.IsRightToLeft(text));
        var left = anchor switch
        {
            TextAnchor.Middle => x - (line.Width / 2f),
            TextAnchor.End => x - line.Width,
            _ => x,
        };
        Record(c => DrawShaped(c, line, left, baseline, color, size));
        return line.Width;
    }

    internal static void Line(SKCanvas canvas, float x1, float y1, float x2, float y2, float width, SKColor color)
    {
        using var paint = new SKPaint { Color = color, StrokeWidth = width, Style = SKPaintStyle.Stroke, IsAntialias = true };
        canvas.DrawLine(x1, y1, x2, y2, paint);
    }

    internal static void StrokeRect(SKCanvas canvas, float x, float top, float width, float height, float lineWidth, SKColor color)
    {
        using var paint = new SKPaint { Color = color, StrokeWidth = lineWidth, Style = SKPaintStyle.Stroke, IsAntialias = true };
        canvas.DrawRect(x, top, width, height, paint);
    }

    internal static void FillRect(SKCanvas canvas, float x, float top, float width, float height, SKColor color)
    {
        using var paint = new SKPaint { Color = color, Style = SKPaintStyle.Fill, IsAntialias = true };
        canvas.DrawRect(x, top, width, height, paint);
    }

    private ShapedLine Shape(string text, PdfFontStyle style, float size, bool rightToLeft) =>
        TextLayout.Shape(text, style, size, rightToLeft, fonts, missingScripts);

    private static void DrawShaped(SKCanvas canvas, ShapedLine line, float x, float baseline, SKColor color, float size)
    {
        if (line.Runs.Count == 0)
        {
            return;
        }

        using var builder = new SKTextBlobBuilder();
        var offset = 0f;
        var fontsUsed = new List<SKFont>(line.Runs.Count);
        try
        {
            foreach (var run in line.Runs)
            {
                var font = TextLayout.Font(run.Face, size);
                fontsUsed.Add(font);
                var buffer = builder.AllocatePositionedTextRun(font, run.Glyphs.Length, run.Utf8.Length);
                buffer.SetGlyphs(run.Glyphs);
                var positions = buffer.Positions;
                for (var g = 0; g < run.Glyphs.Length; g++)
                {
                    positions[g] = new SKPoint(run.Positions[g].X + offset, run.Positions[g].Y);
                }

                buffer.SetText(run.Utf8);
                buffer.SetClusters(run.Clusters);
                offset += run.Width;
            }

            using var blob = builder.Build();
            if (blob is null)
            {
                return;
            }

            using var paint = new SKPaint { Color = color, IsAntialias = true };
            canvas.DrawText(blob, x, baseline, paint);
        }
        finally
        {
            foreach (var font in fontsUsed)
            {
                font.Dispose();
            }
        }
    }

    private List<Action<SKCanvas>> Footers()
    {
        var footers = new List<Action<SKCanvas>>(pages.Count);
        for (var i = 0; i < pages.Count; i++)
        {
            var label = string.Create(CultureInfo.InvariantCulture, $"Page {i + 1} of {pages.Count}");
            var labelWidth = Measure(label, PdfFontStyle.Regular, FooterSize);
            var footerTitle = Truncate(title, PdfFontStyle.Regular, FooterSize, ContentWidth - labelWidth - 24f);
            var titleLine = Shape(footerTitle, PdfFontStyle.Regular, FooterSize, TextLayout.IsRightToLeft(footerTitle));
            var labelLine = Shape(label, PdfFontStyle.Regular, FooterSize, false);
            var color = Gray(0.4f);
            footers.Add(c =>
            {
                Line(c, Margin, FooterRuleY, Margin + ContentWidth, FooterRuleY, 0.5f, Gray(0.75f));
                DrawShaped(c, titleLine, Margin, FooterBaseline, color, FooterSize);
                DrawShaped(c, labelLine, Margin + ContentWidth - labelWidth, FooterBaseline, color, FooterSize);
            });
        }

        return footers;
    }

    private void NewTablePage(List<List<string>> header, float[] cellWidths, float size)
    {
        NewPage();
        DrawRow(header, cellWidths, 0, header.Max(c => c.Count), PdfFontStyle.Bold, size, Header);
    }

    private List<List<string>> WrapRow(IReadOnlyList<string> cells, float[] cellWidths, PdfFontStyle style, float size) =>
        [.. cellWidths.Select((w, i) =>
        {
            var text = i < cells.Count ? cells[i] ?? "" : "";
            return string.IsNullOrWhiteSpace(text) ? new List<string>() : Wrap(text, style, size, w - (2 * CellPadding), w - (2 * CellPadding));
        })];

    private void DrawRow(List<List<string>> cells, float[] cellWidths, int fromLine, int toLine, PdfFontStyle style, float size, SKColor? fill)
    {
        var lineHeight = size * LineSpacing;
        var height = (Math.Max(1, toLine - fromLine) * lineHeight) + (2 * CellPadding);
        var top = y;
        if (fill is { } shade)
        {
            Record(c => FillRect(c, Margin, top, ContentWidth, height, shade));
        }

        var x = Margin;
        for (var col = 0; col < cellWidths.Length; col++)
        {
            var rtl = cells[col].Count > 0 && TextLayout.IsRightToLeft(string.Concat(cells[col]));
            for (var line = fromLine; line < toLine && line < cells[col].Count; line++)
            {
                var lineTop = top + CellPadding + ((line - fromLine) * lineHeight);
                var baseline = lineTop + Baseline(size, lineHeight) - y;
                var text = cells[col][line];
                if (rtl)
                {
                    DrawText(text, style, size, SKColors.Black, x + cellWidths[col] - CellPadding, baseline, TextAnchor.End);
                }
                else
                {
                    DrawText(text, style, size, SKColors.Black, x + CellPadding, baseline);
                }
            }

            var cellX = x;
            var cellWidth = cellWidths[col];
            Record(c => StrokeRect(c, cellX, top, cellWidth, height, 0.5f, Gray(0.6f)));
            x += cellWidths[col];
        }

        y = top + height;
    }

    /// <param name="alignWidth">The width a right-to-left paragraph is aligned right within; null to keep every line at its start.</param>
    private void WriteLines(List<string> lines, PdfFontStyle style, float size, SKColor color, float firstX, float restX, float? alignWidth)
    {
        var lineHeight = size * LineSpacing;
        var rtl = alignWidth is not null && TextLayout.IsRightToLeft(string.Concat(lines));
        for (var i = 0; i < lines.Count; i++)
        {
            EnsureSpace(lineHeight);
            var x = i == 0 ? firstX : restX;
            if (rtl && alignWidth is { } width)
            {
                DrawText(lines[i], style, size, color, restX + width, Baseline(size, lineHeight), TextAnchor.End);
            }
            else
            {
                DrawText(lines[i], style, size, color, x, Baseline(size, lineHeight));
            }

            y += lineHeight;
        }
    }

    private void EnsureSpace(float height)
    {
        if (y + height > Bottom + 0.01f && !AtTopOfPage)
        {
            NewPage();
        }
    }

    /// <summary>The baseline of a line box starting at the current position: the text's middle (x-height) centred in the box.</summary>
    private float Baseline(float size, float lineHeight) => y + (lineHeight / 2f) + (size * 0.36f);

    /// <summary>Greedy word wrap by shaped widths; words wider than a line (or long runs of Chinese, which has no spaces) are broken between characters.</summary>
    private List<string> Wrap(string text, PdfFontStyle style, float size, float firstWidth, float restWidth)
    {
        var lines = new List<string>();
        var space = Measure(" ", style, size);
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\t', ' ').Split('\n'))
        {
            var current = new List<string>();
            var currentWidth = 0f;
            float Available() => lines.Count == 0 ? firstWidth : restWidth;

            foreach (var token in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var word = token;
                var wordWidth = Measure(word, style, size);
                if (current.Count > 0 && currentWidth + space + wordWidth <= Available())
                {
                    current.Add(word);
                    currentWidth += space + wordWidth;
                    continue;
                }

                if (current.Count > 0)
                {
                    lines.Add(string.Join(' ', current));
                    current.Clear();
                    currentWidth = 0f;
                }

                while (word.Length > 0 && wordWidth > Available())
                {
                    var fit = FittingPrefix(word, style, size, Available());
                    lines.Add(word[..fit]);
                    word = word[fit..];
                    wordWidth = Measure(word, style, size);
                }

                current.Add(word);
                currentWidth = wordWidth;
            }

            lines.Add(string.Join(' ', current));
        }

        // Drop blank lines at the end, but keep the ones between paragraphs.
        while (lines.Count > 1 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    /// <summary>How many UTF-16 units of <paramref name="word"/> fit in <paramref name="width"/>, cut between whole characters (binary search; at least one character).</summary>
    private int FittingPrefix(string word, PdfFontStyle style, float size, float width)
    {
        var stops = StringInfo.ParseCombiningCharacters(word);
        int low = 1, high = stops.Length;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            var end = mid < stops.Length ? stops[mid] : word.Length;
            if (Shape(word[..end], style, size, false).Width <= width)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return low < stops.Length ? stops[low] : word.Length;
    }

    private string Truncate(string text, PdfFontStyle style, float size, float width)
    {
        if (Measure(text, style, size) <= width)
        {
            return text;
        }

        var fit = FittingPrefix(text, style, size, Math.Max(0f, width - Measure("…", style, size)));
        return text[..fit].TrimEnd() + "…";
    }

    private static string OneLine(string text) => text.Replace('\r', ' ').Replace('\n', ' ').Replace('\t', ' ');

    /// <summary>Drawing inside a <see cref="Drawing"/> block, in page coordinates (points, y downwards), with the document's fonts.</summary>
    public sealed class PdfCanvas
    {
        private readonly PdfDocumentBuilder pdf;

        internal PdfCanvas(PdfDocumentBuilder pdf) => this.pdf = pdf;

        public static float Left => Margin;

        public static float Width => ContentWidth;

        public float Text(string text, float x, float baseline, float size = 9f, PdfFontStyle style = PdfFontStyle.Regular, SKColor? color = null, TextAnchor anchor = TextAnchor.Start) =>
            pdf.DrawText(OneLine(text), style, size, color ?? SKColors.Black, x, baseline, anchor);

        public float Measure(string text, float size = 9f, PdfFontStyle style = PdfFontStyle.Regular) => pdf.Measure(OneLine(text), style, size);

        /// <summary><paramref name="text"/> cut with "…" to fit <paramref name="width"/>.</summary>
        public string Fit(string text, float width, float size = 9f, PdfFontStyle style = PdfFontStyle.Regular) => pdf.Truncate(OneLine(text), style, size, width);

        public void Rect(float x, float top, float width, float height, SKColor? fill = null, SKColor? stroke = null, float lineWidth = 0.75f) =>
            pdf.Record(c =>
            {
                if (fill is { } f)
                {
                    FillRect(c, x, top, width, height, f);
                }

                if (stroke is { } s)
                {
                    StrokeRect(c, x, top, width, height, lineWidth, s);
                }
            });

        public void Line(float x1, float y1, float x2, float y2, SKColor color, float lineWidth = 0.75f, float dash = 0f) =>
            pdf.Record(c =>
            {
                using var paint = new SKPaint { Color = color, StrokeWidth = lineWidth, Style = SKPaintStyle.Stroke, IsAntialias = true };
                using var effect = dash > 0f ? SKPathEffect.CreateDash([dash, dash], 0f) : null;
                paint.PathEffect = effect;
                c.DrawLine(x1, y1, x2, y2, paint);
            });

        public void Circle(float x, float cy, float radius, SKColor fill, SKColor? stroke = null) =>
            pdf.Record(c =>
            {
                using var paint = new SKPaint { Color = fill, Style = SKPaintStyle.Fill, IsAntialias = true };
                c.DrawCircle(x, cy, radius, paint);
                if (stroke is { } s)
                {
                    using var outline = new SKPaint { Color = s, StrokeWidth = 0.75f, Style = SKPaintStyle.Stroke, IsAntialias = true };
                    c.DrawCircle(x, cy, radius, outline);
                }
            });
    }
}
