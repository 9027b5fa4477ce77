using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PeerInterview.Tests.Import;

namespace PeerInterview.Tests.Properties;

/// <summary>A hostile upload: its bytes and, for failure messages, how it was made.</summary>
public sealed record HostileDocument(string How, byte[] Content)
{
    public override string ToString() => $"{How} ({Content.Length:N0} bytes)";
}

/// <summary>
/// FsCheck generators for importer input: random bytes, random text in several encodings, and the five seed documents
/// mutated (truncated, bytes flipped, lines shuffled, dropped or repeated, control characters and NULs inserted, huge lines).
/// </summary>
public static class HostileDocuments
{
    private static readonly Lazy<byte[][]> Seeds = new(() => [.. SeedDocuments.Prefixes.Select(SeedDocuments.Read)]);

    private static readonly string[] Controls = ["\0", "\u0001", "\u0007", "\b", "\u000b", "\f", "\u001b", "\u007f", "\u0085", "\u2028", "\u2029", "\ufeff", "\ufffd", "\r", "\t", "\0\0\0\0"];

    public static Arbitrary<HostileDocument> Any() => Arb.From(Gen.Frequency(
        (1, RandomBytes()),
        (2, RandomText()),
        (5, MutatedSeed())));

    public static Gen<HostileDocument> RandomBytes() =>
        Gen.Choose(0, 4096).SelectMany(length => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), length))
            .Select(bytes => new HostileDocument("random bytes", bytes));

    public static Gen<HostileDocument> RandomText() =>
        from count in Gen.Choose(0, 60)
        from lines in Gen.ArrayOf(Line(), count)
        from encoding in Gen.Elements("utf-8", "utf-8-bom", "utf-16le", "utf-16be", "latin1")
        from newline in Gen.Elements("\n", "\r\n", "\r")
        select new HostileDocument($"random text in {encoding}", Encode(string.Join(newline, lines), encoding));

    public static Gen<HostileDocument> MutatedSeed() =>
        from seed in Gen.Choose(0, 4)
        from mutations in Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(AnyChange(), n))
        select Apply(seed, mutations);

    private static Gen<string> Line() => Gen.Frequency(
        (4, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "")),
        (2, Gen.Elements("Question 1:", "Q2.", "Competency: Boundaries", "Red flags:", "- Blames others", "Purpose:", "Guidance:", "# Heading", "Sample answer:", "1.", "", "   ", "Tell me about a time you supported someone in crisis?")),
        (1, Gen.Elements(Controls)),
        (1, Gen.Choose(1, 5000).Select(n => new string('Q', n))));

    private sealed record Change(int Kind, int A, int B);

    private static Gen<Change> AnyChange() =>
        from kind in Gen.Choose(0, 7)
        from a in Gen.Choose(0, int.MaxValue)
        from b in Gen.Choose(0, int.MaxValue)
        select new Change(kind, a, b);

    private static HostileDocument Apply(int seed, Change[] mutations)
    {
        var bytes = Seeds.Value[seed].ToList();
        var how = new List<string>();
        foreach (var m in mutations)
        {
            var random = new Random(m.A ^ m.B);
            switch (m.Kind)
            {
                case 0:
                    var keep = bytes.Count == 0 ? 0 : m.A % bytes.Count;
                    bytes.RemoveRange(keep, bytes.Count - keep);
                    how.Add($"truncated at {keep}");
                    break;
                case 1:
                    var flips = 1 + (m.B % 20);
                    for (var i = 0; i < flips && bytes.Count > 0; i++)
                    {
                        var at = random.Next(bytes.Count);
                        bytes[at] ^= (byte)(1 << random.Next(8));
                    }

                    how.Add($"{flips} bits flipped");
                    break;
                case 2:
                    bytes = Lines(bytes, lines => [.. lines.OrderBy(_ => random.Next())]);
                    how.Add("lines shuffled");
                    break;
                case 3:
                    var insert = Encoding.UTF8.GetBytes(Controls[m.B % Controls.Length]);
                    var count = 1 + (m.A % 50);
                    for (var i = 0; i < count; i++)
                    {
                        bytes.InsertRange(random.Next(bytes.Count + 1), insert);
                    }

                    how.Add($"{count} control characters inserted");
                    break;
                case 4:
                    var length = m.B % 10 == 0 ? 2_100_000 : 10_000 + (m.A % 400_000); // sometimes past the 2 MB limit
                    bytes.InsertRange(bytes.Count == 0 ? 0 : random.Next(bytes.Count), Encoding.UTF8.GetBytes("Question: " + new string('x', length) + "\n"));
                    how.Add($"a {length:N0}-character line");
                    break;
                case 5:
                    bytes = Lines(bytes, lines => [.. lines.Where(_ => random.Next(4) != 0)]);
                    how.Add("a quarter of the lines dropped");
                    break;
                case 6:
                    bytes = Lines(bytes, lines => [.. lines.SelectMany(l => random.Next(10) == 0 ? Enumerable.Repeat(l, 1 + random.Next(30)) : [l])]);
                    how.Add("lines repeated");
                    break;
                default:
                    bytes.InsertRange(bytes.Count == 0 ? 0 : random.Next(bytes.Count), [0xC3, 0x28, 0xFF, 0xFE, 0xA0, 0xE2, 0x82]);
                    how.Add("invalid UTF-8 inserted");
                    break;
            }
        }

        return new HostileDocument($"seed {seed}: {string.Join(", ", how)}", [.. bytes]);
    }

    private static List<byte> Lines(List<byte> bytes, Func<List<byte[]>, List<byte[]>> change)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < bytes.Count; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lines.Add([.. bytes.GetRange(start, i - start + 1)]);
                start = i + 1;
            }
        }

        lines.Add([.. bytes.GetRange(start, bytes.Count - start)]);
        return [.. change(lines).SelectMany(l => l)];
    }

    private static byte[] Encode(string text, string encoding) => encoding switch
    {
        "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
        "utf-16le" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
        "utf-16be" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
        "latin1" => Encoding.Latin1.GetBytes(text),
        _ => Encoding.UTF8.GetBytes(text),
    };
}
