namespace PeerInterview.Web.Import;

/// <summary>
/// The block labels the recogniser knows ("Purpose:", "How to Answer", "Example Answers", "What not to say", …), matched
/// from a phrase table: a line is a label when it starts with a known phrase and then ends, or continues after a colon
/// or dash ("Example: “…”"). A table is cheaper to start and easier to extend than one large regular expression.
/// </summary>
internal static class LabelPhrases
{
    private static readonly (string Phrase, LabelKind Kind)[] Phrases =
    [
        .. Of(LabelKind.Purpose,
            "purpose", "purpose of the question", "purpose of this question", "why it's asked", "why its asked", "why it is asked",
            "why this is asked", "why this question is asked", "why we ask", "why we ask this", "why we ask this question",
            "why interviewers ask", "why interviewers ask this", "why interviewers ask this question", "why employers ask",
            "why employers ask this", "why employers ask this question", "why they ask", "why ask", "why it matters",
            "why this matters", "why this question matters", "why this question", "what they're looking for",
            "what they are looking for", "what the interviewer is looking for", "what the interviewer is really looking for",
            "what interviewers are looking for", "what interviewers are really looking for", "what employers are looking for",
            "what this assesses", "what it assesses", "what this measures", "what it measures", "what this tests", "what it tests",
            "intent", "objective"),
        .. Of(LabelKind.Introduction, "introduction", "intro"),
        .. Of(LabelKind.HowToAnswer,
            "how to answer", "how to answer it", "how to answer this", "how to answer this question", "how to respond",
            "tips", "tip", "tips for answering", "tips on answering", "answer tips", "answering tips", "guidance"),
        .. Of(LabelKind.LookFor,
            "look for", "looking for", "what to look for", "what good looks like", "listen for", "scoring", "scoring guide",
            "key points", "a strong answer includes", "a strong answer will", "a strong answer looks like", "strong answers include",
            "a good answer includes", "a good answer will", "a good answer looks like", "good answers include"),
        .. Of(LabelKind.FollowUp,
            "follow-up", "follow-ups", "follow-up question", "follow-up questions", "follow up", "follow ups", "follow up questions",
            "followup", "followups", "probe", "probes", "probing question", "probing questions"),
        .. Of(LabelKind.WhatNotToSay,
            "what not to say", "what to avoid", "avoid", "mistakes to avoid", "common mistakes", "don't say", "dont say",
            "poor answer", "poor answers", "weak answer", "weak answers", "bad answer", "bad answers", "poor response",
            "poor responses", "weak response", "weak responses"),
        .. Of(LabelKind.RedFlags,
            "red flag", "red flags", "red flags to watch for", "red flags to look for", "red flags to look out for",
            "warning signs", "concerns"),
        .. Of(LabelKind.Competency,
            "competency", "competencies", "competency area", "primary competency", "domain", "skill area"),
        .. Of(LabelKind.Example,
            "example", "examples", "example answer", "example answers", "example response", "example responses",
            "sample answer", "sample answers", "sample response", "sample responses", "suggested answer", "suggested answers",
            "possible answer", "possible answers", "model answer", "model answers", "strong answer", "strong answers",
            "good answer", "good answers", "great answer", "great answers", "ideal answer", "ideal answers", "answer", "a"),
    ];

    // Longest phrase first, so "a strong answer includes" wins over "a" and "how to answer this" over "how to answer".
    private static readonly Dictionary<string, (string Phrase, LabelKind Kind)[]> ByFirstWord = Phrases
        .GroupBy(p => p.Phrase.Split(' ')[0], StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Phrase.Length).ToArray(), StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, (string Phrase, LabelKind Kind)[]>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        ByFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool TryMatch(string text, out LabelKind kind, out string labelText, out string inline)
    {
        kind = LabelKind.None;
        labelText = string.Empty;
        inline = string.Empty;
        if (text.Length == 0 || !char.IsLetter(text[0]))
        {
            return false;
        }

        var probe = text.Contains('’', StringComparison.Ordinal) ? text.Replace('’', '\'') : text;
        var firstWordEnd = 0;
        while (firstWordEnd < probe.Length && (char.IsLetter(probe[firstWordEnd]) || probe[firstWordEnd] is '\'' or '-'))
        {
            firstWordEnd++;
        }

        if (!Lookup.TryGetValue(probe.AsSpan(0, firstWordEnd), out var candidates)
            && !Lookup.TryGetValue(probe.AsSpan(0, probe.AsSpan(0, firstWordEnd).IndexOf('-') is var dash and > 0 ? dash : firstWordEnd), out candidates))
        {
            return false;
        }

        foreach (var (phrase, phraseKind) in candidates)
        {
            if (TryPhrase(probe, phrase, phraseKind, out var note, out var rest))
            {
                kind = phraseKind;
                labelText = note is null ? text[..phrase.Length] : $"{text[..phrase.Length]} ({note})";
                inline = rest;
                return true;
            }
        }

        return false;
    }

    private static bool TryPhrase(string text, string phrase, LabelKind kind, out string? note, out string rest)
    {
        note = null;
        rest = string.Empty;
        if (!text.StartsWith(phrase, StringComparison.OrdinalIgnoreCase)
            || (text.Length > phrase.Length && char.IsLetterOrDigit(text[phrase.Length])))
        {
            return false;
        }

        var pos = SkipSpaces(text, phrase.Length);

        // "Example 2:", "Sample answer #2"
        if (kind == LabelKind.Example && pos < text.Length && (text[pos] == '#' || char.IsAsciiDigit(text[pos])))
        {
            var digits = pos + (text[pos] == '#' ? 1 : 0);
            var end = digits;
            while (end < text.Length && end - digits < 2 && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            if (end > digits && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                pos = SkipSpaces(text, end);
            }
        }

        // "Red flags (knock-out):"
        if (pos < text.Length && text[pos] == '(')
        {
            var close = text.IndexOf(')', pos);
            if (close > pos + 1 && close - pos <= 41)
            {
                note = text[(pos + 1)..close].Trim();
                pos = SkipSpaces(text, close + 1);
            }
        }

        var hasSeparator = false;
        if (pos < text.Length && text[pos] is ':' or '：')
        {
            hasSeparator = true;
            pos++;
        }
        else if (pos < text.Length && pos > phrase.Length && text[pos] is '-' or '–' or '—'
            && (pos + 1 == text.Length || text[pos + 1] == ' '))
        {
            hasSeparator = true;
            pos++;
        }

        rest = text[pos..].Trim();

        // Prose that merely starts with a label word ("Examples of effective techniques…") is not a label,
        // and a lone "A" is only a label as "A: …".
        return (rest.Length == 0 || hasSeparator) && (phrase != "a" || hasSeparator);
    }

    private static int SkipSpaces(string text, int pos)
    {
        while (pos < text.Length && text[pos] == ' ')
        {
            pos++;
        }

        return pos;
    }

    private static IEnumerable<(string Phrase, LabelKind Kind)> Of(LabelKind kind, params string[] phrases) =>
        phrases.Select(p => (p, kind));
}
