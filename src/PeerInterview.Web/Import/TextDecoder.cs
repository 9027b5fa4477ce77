using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace PeerInterview.Web.Import;

/// <summary>Decoded document text (LF line endings, invisible junk removed) and the encoding it was read with.</summary>
internal readonly record struct DecodedText(string Text, string EncodingName);

/// <summary>
/// Turns uploaded bytes into clean text: BOM sniffing, then strict UTF-8, then Windows-1252.
/// Refuses binary data and bytes that no supported encoding can explain.
/// </summary>
internal static class TextDecoder
{
    // Created on first use: registering the code-page provider is only worth it for files that are not UTF-8.
    private static readonly Lazy<Encoding> Windows1252 = new(CreateWindows1252);

    private static readonly SearchValues<char> ControlCharacters = SearchValues.Create(
        "\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFD");

    // Line-ending, invisible and space characters that Clean rewrites or removes.
    private static readonly SearchValues<char> NeedsCleaning = SearchValues.Create(
        "\0\r\f\u00A0\u202F\u2007\u00AD\u200B\u200C\u200D\u200E\u200F\u2060\uFEFF\uFE00\uFE01\uFE02\uFE03\uFE04\uFE05\uFE06\uFE07\uFE08\uFE09\uFE0A\uFE0B\uFE0C\uFE0D\uFE0E\uFE0F");

    // Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D have no character in Windows-1252; text containing them is not 1252.
    private static ReadOnlySpan<byte> UndefinedIn1252 => [0x81, 0x8D, 0x8F, 0x90, 0x9D];

    public static DecodedText Decode(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);

        string raw;
        string name;
        if (content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            raw = DecodeStrictUtf8(content.AsSpan(3));
            name = "utf-8-bom";
        }
        else if (content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            raw = DecodeStrictUtf16(content.AsSpan(2), bigEndian: false);
            name = "utf-16le";
        }
        else if (content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            raw = DecodeStrictUtf16(content.AsSpan(2), bigEndian: true);
            name = "utf-16be";
        }
        else
        {
            if (LooksBinary(content))
            {
                throw Binary();
            }

            if (Utf8.IsValid(content))
            {
                raw = Encoding.UTF8.GetString(content);
                name = "utf-8";
            }
            else if (content.AsSpan().IndexOfAny(UndefinedIn1252) < 0)
            {
                raw = Windows1252.Value.GetString(content);
                name = "windows-1252";
            }
            else
            {
                throw Undecodable();
            }
        }

        if (HasTooManyControlCharacters(raw))
        {
            throw Binary();
        }

        return new DecodedText(Clean(raw), name);
    }

    private static Encoding CreateWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    private static string DecodeStrictUtf8(ReadOnlySpan<byte> bytes)
    {
        if (!Utf8.IsValid(bytes))
        {
            throw Undecodable();
        }

        return Encoding.UTF8.GetString(bytes);
    }

    private static string DecodeStrictUtf16(ReadOnlySpan<byte> bytes, bool bigEndian)
    {
        if (bytes.Length % 2 != 0)
        {
            throw Undecodable();
        }

        try
        {
            return new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Undecodable();
        }
    }

    /// <summary>NUL bytes never occur in 8-bit text; a high share of other control bytes means it is not prose.</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Contains((byte)0))
        {
            return true;
        }

        var sample = bytes.Length > 65536 ? bytes[..65536] : bytes;
        var control = 0;
        foreach (var b in sample)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C))
            {
                control++;
            }
        }

        return control > 2 && control * 50 > sample.Length;
    }

    private static bool HasTooManyControlCharacters(string text)
    {
        var span = text.AsSpan();
        if (span.Contains('\0'))
        {
            return true;
        }

        // Control characters are rare in text, so jumping between them with a vectorised search is cheap.
        var control = 0;
        for (var at = span.IndexOfAny(ControlCharacters); at >= 0; at = span.IndexOfAny(ControlCharacters))
        {
            control++;
            span = span[(at + 1)..];
        }

        return control > 2 && control * 50 > text.Length;
    }

    /// <summary>LF line endings; drop NULs (PostgreSQL refuses them in text), zero-width characters, variation selectors and stray BOMs; NBSP becomes a space.</summary>
    internal static string Clean(string text)
    {
        var span = text.AsSpan();
        var next = span.IndexOfAny(NeedsCleaning);
        if (next < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        while (next >= 0)
        {
            sb.Append(span[..next]);
            var c = span[next];
            var skip = 1;
            switch (c)
            {
                case '\r':
                    sb.Append('\n');
                    if (next + 1 < span.Length && span[next + 1] == '\n')
                    {
                        skip = 2;
                    }

                    break;
                case '\f':
                    sb.Append('\n');
                    break;
                case '\u00A0' or '\u202F' or '\u2007':
                    sb.Append(' ');
                    break;
            }

            span = span[(next + skip)..];
            next = span.IndexOfAny(NeedsCleaning);
        }

        sb.Append(span);
        return sb.ToString();
    }

    private static ImportRejectedException Binary() => new(
        ImportRejection.Binary,
        "The file looks like a binary file (for example an image, a PDF or a Word document), not text. Upload a plain-text or Markdown document.");

    private static ImportRejectedException Undecodable() => new(
        ImportRejection.Undecodable,
        "The file's text encoding could not be recognised (it is not valid UTF-8, UTF-16 or Windows-1252). Save it as UTF-8 and upload it again.");
}
