using System.Text.RegularExpressions;

namespace PeerInterview.Web.Import;

/// <summary>
/// A stand-in title for a question the source never states (seed 001 only explains why it is asked).
/// It is taken from the purpose paragraph's own words, so it reads as a topic, never as an invented question:
/// "The question about X delves…" gives X; otherwise the subject of the first sentence
/// ("Staying updated on best practices and emerging trends | is crucial…").
/// </summary>
internal static partial class ProvisionalTitle
{
    public const int MaxLength = 100;

    public static string FromPurpose(string paragraph)
    {
        var text = paragraph.Trim();
        var about = QuestionAbout().Match(text);
        if (about.Success)
        {
            return Tidy(Shorten(about.Groups["topic"].Value));
        }

        var sentence = FirstSentence(text);
        var subject = Subject(sentence);
        if (subject is not null && !IsGeneric(subject))
        {
            return Tidy(Shorten(subject));
        }

        var delves = QuestionDelvesInto().Match(text);
        if (delves.Success)
        {
            return Tidy(Shorten(FirstClause(delves.Groups["topic"].Value)));
        }

        return Tidy(Shorten(subject ?? FirstClause(sentence)));
    }

    private static string? Subject(string sentence)
    {
        foreach (Match verb in MainVerb().Matches(sentence))
        {
            var before = sentence[..verb.Index];
            var lastWord = before[(before.LastIndexOf(' ') + 1)..];
            // "someone who is initially skeptical is…": the first "is" belongs to a relative clause.
            if (lastWord is "who" or "that" or "which" or "what" or "it")
            {
                continue;
            }

            return before.Length > 0 ? before : null;
        }

        return null;
    }

    /// <summary>"Peer Support Specialists", "The role": a subject that names the job, not what is being asked.</summary>
    private static bool IsGeneric(string subject) =>
        subject.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .All(w => GenericWords().IsMatch(w));

    private static string FirstSentence(string text)
    {
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] is '.' or '?' or '!' && char.IsWhiteSpace(text[i + 1]))
            {
                return text[..(i + 1)];
            }
        }

        return text;
    }

    private static string FirstClause(string sentence)
    {
        var cut = sentence.IndexOfAny([',', ';', ':', '—', '–']);
        return cut >= 20 ? sentence[..cut] : sentence;
    }

    private static string Shorten(string text)
    {
        if (text.Length <= MaxLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', MaxLength - 1);
        return (cut > 40 ? text[..cut] : text[..(MaxLength - 1)]).TrimEnd(',', ';', ':', ' ') + "…";
    }

    private static string Tidy(string title)
    {
        var t = title.Trim().TrimEnd('.', ',', ';', ':', '!').Trim();
        return t.Length == 0 ? "Untitled question" : char.ToUpperInvariant(t[0]) + t[1..];
    }

    [GeneratedRegex(
        @"\b(?:the|this) question (?:about|on|regarding) (?<topic>[^.;:]{3,120}?)\s(?:delves|dives|goes|aims|explores|reveals|assesses|seeks|is|probes|examines|tests|evaluates|gauges|highlights|touches|helps|looks|reflects)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex QuestionAbout();

    [GeneratedRegex(
        @"\bthis question (?:delves|dives|looks) into (?:your |the candidate’s |the candidate's )?(?:comprehension|understanding|knowledge|awareness|grasp) of (?<topic>[^.;:]{3,160})",
        RegexOptions.IgnoreCase)]
    private static partial Regex QuestionDelvesInto();

    // The verb that ends the sentence's subject: "Staying updated on best practices … | is crucial …".
    [GeneratedRegex(
        @"\s(?:is|are|was|were|involves?|requires?|reveals?|delves?|plays?|ensures?|reflects?|touches|goes|hinges?|lies|lie|can|could|often|directly|significantly|helps?|demonstrates?|shows?|allows?|fosters?|matters?|remains?|serves?|highlights?|underscores?|speaks?|revolves?)\s",
        RegexOptions.IgnoreCase)]
    private static partial Regex MainVerb();

    [GeneratedRegex(@"^(?:the|this|a|an|peer|peers|support|specialists?|role|job|position|work|certified)$", RegexOptions.IgnoreCase)]
    private static partial Regex GenericWords();
}
