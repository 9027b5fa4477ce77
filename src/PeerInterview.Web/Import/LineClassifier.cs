using System.Buffers;
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

            if (TrySection(inner, out var headingType))
            {
                return new SourceLine(number, indent, LineKind.Section, inner) { HeadingLevel = level, SectionType = headingType };
            }

            var (itemNumber, body) = StripItemNumber(inner);
            return new SourceLine(number, indent, LineKind.Heading, body) { HeadingLevel = level, ItemNumber = itemNumber };
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

        if (TrySection(stripped, out var sectionType))
        {
            return new SourceLine(number, indent, LineKind.Section, stripped) { SectionType = sectionType, HasSymbolPrefix = hadSymbol };
        }

        if (IsTopic(stripped))
        {
            return new SourceLine(number, indent, LineKind.Topic, stripped);
        }

        return new SourceLine(number, indent, LineKind.Text, stripped) { HasSymbolPrefix = hadSymbol };
    }

    private static bool TryLabel(string text, out LabelKind kind, out string labelText, out string inline)
    {
        kind = LabelKind.None;
        labelText = string.Empty;
        inline = string.Empty;
        if (text.Length == 0 || !char.IsLetter(text[0]))
        {
            return false;
        }

        if (!LabelFirstWords.Contains(FirstWord(text)))
        {
            return false;
        }

        var m = LabelLine().Match(text);
        if (!m.Success)
        {
            return false;
        }

        var rest = m.Groups["rest"].Value.Trim();
        if (rest.Length > 0 && !m.Groups["sep"].Success)
        {
            return false;
        }

        var word = m.Groups["label"].Value.ToLowerInvariant();
        kind = word switch
        {
            _ when word.StartsWith("purpose", StringComparison.Ordinal) || word.StartsWith("why", StringComparison.Ordinal)
                || word.StartsWith("what they", StringComparison.Ordinal) || word.StartsWith("what the interviewer", StringComparison.Ordinal)
                || word.StartsWith("what interviewers", StringComparison.Ordinal) || word.StartsWith("what employers", StringComparison.Ordinal) => LabelKind.Purpose,
            _ when word.StartsWith("intro", StringComparison.Ordinal) => LabelKind.Introduction,
            _ when word.StartsWith("how to", StringComparison.Ordinal) || word.StartsWith("tip", StringComparison.Ordinal)
                || word.StartsWith("answer", StringComparison.Ordinal) => LabelKind.HowToAnswer,
            _ when word.Contains("look", StringComparison.Ordinal) || word.StartsWith("listen", StringComparison.Ordinal)
                || word.StartsWith("what good", StringComparison.Ordinal) => LabelKind.LookFor,
            _ when word.Contains("not to say", StringComparison.Ordinal) || word.Contains("avoid", StringComparison.Ordinal)
                || word.Contains("mistake", StringComparison.Ordinal) || word.StartsWith("don", StringComparison.Ordinal)
                || word.StartsWith("poor", StringComparison.Ordinal) || word.StartsWith("weak", StringComparison.Ordinal)
                || word.StartsWith("bad", StringComparison.Ordinal) => LabelKind.WhatNotToSay,
            _ when word.StartsWith("red flag", StringComparison.Ordinal) || word.StartsWith("warning", StringComparison.Ordinal)
                || word.StartsWith("concern", StringComparison.Ordinal) => LabelKind.RedFlags,
            _ when word.StartsWith("compet", StringComparison.Ordinal) || word.StartsWith("primary compet", StringComparison.Ordinal)
                || word.StartsWith("domain", StringComparison.Ordinal) || word.StartsWith("skill area", StringComparison.Ordinal) => LabelKind.Competency,
            _ => LabelKind.Example,
        };
        labelText = m.Groups["note"].Success ? $"{m.Groups["label"].Value} ({m.Groups["note"].Value})" : m.Groups["label"].Value;
        inline = rest;
        return true;
    }

    internal static bool TrySection(string text, out QuestionType? type)
    {
        type = null;
        if (text.Length > 120 || !LooksLikeSectionName(text))
        {
            return false;
        }

        var m = SectionLine().Match(text);
        if (!m.Success || TextShapes.WordCount(text) > 10)
        {
            return false;
        }

        var kind = m.Groups["kind"].Value.ToLowerInvariant();
        type = kind switch
        {
            _ when kind.StartsWith("behavio", StringComparison.Ordinal) => QuestionType.Behavioural,
            _ when kind.StartsWith("situation", StringComparison.Ordinal) || kind.StartsWith("scenario", StringComparison.Ordinal)
                || kind.StartsWith("hypothetical", StringComparison.Ordinal) => QuestionType.Situational,
            _ when kind.StartsWith("technical", StringComparison.Ordinal) || kind.StartsWith("knowledge", StringComparison.Ordinal) => QuestionType.Knowledge,
            _ when kind.StartsWith("motivation", StringComparison.Ordinal) => QuestionType.Motivational,
            _ => null,
        };
        return true;
    }

    private static bool IsTopic(string text)
    {
        if (text.Length is < 3 or > 60 || TextShapes.WordCount(text) > 6 || !TopicLine().IsMatch(text))
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
        }

        return letters >= 3;
    }

    private static bool LooksLikeSectionName(string text)
    {
        var t = text.AsSpan().TrimEnd(':');
        return t.EndsWith("question", StringComparison.OrdinalIgnoreCase)
            || t.EndsWith("questions", StringComparison.OrdinalIgnoreCase)
            || t.StartsWith("question", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsNoise(string text)
    {
        // Cheap, vectorised pre-checks keep the regexes off ordinary sentences.
        var span = text.AsSpan();
        return (text.Length <= 40 && NoiseExact().IsMatch(text))
            || (text.Length <= 160 && span.ContainsAny(NoiseShortHints) && NoiseShort().IsMatch(text))
            || (span.ContainsAny(NoiseAnywhereHints) && NoiseAnywhere().IsMatch(text))
            || (text.Length <= 60 && char.IsAsciiLetterOrDigit(text[0]) && span.ContainsAnyInRange('0', '9') && DateLine().IsMatch(text))
            || (text.Length <= 80 && NoiseVeryShort().IsMatch(text))
            || (text.Length <= 160 && span.ContainsAny('|', '»', '›') && Breadcrumb().IsMatch(text));
    }

    private static string FirstWord(string text)
    {
        var end = 0;
        while (end < text.Length && end < 16 && (char.IsLetter(text[end]) || text[end] is '\'' or '’'))
        {
            end++;
        }

        return text[..end];
    }

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

    private static readonly HashSet<string> LabelFirstWords = new(
        [
            "purpose", "why", "what", "introduction", "intro", "how", "tip", "tips", "answer", "answering", "look", "looking",
            "listen", "example", "examples", "sample", "model", "strong", "good", "great", "ideal", "avoid", "mistakes", "common",
            "don't", "dont", "don’t", "poor", "weak", "bad", "red", "warning", "concerns", "competency", "competencies", "primary",
            "domain", "skill",
        ],
        StringComparer.OrdinalIgnoreCase);

    private static readonly SearchValues<string> NoiseShortHints = SearchValues.Create(
        [
            "back to", "download", "click", "master your", "boost your", "speak clearly", "get hired", "used by", "trusted by",
            "join", "reading sample", "good candidates", "interview questions", "copyright", "©", "share", "$", "€", "£",
        ],
        StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> NoiseAnywhereHints = SearchValues.Create(
        ["great ones win", "rights reserved", "[updated", "money-back", "one-time payment", "download"],
        StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex MultipleSpaces();

    [GeneratedRegex(@"^(?:-{3,}|\*{3,}|_{3,}|={3,})$")]
    private static partial Regex RuleLine();

    [GeneratedRegex(@"^(?<hashes>#{1,6})\s+(?<rest>.+)$")]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"^(?<num>\d{1,3})[.)]?$")]
    private static partial Regex BareNumber();

    [GeneratedRegex(@"^(?:(?:Q|Question)\s*(?<num>\d{1,3})\s*[.:)\-–]\s*|(?<num>\d{1,3}(?:\.\d{1,3})*)[.)]\s+|(?<num>\d{1,3}(?:\.\d{1,3})+)\s+)(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex NumberedItem();

    [GeneratedRegex(@"^[•◦▪▫●○■□‣⁃∙·➢➤►▶✓✔✗✘\-*+–—]\s+(?<rest>.+)$")]
    private static partial Regex BulletItem();

    [GeneratedRegex(@"^[A-Z][A-Z0-9 &/'’,.()\-–]*$")]
    private static partial Regex TopicLine();

    [GeneratedRegex(
        @"^(?<label>purpose(?: of (?:the|this) question)?|why (?:(?:it'?s|it is|this is|this question is|we|interviewers?|employers?) )?ask(?:ed|s)?(?: this)?(?: question)?|what (?:they'?re|the interviewer is|interviewers are|employers are) (?:really )?(?:looking for|asking)|introduction|intro|how to answer(?: (?:it|this|this question))?|how to respond|tips?(?: (?:for|on) answering)?|answer(?:ing)? tips|(?:what to )?look(?:ing)? for|what good looks like|listen for|examples?(?: (?:answers?|responses?))?(?: ?#?\d{1,2})?|sample (?:answers?|responses?)(?: ?#?\d{1,2})?|(?:model|strong|good|great|ideal) (?:answers?|responses?)|what not to say|what to avoid|avoid|mistakes to avoid|common mistakes|don'?t say|(?:poor|weak|bad) (?:answers?|responses?)|red flags?(?: to (?:watch|look) (?:for|out for))?|warning signs|concerns|competenc(?:y|ies)(?: area)?|primary competency|domain|skill area)\s*(?:\((?<note>[^)]{1,40})\))?\s*(?<sep>[:：]|\s[\-–—]\s?)?(?<rest>.*)$",
        RegexOptions.IgnoreCase)]
    private static partial Regex LabelLine();

    [GeneratedRegex(
        @"^(?:(?<kind>behaviou?ral|technical|situational|scenario(?:-based)?|hypothetical|knowledge(?:-based)?|motivational|motivation)\b.*|.*\binterview |(?:sample|common|general|opening|closing|other|additional|more|key|core|role-specific|list of)\b.*)questions?:?$|^questions? (?:for|about|on|to ask)\b[^.?!]{0,60}$",
        RegexOptions.IgnoreCase)]
    private static partial Regex SectionLine();

    [GeneratedRegex(
        @"^(?:previous|next|prev|back|home|menu|share|tweet|print|comments?|related(?: posts| articles)?|read more|advertisement|sponsored|table of contents|contents|skip to (?:main )?content|author|premium|interactive practice|reading isn't enough|reading isn’t enough|previous (?:post|article)|next (?:post|article))\s*[:»›<>«‹]*$",
        RegexOptions.IgnoreCase)]
    private static partial Regex NoiseExact();

    [GeneratedRegex(
        @"^(?:back to\b|download\b|click (?:the|this|here|below|on)\b|master your\b|boost your confidence|speak clearly and impress|get hired faster|used by (?:hundreds|thousands)|trusted by (?:\d|over|hundreds|thousands)|join (?:\d|over|thousands)|reading sample answers isn|good candidates answer questions|(?:top )?\d{1,3} (?:common |best |top |essential |most common )?.*interview questions|.*interview questions (?:and|&) answers|(?:[$€£]\s?\d+(?:\.\d\d)?\s*(?:/|per)\s*(?:mo|month|year|yr|week))|(?:©|copyright\b)|share (?:this|on)\b)",
        RegexOptions.IgnoreCase)]
    private static partial Regex NoiseShort();

    [GeneratedRegex(
        @"^(?:(?:sign up|log ?in|subscribe|register|upgrade|get started|start (?:your )?free trial|try it free|buy now|add to cart|learn more)\b.{0,25}|(?:written|posted|published|reviewed|last updated|updated)(?: by| on|:)\s.{1,60}|by [A-Z][a-z]+(?: [A-Z][a-z.]+){0,3})$",
        RegexOptions.IgnoreCase)]
    private static partial Regex NoiseVeryShort();

    [GeneratedRegex(
        @"great ones win offers|all rights reserved|\[updated \d{4}\]|money-back guarantee|one-time payment|download (?:the |our |this |a )?(?:free )?(?:pdf|template|guide|checklist)",
        RegexOptions.IgnoreCase)]
    private static partial Regex NoiseAnywhere();

    [GeneratedRegex(
        @"^(?:(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2} (?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?) \d{4}|\d{4}-\d{2}-\d{2})$",
        RegexOptions.IgnoreCase)]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^[^|?]{1,50}(?:\s[|»›]\s[^|?]{1,80})+$")]
    private static partial Regex Breadcrumb();
}
