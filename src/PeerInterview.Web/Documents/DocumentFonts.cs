using System.Collections.Concurrent;
using System.Text;
using HarfBuzzSharp;
using Microsoft.Extensions.Logging.Abstractions;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace PeerInterview.Web.Documents;

public enum PdfFontStyle
{
    Regular,
    Bold,
    Italic,
}

/// <summary>
/// The fonts every document uses, loaded once per process: the shipped Noto Sans (Latin with Vietnamese and Central
/// European letters, Greek, Cyrillic; regular, bold, italic), Noto Sans Arabic and Noto Sans Hebrew (regular, bold), from <c>Fonts/</c>
/// beside the app; for a character none of them has (Chinese, Japanese, Korean, Devanagari…), a system font found
/// through fontconfig (<see cref="SKFontManager.MatchCharacter(string, SKFontStyle, string[], int)"/>), remembered
/// per character. Typefaces and their HarfBuzz shapers are immutable and shared by every document and thread.
/// </summary>
public sealed class DocumentFonts
{
    public const int Replacement = 0xFFFD;

    private static readonly Lazy<DocumentFonts> SharedInstance = new(() => new DocumentFonts(useSystemFallback: true));

    private readonly Face[] regular;
    private readonly Face[] bold;
    private readonly Face[] italic;
    private readonly bool useSystemFallback;
    private readonly ConcurrentDictionary<(int CodePoint, bool Bold), Face?> fallback = new();
    private readonly ConcurrentDictionary<SKTypeface, Face> systemFaces = new();

    /// <param name="useSystemFallback">False in tests that need to see what happens on a machine without extra fonts.</param>
    public DocumentFonts(bool useSystemFallback, string? directory = null)
    {
        this.useSystemFallback = useSystemFallback;
        directory ??= Path.Combine(AppContext.BaseDirectory, "Fonts");
        regular = [Load(directory, "NotoSans-Regular.ttf"), Load(directory, "NotoSansArabic-Regular.ttf"), Load(directory, "NotoSansHebrew-Regular.ttf")];
        bold = [Load(directory, "NotoSans-Bold.ttf"), Load(directory, "NotoSansArabic-Bold.ttf"), Load(directory, "NotoSansHebrew-Bold.ttf")];
        // Arabic and Hebrew have no italic: their upright faces serve.
        italic = [Load(directory, "NotoSans-Italic.ttf"), regular[1], regular[2]];
    }

    /// <summary>The process-wide fonts (shipped fonts plus system fallback).</summary>
    public static DocumentFonts Shared => SharedInstance.Value;

    /// <summary>Where documents log a missing script; set once at start-up (Program.cs).</summary>
    public static ILogger Logger { get; set; } = NullLogger.Instance;

    /// <summary>The face that draws <paramref name="codePoint"/>, preferring <paramref name="current"/> so runs stay whole; null if no font has it.</summary>
    internal Face? For(int codePoint, PdfFontStyle style, Face? current)
    {
        if (current is not null && current.Has(codePoint))
        {
            return current;
        }

        var isBold = style == PdfFontStyle.Bold;
        foreach (var face in Faces(style))
        {
            if (face.Has(codePoint))
            {
                return face;
            }
        }

        return useSystemFallback ? fallback.GetOrAdd((codePoint, isBold), key => FindSystemFace(key.CodePoint, key.Bold)) : null;
    }

    internal Face Primary(PdfFontStyle style) => Faces(style)[0];

    private Face[] Faces(PdfFontStyle style) => style switch
    {
        PdfFontStyle.Bold => bold,
        PdfFontStyle.Italic => italic,
        _ => regular,
    };

    private Face? FindSystemFace(int codePoint, bool isBold)
    {
        var style = isBold ? SKFontStyle.Bold : SKFontStyle.Normal;
        var typeface = SKFontManager.Default.MatchCharacter(null, style, Languages(codePoint), codePoint);
        using var probe = typeface is null ? null : new SKFont(typeface);
        if (typeface is null || probe is null || !probe.ContainsGlyph(codePoint))
        {
            typeface?.Dispose();
            return null;
        }

        // fontconfig hands back a new SKTypeface per call; keep one Face (and shaper) per font file and index.
        var key = systemFaces.Keys.FirstOrDefault(t => t.FamilyName == typeface.FamilyName && t.FontStyle.Weight == typeface.FontStyle.Weight && t.FontStyle.Slant == typeface.FontStyle.Slant);
        if (key is not null)
        {
            typeface.Dispose();
            return systemFaces[key];
        }

        return systemFaces.GetOrAdd(typeface, t => new Face(t));
    }

    /// <summary>A language hint so Han characters get the Simplified Chinese forms rather than whichever CJK face comes first.</summary>
    private static string[] Languages(int codePoint) => Scripts.Name(codePoint) switch
    {
        "Han" => ["zh-Hans", "ja", "ko"],
        "Hiragana" or "Katakana" => ["ja"],
        "Hangul" => ["ko"],
        _ => [],
    };

    private static Face Load(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        var typeface = SKTypeface.FromFile(path)
            ?? throw new FileNotFoundException($"The font {file} that every PDF needs is missing from {directory} (it ships with the app).", path);
        return new Face(typeface);
    }

    /// <summary>A typeface with its HarfBuzz shaper and a cache of which characters it has.</summary>
    internal sealed class Face : IDisposable
    {
        private readonly ConcurrentDictionary<int, bool> has = new();
        private readonly SKFont lookup;

        public Face(SKTypeface typeface)
        {
            Typeface = typeface;
            Shaper = new SKShaper(typeface);
            lookup = new SKFont(typeface);
        }

        public SKTypeface Typeface { get; }

        public SKShaper Shaper { get; }

        public void Dispose()
        {
            lookup.Dispose();
            Shaper.Dispose();
            Typeface.Dispose();
        }

        public bool Has(int codePoint) => has.GetOrAdd(codePoint, c => lookup.ContainsGlyph(c));
    }
}

/// <summary>Names the script of a character for the one warning a document logs when no font can draw it (never the text itself).</summary>
public static class Scripts
{
    private static readonly (int From, int To, string Name)[] Ranges =
    [
        (0x0530, 0x058F, "Armenian"), (0x0590, 0x05FF, "Hebrew"), (0x0600, 0x06FF, "Arabic"), (0x0700, 0x074F, "Syriac"),
        (0x0780, 0x07BF, "Thaana"), (0x0900, 0x097F, "Devanagari"), (0x0980, 0x09FF, "Bengali"), (0x0A00, 0x0A7F, "Gurmukhi"),
        (0x0A80, 0x0AFF, "Gujarati"), (0x0B00, 0x0B7F, "Oriya"), (0x0B80, 0x0BFF, "Tamil"), (0x0C00, 0x0C7F, "Telugu"),
        (0x0C80, 0x0CFF, "Kannada"), (0x0D00, 0x0D7F, "Malayalam"), (0x0D80, 0x0DFF, "Sinhala"), (0x0E00, 0x0E7F, "Thai"),
        (0x0E80, 0x0EFF, "Lao"), (0x0F00, 0x0FFF, "Tibetan"), (0x1000, 0x109F, "Myanmar"), (0x10A0, 0x10FF, "Georgian"),
        (0x1100, 0x11FF, "Hangul"), (0x1200, 0x139F, "Ethiopic"), (0x13A0, 0x13FF, "Cherokee"), (0x1780, 0x17FF, "Khmer"),
        (0x1800, 0x18AF, "Mongolian"), (0x2E80, 0x2FDF, "Han"), (0x3000, 0x303F, "CJK punctuation"), (0x3040, 0x309F, "Hiragana"),
        (0x30A0, 0x30FF, "Katakana"), (0x3100, 0x312F, "Bopomofo"), (0x3130, 0x318F, "Hangul"), (0x3400, 0x4DBF, "Han"),
        (0x4E00, 0x9FFF, "Han"), (0xA000, 0xA4CF, "Yi"), (0xAC00, 0xD7AF, "Hangul"), (0xF900, 0xFAFF, "Han"),
        (0xFF00, 0xFFEF, "Halfwidth and fullwidth forms"), (0x1F000, 0x1FAFF, "Emoji and symbols"), (0x20000, 0x3134F, "Han"),
    ];

    public static string Name(int codePoint)
    {
        foreach (var (from, to, name) in Ranges)
        {
            if (codePoint >= from && codePoint <= to)
            {
                return name;
            }
        }

        return Rune.IsValid(codePoint) ? $"an unnamed script (block near U+{codePoint & ~0x7F:X4})" : "an invalid character";
    }
}
