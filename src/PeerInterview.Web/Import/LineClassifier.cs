using System.Globalization;
using System.Text.RegularExpressions;
using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Import;

internal enum LineKind
{
    Text,
    Numbered,
    NumberMarker,
    Bullet,
    Heading,
    Label,
    Topic,
    Section,
    Noise,
    Rule,
}

internal enum LabelKind
{
    None,
    Purpose,
    Introduction,
    HowToAnswer,
    LookFor,
    Example,
    WhatNotToSay,
    RedFlags,
    Competency,
    FollowUp,
}

/// <summary>One non-blank source line and what it looks like on its own, before any context is applied.</summary>
internal sealed record SourceLine(int Number, int Indent, LineKind Kind, string Body)
{
    /// <summary>"3" or "1.2" for numbered lines and number markers.</summary>
    public string? ItemNumber { get; init; }

    public LabelKind Label { get; init; }

    /// <summary>Words of the label as written, e.g. "Red Flags" or "Red flags (knock-out)".</summary>
    public string? LabelText { get; init; }

    /// <summary>Markdown heading level (1-6), 0 when the line is not a Markdown heading.</summary>
    public int HeadingLevel { get; init; }

    public QuestionType? SectionType { get; init; }

    /// <summary>The line started with an emoji or similar symbol (e.g. "🚨 Red Flags").</summary>
    public bool HasSymbolPrefix { get; init; }

    /// <summary>The label was written in Markdown bold, e.g. "**Purpose:** …".</summary>
    public bool IsBoldLabel { get; init; }

    /// <summary>The source said outright that this is the question: "Question: …" or "Q: …".</summary>
    public bool IsExplicitQuestion { get; init; }

    /// <summary>Ends with a question mark (ignoring closing quotes and brackets).</summary>
    public bool EndsWithQuestionMark => TextShapes.EndsWithQuestionMark(Body);
}

/// <summary>Splits decoded text into lines and gives each non-blank line a kind.</summary>
internal static partial class LineClassifier
{
    public static List<SourceLine> Classify(string text)
    {
        var lines = new List<SourceLine>();
        var number = 0;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            number++;
            var raw = text.AsSpan(range.Start.Value, range.End.Value - range.Start.Value);
            if (raw.IsWhiteSpace())
            {
                continue;
            }

            lines.Add(ClassifyLine(number, raw.ToString()));
        }

        return lines;
    }

    internal static SourceLine ClassifyLine(int number, string raw)
    {
        var indent = 0;
        foreach (var c in raw)
        {
            if (c == ' ')
            {
                indent++;
            }
            else if (c == '\t')
            {
                indent += 4;
            }
            else
            {
                break;
            }
        }

        var hadBold = raw.Contains("**", StringComparison.Ordinal);
        var text = CollapseSpaces(raw.Replace("**", string.Empty, StringComparison.Ordinal).Trim());
        if (text.StartsWith('>'))
        {
            // A Markdown block quote: the quoted text is what matters.
            text = text.TrimStart('>', ' ');
            if (text.Length == 0)
            {
                return new SourceLine(number, indent, LineKind.Rule, text);
            }
        }

        var (stripped, hadSymbol) = StripLeadingSymbols(text);

        var first = text.Length > 0 ? text[0] : ' ';
        if (first is '-' or '*' or '_' or '=' && RuleLine().IsMatch(text))
        {
            return new SourceLine(number, indent, LineKind.Rule, text);
        }

        if (!TextShapes.EndsWithQuestionMark(stripped) && IsNoise(stripped))
        {
            return new SourceLine(number, indent, LineKind.Noise, text);
        }

        var heading = first == '#' ? MarkdownHeading().Match(text) : Match.Empty;
        if (heading.Success)
        {
            var level = heading.Groups["hashes"].Length;
            var inner = StripLeadingSymbols(heading.Groups["rest"].Value.Trim().TrimEnd('#').Trim()).Text;
            if (TryLabel(inner, out var label, out var labelText, out var inline))
            {
                return new SourceLine(number, indent, LineKind.Label, inline)
                {
                    Label = label, LabelText = labelText, HeadingLevel = level, IsBoldLabel = true,
                };
            }

            if (inner.Length > 0 && TrySection(inner, out var headingType))
            {
                return new SourceLine(number, indent, LineKind.Section, inner) { HeadingLevel = level, SectionType = headingType };
            }

            var (itemNumber, body) = StripItemNumber(inner);
            return new SourceLine(number, indent, LineKind.Heading, body) { HeadingLevel = level, ItemNumber = itemNumber };
        }

        if (first is 'Q' or 'q' && ExplicitQuestion().Match(stripped) is { Success: true } explicitQuestion)
        {
            return new SourceLine(number, indent, LineKind.Text, explicitQuestion.Groups["rest"].Value.Trim()) { IsExplicitQuestion = true };
        }

        if (TryLabel(stripped, out var lineLabel, out var lineLabelText, out var lineInline))
        {
            return new SourceLine(number, indent, LineKind.Label, lineInline)
            {
                Label = lineLabel, LabelText = lineLabelText, HasSymbolPrefix = hadSymbol, IsBoldLabel = hadBold,
            };
        }

        var numberLike = char.IsAsciiDigit(first) || first is 'Q' or 'q';
        var bare = numberLike ? BareNumber().Match(text) : Match.Empty;
        if (bare.Success)
        {
            return new SourceLine(number, indent, LineKind.NumberMarker, bare.Groups["num"].Value) { ItemNumber = bare.Groups["num"].Value };
        }

        var numbered = numberLike ? NumberedItem().Match(text) : Match.Empty;
        if (numbered.Success)
        {
            var body = numbered.Groups["rest"].Value.Trim();
            var item = numbered.Groups["num"].Value;
            if (body.Length == 0 || body.All(char.IsAsciiDigit))
            {
                // "1. 1": a list number followed by a repeated number; the item's text comes on a later line.
                return new SourceLine(number, indent, LineKind.NumberMarker, item) { ItemNumber = item };
            }

            return new SourceLine(number, indent, LineKind.Numbered, StripLeadingSymbols(body).Text) { ItemNumber = item };
        }

        var bullet = !char.IsLetterOrDigit(first) ? BulletItem().Match(text) : Match.Empty;
        if (bullet.Success)
        {
            var body = StripLeadingSymbols(bullet.Groups["rest"].Value.Trim()).Text;
            if (TryLabel(body, out var bulletLabel, out var bulletLabelText, out var bulletInline))
            {
                return new SourceLine(number, indent, LineKind.Label, bulletInline)
                {
                    Label = bulletLabel, LabelText = bulletLabelText, IsBoldLabel = hadBold,
                };
            }

            return new SourceLine(number, indent, LineKind.Bullet, body);
        }

        if (stripped.Length > 0 && TrySection(stripped, out var sectionType))
        {
            return new SourceLine(number, indent, LineKind.Section, stripped) { SectionType = sectionType, HasSymbolPrefix = hadSymbol };
        }

        if (IsTopic(stripped))
        {
            return new SourceLine(number, indent, LineKind.Topic, stripped);
        }

        return new SourceLine(number, indent, LineKind.Text, stripped) { HasSymbolPrefix = hadSymbol };
    }

    private static bool TryLabel(string text, out LabelKind kind, out string labelText, out string inline) =>
        LabelPhrases.TryMatch(text, out kind, out labelText, out inline);

    /// <summary>
    /// "Behavioral Interview Questions", "Situational questions:", "Common Peer Specialist Interview Questions",
    /// "Questions for the second interview": a heading that groups questions, and the question type it implies.
    /// </summary>
    internal static bool TrySection(string text, out QuestionType? type)
    {
        type = null;
        if (text.Length > 120 || !LooksLikeSectionName(text) || text.Contains('?', StringComparison.Ordinal) || TextShapes.WordCount(text) > 10)
        {
            return false;
        }

        var t = text.TrimEnd(':', ' ');
        var words = t.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return false;
        }

        var first = words[0].ToLowerInvariant();
        var endsWithQuestions = words[^1].Equals("questions", StringComparison.OrdinalIgnoreCase)
            || words[^1].Equals("question", StringComparison.OrdinalIgnoreCase);

        if (!endsWithQuestions)
        {
            // "Questions for the second interview", "Questions to ask"
            return words.Length >= 3 && first is "questions" or "question"
                && words[1].ToLowerInvariant() is "for" or "about" or "on" or "to"
                && !t.Contains('.', StringComparison.Ordinal);
        }

        type = first switch
        {
            _ when first.StartsWith("behavio", StringComparison.Ordinal) => QuestionType.Behavioural,
            _ when first.StartsWith("situation", StringComparison.Ordinal) || first.StartsWith("scenario", StringComparison.Ordinal)
                || first.StartsWith("hypothetical", StringComparison.Ordinal) => QuestionType.Situational,
            _ when first.StartsWith("technical", StringComparison.Ordinal) || first.StartsWith("knowledge", StringComparison.Ordinal) => QuestionType.Knowledge,
            _ when first.StartsWith("motivation", StringComparison.Ordinal) => QuestionType.Motivational,
            _ => null,
        };

        return type is not null
            || words.Length == 1
            || SectionOpeners.Contains(first)
            || t.Contains("interview", StringComparison.OrdinalIgnoreCase);
    }

    private static bool LooksLikeSectionName(string text)
    {
        var t = text.AsSpan().TrimEnd(": ");
        return t.EndsWith("question", StringComparison.OrdinalIgnoreCase)
            || t.EndsWith("questions", StringComparison.OrdinalIgnoreCase)
            || t.StartsWith("question", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>An upper-case line such as "CONFLICT RESOLUTION" or "SELF-DISCLOSURE".</summary>
    private static bool IsTopic(string text)
    {
        if (text.Length is < 3 or > 60 || !char.IsLetter(text[0]) || TextShapes.WordCount(text) > 6)
        {
            return false;
        }

        var letters = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c))
                {
                    return false;
                }

                letters++;
            }
            else if (!char.IsAsciiDigit(c) && c is not (' ' or '&' or '/' or '\'' or '’' or ',' or '.' or '(' or ')' or '-' or '–'))
            {
                return false;
            }
        }

        return letters >= 3;
    }

    private static bool IsNoise(string text) => PageFurniture.IsNoise(text);

    private static (string? Number, string Body) StripItemNumber(string text)
    {
        var m = NumberedItem().Match(text);
        return m.Success && m.Groups["rest"].Value.Trim().Length > 0
            ? (m.Groups["num"].Value, m.Groups["rest"].Value.Trim())
            : (null, text);
    }

    /// <summary>Removes leading emoji and pictographs, e.g. "🚨 Red Flags" → "Red Flags".</summary>
    internal static (string Text, bool HadSymbol) StripLeadingSymbols(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherSymbol)
            {
                i++;
            }
            else if (c == '?' && text.AsSpan(i).TrimStart('?').StartsWith(' '))
            {
                // An emoji that a legacy encoding turned into "?" or "??" ("?? Red Flags").
                i++;
            }
            else if (c == ' ' && i > 0)
            {
                i++;
            }
            else
            {
                break;
            }
        }

        return i == 0 ? (text, false) : (text[i..].TrimStart(), true);
    }

    private static string CollapseSpaces(string text) =>
        text.Contains("  ", StringComparison.Ordinal) || text.Contains('\t', StringComparison.Ordinal)
            ? MultipleSpaces().Replace(text, " ")
            : text;

    private static readonly HashSet<string> SectionOpeners = new(
        ["sample", "common", "general", "opening", "closing", "other", "additional", "more", "key", "core", "role-specific", "list"],
        StringComparer.Ordinal);

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex MultipleSpaces();

    [GeneratedRegex(@"^(?:-{3,}|\*{3,}|_{3,}|={3,})$")]
    private static partial Regex RuleLine();

    [GeneratedRegex(@"^(?:question|q)\s*[:：.]\s*(?<rest>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex ExplicitQuestion();

    [GeneratedRegex(@"^(?<hashes>#{1,6})\s+(?<rest>.+)$")]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"^(?<num>\d{1,4})[.)]?$")]
    private static partial Regex BareNumber();

    [GeneratedRegex(@"^(?:(?:Q|Question)\s*(?<num>\d{1,4})\s*[.:)\-–]\s*|(?<num>\d{1,4}(?:\.\d{1,4})*)[.)]\s+|(?<num>\d{1,4}(?:\.\d{1,4})+)\s+)(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex NumberedItem();

    [GeneratedRegex(@"^[•◦▪▫●○■□‣⁃∙·➢➤►▶✓✔✗✘\-*+–—]\s+(?<rest>.+)$")]
    private static partial Regex BulletItem();

}
