using System.Globalization;
using System.Text;
using HarfBuzzSharp;
using SkiaSharp;

namespace PeerInterview.Web.Documents;

/// <summary>One shaped run in one font and direction: glyphs with positions, and the UTF-8 text with per-glyph clusters so the PDF keeps the text extractable.</summary>
internal sealed record GlyphRun(DocumentFonts.Face Face, ushort[] Glyphs, SKPoint[] Positions, byte[] Utf8, uint[] Clusters, float Width);

/// <summary>A line ready to draw: runs in visual (left-to-right) order.</summary>
internal sealed record ShapedLine(IReadOnlyList<GlyphRun> Runs, float Width);

/// <summary>
/// Line shaping for documents: splits a line into runs by direction (a simplified Unicode bidi algorithm: the paragraph
/// is right to left when all its letters are, see <see cref="IsRightToLeft"/>; Arabic and Hebrew letters right to
/// left, digits after them kept left to right, neutrals taking the direction of the letters around them) and by font (the shipped fonts first, then a
/// system font per character), shapes each run with HarfBuzz, and orders the runs visually. A character no font has is
/// drawn as U+FFFD from Noto Sans and its script is reported, so the caller can log it once.
/// </summary>
internal static class TextLayout
{
    private enum Kind : byte
    {
        Left,
        Right,
        Number,
        Neutral,
    }

    /// <summary>
    /// True when the text's letters are all from right-to-left scripts (a name or a note in Arabic or Hebrew). Mixed
    /// text such as "דוד כהן: Recommend…" keeps the document's left-to-right direction, with the Hebrew run inside it
    /// still drawn right to left, so English labels around a name read as written.
    /// </summary>
    public static bool IsRightToLeft(string text)
    {
        var right = false;
        foreach (var rune in text.EnumerateRunes())
        {
            switch (Classify(rune))
            {
                case Kind.Right:
                    right = true;
                    break;
                case Kind.Left:
                    return false;
            }
        }

        return right;
    }

    public static ShapedLine Shape(string text, PdfFontStyle style, float size, bool rightToLeft, DocumentFonts fonts, ISet<string> missing)
    {
        if (text.Length == 0)
        {
            return new ShapedLine([], 0f);
        }

        var runes = new List<(Rune Rune, Kind Kind)>(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var kind = Classify(rune);
            // Combining marks and joiners belong with the character before them.
            if (runes.Count > 0 && IsAttached(rune))
            {
                kind = runes[^1].Kind;
            }

            runes.Add((rune, kind));
        }

        var levels = Levels(runes, rightToLeft);

        // Runs of equal level and font.
        var runs = new List<(int Level, DocumentFonts.Face Face, StringBuilder Text)>();
        DocumentFonts.Face? current = null;
        var currentLevel = -1;
        for (var i = 0; i < runes.Count; i++)
        {
            var (rune, _) = runes[i];
            var attached = i > 0 && IsAttached(rune);
            var face = attached && current is not null ? current : fonts.For(rune.Value, style, current);
            var shown = rune;
            if (face is null)
            {
                missing.Add(Scripts.Name(rune.Value));
                face = fonts.Primary(style);
                shown = new Rune(DocumentFonts.Replacement);
            }

            if (face != current || levels[i] != currentLevel)
            {
                runs.Add((levels[i], face, new StringBuilder()));
                current = face;
                currentLevel = levels[i];
            }

            runs[^1].Text.Append(shown.ToString());
        }

        var shaped = runs.Select(r => (r.Level, Run: ShapeRun(r.Face, r.Text.ToString(), (r.Level & 1) == 1, size))).ToList();

        // Unicode bidi rule L2: from the highest level down to the lowest odd one, reverse every sequence at that level or above.
        var highest = shaped.Max(r => r.Level);
        var lowestOdd = shaped.Where(r => (r.Level & 1) == 1).Select(r => r.Level).DefaultIfEmpty(int.MaxValue).Min();
        for (var level = highest; level >= lowestOdd && level > 0; level--)
        {
            var start = 0;
            while (start < shaped.Count)
            {
                if (shaped[start].Level < level)
                {
                    start++;
                    continue;
                }

                var end = start;
                while (end < shaped.Count && shaped[end].Level >= level)
                {
                    end++;
                }

                shaped.Reverse(start, end - start);
                start = end;
            }
        }

        return new ShapedLine([.. shaped.Select(s => s.Run)], shaped.Sum(s => s.Run.Width));
    }

    public static SKFont Font(DocumentFonts.Face face, float size) =>
        new(face.Typeface, size) { Subpixel = true, LinearMetrics = true, Hinting = SKFontHinting.None };

    private static GlyphRun ShapeRun(DocumentFonts.Face face, string text, bool rtl, float size)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        using var buffer = new HarfBuzzSharp.Buffer();
        buffer.AddUtf8(utf8);
        buffer.Direction = rtl ? Direction.RightToLeft : Direction.LeftToRight;
        buffer.GuessSegmentProperties();
        using var font = Font(face, size);
        var result = face.Shaper.Shape(buffer, 0, 0, font);
        var glyphs = new ushort[result.Codepoints.Length];
        for (var g = 0; g < glyphs.Length; g++)
        {
            glyphs[g] = (ushort)result.Codepoints[g];
        }

        return new GlyphRun(face, glyphs, result.Points, utf8, result.Clusters, result.Width);
    }

    /// <summary>Bidi levels, simplified: strong letters, digits (weak: they follow the letters before them) and neutrals between.</summary>
    private static int[] Levels(List<(Rune Rune, Kind Kind)> runes, bool rightToLeft)
    {
        var baseLevel = rightToLeft ? 1 : 0;
        var direction = new Kind[runes.Count];

        // Digits take the direction of the last strong letter: inside Arabic or Hebrew text they stay a left-to-right
        // number placed right to left.
        var lastStrong = rightToLeft ? Kind.Right : Kind.Left;
        for (var i = 0; i < runes.Count; i++)
        {
            var kind = runes[i].Kind;
            if (kind is Kind.Left or Kind.Right)
            {
                lastStrong = kind;
            }

            direction[i] = kind == Kind.Number && lastStrong == Kind.Right ? Kind.Number : kind == Kind.Number ? Kind.Left : kind;
        }

        var levels = new int[runes.Count];
        for (var i = 0; i < runes.Count; i++)
        {
            var kind = direction[i];
            if (kind == Kind.Neutral)
            {
                // Neutrals between two runs of the same direction take it; otherwise the paragraph's.
                var before = Surrounding(direction, i, -1, rightToLeft);
                var after = Surrounding(direction, i, 1, rightToLeft);
                kind = before == after ? before : rightToLeft ? Kind.Right : Kind.Left;
            }

            levels[i] = kind switch
            {
                Kind.Right => 1,
                Kind.Number => 2,
                _ => baseLevel == 0 ? 0 : 2,
            };
        }

        return levels;
    }

    private static Kind Surrounding(Kind[] direction, int from, int step, bool rightToLeft)
    {
        for (var i = from + step; i >= 0 && i < direction.Length; i += step)
        {
            switch (direction[i])
            {
                case Kind.Left:
                    return Kind.Left;
                case Kind.Right or Kind.Number:
                    return Kind.Right;
            }
        }

        return rightToLeft ? Kind.Right : Kind.Left;
    }

    private static Kind Classify(Rune rune)
    {
        var c = rune.Value;
        if (c is (>= 0x0590 and <= 0x08FF) or (>= 0xFB1D and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFF) or (>= 0x10800 and <= 0x10FFF) or (>= 0x1E800 and <= 0x1EFFF))
        {
            // Hebrew, Arabic, Syriac, Thaana, N'Ko…, their presentation forms; Arabic-Indic digits count as numbers.
            return c is (>= 0x0660 and <= 0x0669) or (>= 0x06F0 and <= 0x06F9) ? Kind.Number
                : Rune.IsLetter(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.OtherLetter ? Kind.Right
                : Kind.Neutral;
        }

        if (Rune.IsDigit(rune))
        {
            return Kind.Number;
        }

        return Rune.IsLetter(rune) ? Kind.Left : Kind.Neutral;
    }

    private static bool IsAttached(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark
        || rune.Value is 0x200D or 0x200C or (>= 0xFE00 and <= 0xFE0F);
}
