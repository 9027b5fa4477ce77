using System.Text;

namespace PeerInterview.Web.Infrastructure.Pdf;

/// <summary>
/// Windows-1252 as PDF's WinAnsiEncoding, hand-mapped so no code-page provider has to be registered.
/// Text that cannot be shown in the standard fonts becomes '?'.
/// </summary>
public static class WinAnsiEncoding
{
    private const char Unmapped = '?';

    // 0x80–0x9F are the only code points where Windows-1252 differs from Latin-1.
    private static readonly Dictionary<char, byte> Specials = new()
    {
        ['€'] = 0x80, ['‚'] = 0x82, ['ƒ'] = 0x83, ['„'] = 0x84, ['…'] = 0x85, ['†'] = 0x86, ['‡'] = 0x87,
        ['ˆ'] = 0x88, ['‰'] = 0x89, ['Š'] = 0x8A, ['‹'] = 0x8B, ['Œ'] = 0x8C, ['Ž'] = 0x8E,
        ['‘'] = 0x91, ['’'] = 0x92, ['“'] = 0x93, ['”'] = 0x94, ['•'] = 0x95, ['–'] = 0x96, ['—'] = 0x97,
        ['˜'] = 0x98, ['™'] = 0x99, ['š'] = 0x9A, ['›'] = 0x9B, ['œ'] = 0x9C, ['ž'] = 0x9E, ['Ÿ'] = 0x9F,
    };

    // Characters with no WinAnsi glyph that have an obvious stand-in.
    private static readonly Dictionary<char, string> Substitutes = new()
    {
        ['\u2010'] = "-", ['\u2011'] = "-", ['\u2012'] = "–", ['\u2015'] = "—", ['\u2212'] = "-",
        ['\u2032'] = "'", ['\u2033'] = "\"", ['\u2022'] = "•", ['\u2023'] = "•", ['\u2043'] = "-",
        ['\u2002'] = " ", ['\u2003'] = " ", ['\u2009'] = " ", ['\u200A'] = " ", ['\u202F'] = "\u00A0",
        ['\u2192'] = "->", ['\u2190'] = "<-", ['\u2264'] = "<=", ['\u2265'] = ">=", ['\u2260'] = "!=",
    };

    /// <summary>The WinAnsi byte for a character; '?' when the standard fonts have no glyph for it.</summary>
    public static byte Encode(char c) => TryEncode(c, out var b) ? b : (byte)Unmapped;

    public static bool TryEncode(char c, out byte value)
    {
        if ((c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c <= 0xFF))
        {
            value = (byte)c;
            return true;
        }

        return Specials.TryGetValue(c, out value);
    }

    /// <summary>
    /// Text ready for layout: NFC, '\n' line ends, tabs as spaces, no control or zero-width characters,
    /// and every remaining character encodable (others become '?', one per code point).
    /// </summary>
    public static string Sanitize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var normalized = text.Normalize(NormalizationForm.FormC).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var sb = new StringBuilder(normalized.Length);
        foreach (var rune in normalized.EnumerateRunes())
        {
            if (rune.Value == '\n')
            {
                sb.Append('\n');
            }
            else if (rune.Value == '\t')
            {
                sb.Append(' ');
            }
            else if (rune.Value is 0xAD or 0x200B or 0x200C or 0x200D or 0xFEFF || Rune.IsControl(rune))
            {
                // Soft hyphens, zero-width marks and control characters have nothing to draw.
            }
            else if (rune.IsBmp && TryEncode((char)rune.Value, out _))
            {
                sb.Append((char)rune.Value);
            }
            else if (rune.IsBmp && Substitutes.TryGetValue((char)rune.Value, out var substitute))
            {
                sb.Append(substitute);
            }
            else
            {
                sb.Append(Unmapped);
            }
        }

        return sb.ToString();
    }
}
