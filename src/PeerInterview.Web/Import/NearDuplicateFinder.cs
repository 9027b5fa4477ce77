namespace PeerInterview.Web.Import;

/// <summary>
/// Groups questions that say the same thing in different words ("How do you stay updated on best practices in peer
/// support?" / "What strategies do you use to stay updated on best practices…"). Similarity is the Jaccard index of
/// content-word stems; pairs above the threshold are joined with union-find. Candidate pairs come from an inverted
/// index over each question's rarest words, skipping words found in more than 5% of a large bank, so 10,000
/// questions take well under a second.
/// </summary>
public static class NearDuplicateFinder
{
    /// <summary>Two questions whose content-word stems overlap at least this much are near-duplicates.</summary>
    public const double Threshold = 0.5;

    /// <summary>Questions with fewer content words than this only match identical ones.</summary>
    private const int MinTokensForFuzzyMatch = 2;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "being", "between",
        "both", "but", "by", "can", "could", "did", "do", "does", "doing", "during", "each", "else", "for", "from",
        "give", "had", "has", "have", "how", "i", "if", "in", "into", "is", "it", "its", "me", "more", "most", "my",
        "of", "on", "one", "or", "other", "our", "out", "over", "own", "so", "some", "such", "than", "that", "the",
        "their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "up", "us", "very",
        "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would",
        "you", "your", "yours", "yourself", "tell", "describe", "share", "explain", "example", "time", "times",
        "please", "walk",

        // Words nearly every question in this domain uses; they say nothing about what is asked.
        "peer", "peers", "support", "supporting", "supported", "specialist", "specialists", "client", "clients",
        "someone", "person", "individual", "individuals", "role", "work", "working", "approach", "strategy",
        "strategies", "technique", "techniques", "use", "using", "handle", "handling", "situation", "situations",
        "certified", "experience", "experiences", "process", "effective", "effectively", "specific",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordLookup = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    public static IReadOnlyList<IReadOnlyList<TKey>> FindGroups<TKey>(IReadOnlyList<(TKey Key, string Text)> items)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(items);
        var n = items.Count;
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var tokenSets = new int[n][];
        var ids = new List<int>();
        for (var i = 0; i < n; i++)
        {
            ids.Clear();
            foreach (var token in Tokens(items[i].Text))
            {
                if (!vocabulary.TryGetValue(token, out var id))
                {
                    id = vocabulary.Count;
                    vocabulary[token] = id;
                }

                ids.Add(id);
            }

            ids.Sort();
            tokenSets[i] = Unique(ids);
        }

        var frequency = new int[vocabulary.Count];
        foreach (var set in tokenSets)
        {
            foreach (var token in set)
            {
                frequency[token]++;
            }
        }

        // Tokens in more than 5% of a large bank only create candidate pairs that fail the threshold anyway.
        var maxFrequency = Math.Max(50, n / 20);
        var postings = new List<int>[vocabulary.Count];
        var parent = Enumerable.Range(0, n).ToArray();
        var seenBy = new int[n];
        Array.Fill(seenBy, -1);

        for (var i = 0; i < n; i++)
        {
            var a = tokenSets[i];
            if (a.Length == 0)
            {
                continue;
            }

            // Prefix filtering: two sets with Jaccard ≥ t must share one of their rarest |x| − ⌈t·|x|⌉ + 1 tokens,
            // so only those are indexed and probed.
            var prefix = Prefix(a, frequency);
            foreach (var token in prefix)
            {
                if (frequency[token] > maxFrequency || postings[token] is not { } list)
                {
                    continue;
                }

                foreach (var j in list)
                {
                    if (seenBy[j] == i)
                    {
                        continue;
                    }

                    seenBy[j] = i;
                    if (IsNearDuplicate(a, tokenSets[j]))
                    {
                        Union(parent, i, j);
                    }
                }
            }

            foreach (var token in prefix)
            {
                if (frequency[token] <= maxFrequency)
                {
                    (postings[token] ??= []).Add(i);
                }
            }
        }

        var groups = new Dictionary<int, List<TKey>>();
        var order = new List<int>();
        for (var i = 0; i < n; i++)
        {
            var root = Find(parent, i);
            if (!groups.TryGetValue(root, out var group))
            {
                groups[root] = group = [];
                order.Add(root);
            }

            group.Add(items[i].Key);
        }

        return order.Select(r => groups[r]).Where(g => g.Count >= 2).Select(g => (IReadOnlyList<TKey>)g).ToList();
    }

    /// <summary>Lower-case content-word stems joined by spaces, e.g. "stay updat best practic".</summary>
    public static string Normalise(string text) => string.Join(' ', Tokens(text ?? string.Empty));

    /// <summary>Jaccard similarity of two texts' content-word stems (0 to 1).</summary>
    public static double Similarity(string first, string second)
    {
        var a = Tokens(first).ToHashSet(StringComparer.Ordinal);
        var b = Tokens(second).ToHashSet(StringComparer.Ordinal);
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    private static int[] Prefix(int[] set, int[] frequency)
    {
        var keep = set.Length < MinTokensForFuzzyMatch
            ? 1
            : set.Length - (int)Math.Ceiling((Threshold * set.Length) - 1e-9) + 1;
        return [.. set.OrderBy(t => frequency[t]).ThenBy(t => t).Take(keep)];
    }

    private static int[] Unique(List<int> sorted)
    {
        var unique = new List<int>(sorted.Count);
        foreach (var id in sorted)
        {
            if (unique.Count == 0 || unique[^1] != id)
            {
                unique.Add(id);
            }
        }

        return [.. unique];
    }

    private static bool IsNearDuplicate(int[] a, int[] b)
    {
        var shared = 0;
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                shared++;
                x++;
                y++;
            }
            else if (a[x] < b[y])
            {
                x++;
            }
            else
            {
                y++;
            }
        }

        var union = a.Length + b.Length - shared;
        if (Math.Min(a.Length, b.Length) < MinTokensForFuzzyMatch)
        {
            return shared == union;
        }

        return shared >= Threshold * union;
    }

    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        Span<char> word = stackalloc char[48];
        var length = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var ch = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(ch))
            {
                if (length < word.Length)
                {
                    word[length++] = char.ToLowerInvariant(ch);
                }

                continue;
            }

            // Keep "self-care" and "well-being" as one word; apostrophes end a word ("someone's" → "someone").
            if (ch == '-' && length > 0)
            {
                continue;
            }

            if (length > 0)
            {
                AddToken(tokens, word[..length]);
                length = 0;
            }
        }

        return tokens;
    }

    private static void AddToken(List<string> tokens, ReadOnlySpan<char> word)
    {
        if (word.Length < 2 || StopWordLookup.Contains(word) || !word.ContainsAnyExceptInRange('0', '9'))
        {
            return;
        }

        var stem = Stem(word.ToString());
        if (stem.Length >= 2 && !StopWords.Contains(stem))
        {
            tokens.Add(stem);
        }
    }

    /// <summary>Crude suffix stripping: enough to match "staying"/"stay", "updated"/"update", "boundaries"/"boundary".</summary>
    internal static string Stem(string word)
    {
        var w = word;
        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4)
        {
            w = w[..^3] + "y";
        }
        else if (w.EndsWith("sses", StringComparison.Ordinal) || w.EndsWith("xes", StringComparison.Ordinal) || w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal) && w.Length > 3)
        {
            w = w[..^1];
        }

        if (w.EndsWith("ing", StringComparison.Ordinal) && w.Length > 5)
        {
            w = w[..^3];
        }
        else if (w.EndsWith("ed", StringComparison.Ordinal) && w.Length > 4)
        {
            w = w[..^2];
        }

        if (w.EndsWith('e') && w.Length > 4)
        {
            w = w[..^1];
        }

        // "stopping" → "stopp" → "stop"
        if (w.Length > 4 && w[^1] == w[^2] && w[^1] is not ('l' or 's' or 'z'))
        {
            w = w[..^1];
        }

        return w;
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        if (ra != rb)
        {
            parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }
}
