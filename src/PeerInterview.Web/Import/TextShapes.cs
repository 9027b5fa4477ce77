namespace PeerInterview.Web.Import;

/// <summary>Small judgements about what a piece of text looks like: a question, an interview prompt, a quotation.</summary>
internal static class TextShapes
{
    /// <summary>Questions longer than this are treated as prose that happens to end with "?".</summary>
    public const int MaxQuestionLength = 300;

    public static bool EndsWithQuestionMark(string text)
    {
        var t = text.AsSpan().TrimEnd(" \"”’')]*_");
        return t.Length > 0 && (t[^1] == '?' || t[^1] == '？');
    }

    /// <summary>A reasonably short line ending with "?".</summary>
    public static bool IsQuestionSentence(string text) =>
        text.Length <= MaxQuestionLength && EndsWithQuestionMark(text) && text.Any(char.IsLetter);

    /// <summary>
    /// A short interview prompt that may not end with "?": "Describe a time when…", "Tell me about…",
    /// "Identify key signs of relapse and explain your approach…".
    /// </summary>
    public static bool IsPrompt(string text) =>
        IsQuestionSentence(text)
        || (text.Length <= 250 && SentenceCount(text) <= 2 && HasPromptOpening(text) && !text.EndsWith(':'));

    public static int WordCount(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                inWord = false;
            }
            else if (!inWord)
            {
                inWord = true;
                count++;
            }
        }

        return count;
    }

    public static int SentenceCount(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '.' or '?' or '!' && (i == text.Length - 1 || char.IsWhiteSpace(text[i + 1])))
            {
                count++;
            }
        }

        return Math.Max(count, 1);
    }

    /// <summary>Balance of curly (or straight) double quotes: positive while a quotation is still open.</summary>
    public static int QuoteBalance(string text)
    {
        var open = 0;
        var straight = 0;
        foreach (var c in text)
        {
            switch (c)
            {
                case '“':
                    open++;
                    break;
                case '”':
                    open--;
                    break;
                case '"':
                    straight++;
                    break;
            }
        }

        return open + (straight % 2);
    }

    /// <summary>Removes one pair of surrounding double quotes from a whole answer: “…” or "…".</summary>
    public static string StripSurroundingQuotes(string text)
    {
        var t = text.Trim();
        if (t.Length >= 2 && ((t[0] == '“' && t[^1] == '”') || (t[0] == '"' && t[^1] == '"')))
        {
            var inner = t[1..^1];
            // Only strip when the quotes enclose the whole answer, not two separate quotations ("“Hi,” she said, “bye.”").
            if (IsBalancedInside(inner, t[0]))
            {
                return inner.Trim();
            }
        }
        else if (t.Length >= 1 && t[0] == '“' && !t.Contains('”', StringComparison.Ordinal))
        {
            return t[1..].Trim();
        }

        return t;
    }

    private static bool IsBalancedInside(string inner, char quote)
    {
        if (quote == '"')
        {
            return !inner.Contains('"', StringComparison.Ordinal);
        }

        var depth = 0;
        foreach (var c in inner)
        {
            depth += c switch
            {
                '“' => 1,
                '”' => -1,
                _ => 0,
            };
            if (depth < 0)
            {
                return false;
            }
        }

        return depth == 0;
    }

    private static readonly HashSet<string> PromptFirstWords = new(
        [
            "tell", "describe", "give", "share", "explain", "walk", "identify", "discuss", "outline", "talk", "name", "list",
            "provide", "compare", "define", "detail", "summarise", "summarize", "reflect", "recall", "please", "imagine",
            "suppose", "what", "how", "why", "when", "where", "which", "who",
        ],
        StringComparer.OrdinalIgnoreCase);

    private static readonly string[] PromptOpeningPhrases =
    [
        "think of ", "can you ", "could you ", "would you ", "have you ", "are you ", "do you ", "did you ", "is there ",
        "a peer ", "a client ", "a participant ", "a person ", "a colleague ", "a coworker ", "a co-worker ",
        "a family member ", "a team member ", "you are ", "you have ", "you notice ", "you learn ", "you receive ",
        "you discover ",
    ];

    private static bool HasPromptOpening(string text)
    {
        var end = 0;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        if (end == 0)
        {
            return false;
        }

        if ((end == text.Length || !char.IsLetterOrDigit(text[end])) && PromptFirstWords.Contains(text[..end]))
        {
            return true;
        }

        foreach (var phrase in PromptOpeningPhrases)
        {
            if (text.StartsWith(phrase, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
