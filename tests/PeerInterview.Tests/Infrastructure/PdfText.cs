using System.Text;

namespace PeerInterview.Tests.Infrastructure;

/// <summary>
/// Reads back the text of an uncompressed PDF the way a reader would show it: the string operands of
/// Tj / TJ / ' / " in the content streams, unescaped and decoded from WinAnsi (Windows-1252).
/// </summary>
public static class PdfText
{
    private static readonly Encoding WinAnsi = CreateWinAnsi();

    /// <summary>Every shown string in document order, one per line.</summary>
    public static string Extract(byte[] pdf) => string.Join("\n", Strings(pdf));

    /// <summary>The same text with all whitespace (including line breaks from wrapping) collapsed to single spaces.</summary>
    public static string Flow(byte[] pdf) =>
        string.Join(" ", Extract(pdf).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Shown strings per page content stream, in order.</summary>
    public static IReadOnlyList<string> Pages(byte[] pdf) =>
        [.. ContentStreams(pdf).Select(stream => string.Join("\n", ShownStrings(stream)))];

    public static IReadOnlyList<string> Strings(byte[] pdf) => [.. ContentStreams(pdf).SelectMany(ShownStrings)];

    private static IEnumerable<byte[]> ContentStreams(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var at = 0;
        while ((at = text.IndexOf("stream\n", at, StringComparison.Ordinal)) >= 0)
        {
            if (at >= 3 && text.AsSpan(at - 3, 3).SequenceEqual("end"))
            {
                at += 7;
                continue;
            }

            var start = at + "stream\n".Length;
            var end = text.IndexOf("endstream", start, StringComparison.Ordinal);
            yield return pdf[start..end];
            at = end + "endstream".Length;
        }
    }

    private static IEnumerable<string> ShownStrings(byte[] content)
    {
        var pending = new List<string>();
        var i = 0;
        while (i < content.Length)
        {
            var c = (char)content[i];
            if (c == '(')
            {
                pending.Add(WinAnsi.GetString(ReadLiteral(content, ref i)));
            }
            else if (c == '[' || c == ']' || char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '%')
            {
                while (i < content.Length && content[i] != '\n')
                {
                    i++;
                }
            }
            else
            {
                var start = i;
                while (i < content.Length && !char.IsWhiteSpace((char)content[i]) && "()[]<>/%".IndexOf((char)content[i]) < 0)
                {
                    i++;
                }

                if (i == start)
                {
                    i++;
                }

                var token = Encoding.ASCII.GetString(content, start, i - start);
                if (token is "Tj" or "TJ" or "'" or "\"")
                {
                    if (pending.Count > 0)
                    {
                        yield return string.Concat(pending);
                    }
                }

                // Any operator consumes the operands before it.
                if (token.Length > 0 && (char.IsLetter(token[0]) || token[0] is '\'' or '"' or '*'))
                {
                    pending.Clear();
                }
            }
        }
    }

    private static byte[] ReadLiteral(byte[] content, ref int i)
    {
        var bytes = new List<byte>();
        var depth = 0;
        i++;
        while (i < content.Length)
        {
            var b = content[i++];
            if (b == '\\')
            {
                var next = content[i++];
                switch ((char)next)
                {
                    case 'n': bytes.Add((byte)'\n'); break;
                    case 'r': bytes.Add((byte)'\r'); break;
                    case 't': bytes.Add((byte)'\t'); break;
                    case 'b': bytes.Add(8); break;
                    case 'f': bytes.Add(12); break;
                    case '\n': break;
                    case >= '0' and <= '7':
                        var value = next - '0';
                        for (var k = 0; k < 2 && i < content.Length && content[i] is >= (byte)'0' and <= (byte)'7'; k++)
                        {
                            value = (value * 8) + (content[i++] - '0');
                        }

                        bytes.Add((byte)value);
                        break;
                    default: bytes.Add(next); break;
                }
            }
            else if (b == '(')
            {
                depth++;
                bytes.Add(b);
            }
            else if (b == ')')
            {
                if (depth == 0)
                {
                    break;
                }

                depth--;
                bytes.Add(b);
            }
            else
            {
                bytes.Add(b);
            }
        }

        return [.. bytes];
    }

    private static Encoding CreateWinAnsi()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
