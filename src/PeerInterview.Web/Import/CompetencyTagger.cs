namespace PeerInterview.Web.Import;

/// <summary>
/// Picks a question's primary competency, deterministically and with a reason a hiring manager can check:
/// an explicit "Competency:" line, else the source's topic label, else weighted keywords in the question
/// (then its purpose), else D1.
/// </summary>
public static class CompetencyTagger
{
    public const string DefaultReason = "no keyword matched; default";

    // A keyword score below this ("support" alone) is too weak to outrank a clear keyword in the purpose.
    private const double StrongEnough = 1;

    public static IReadOnlyList<CompetencyRef> Defaults { get; } =
    [
        new("D1", "Engagement & support"),
        new("D2", "Purposeful use of lived experience"),
        new("D3", "Person-centred recovery planning"),
        new("D4", "Resources, wellness & recovery skills"),
        new("D5", "Crisis & safety"),
        new("D6", "Communication & teamwork"),
        new("D7", "Ethics, boundaries, advocacy & growth"),
    ];

    // Equal scores go to the competency listed first here: the specific, higher-stakes ones before the general D1.
    private static readonly string[] TieOrder = ["D5", "D7", "D2", "D3", "D4", "D6", "D1"];

    private static readonly Dictionary<string, string> TopicMap = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CRISIS INTERVENTION"] = "D5",
        ["CRISIS DE-ESCALATION"] = "D5",
        ["CRISIS"] = "D5",
        ["SAFETY"] = "D5",
        ["RELAPSE"] = "D5",
        ["BOUNDARIES"] = "D7",
        ["CONFIDENTIALITY"] = "D7",
        ["ETHICAL DILEMMA"] = "D7",
        ["ETHICS"] = "D7",
        ["PEER ADVOCACY"] = "D7",
        ["ADVOCACY"] = "D7",
        ["LEARNING FROM MISTAKES"] = "D7",
        ["FEEDBACK"] = "D7",
        ["PERSONAL GROWTH"] = "D7",
        ["PROFESSIONAL DEVELOPMENT"] = "D7",
        ["SELF-DISCLOSURE"] = "D2",
        ["EXPERIENCE"] = "D2",
        ["LIVED EXPERIENCE"] = "D2",
        ["SUCCESS STORY"] = "D2",
        ["PEER SUPPORT PRINCIPLES"] = "D2",
        ["GOAL SETTING"] = "D3",
        ["RECOVERY MODELS"] = "D3",
        ["RECOVERY PLANNING"] = "D3",
        ["SUPPORT STRATEGIES"] = "D3",
        ["EMPOWERMENT"] = "D3",
        ["RESOURCE KNOWLEDGE"] = "D4",
        ["COPING WITH STRESS"] = "D4",
        ["RESILIENCE"] = "D4",
        ["MENTAL HEALTH"] = "D4",
        ["SELF-CARE"] = "D4",
        ["WELLNESS"] = "D4",
        ["COMMUNICATION SKILLS"] = "D6",
        ["COMMUNICATION"] = "D6",
        ["TEAM COLLABORATION"] = "D6",
        ["TEAMWORK"] = "D6",
        ["CONFLICT RESOLUTION"] = "D6",
        ["DOCUMENTATION"] = "D6",
        ["GROUP FACILITATION"] = "D6",
        ["EMPATHY"] = "D1",
        ["BUILDING TRUST"] = "D1",
        ["ENGAGEMENT"] = "D1",
        ["CULTURAL SENSITIVITY"] = "D1",
    };

    // Keyword stems match at the start of a word ("suicid" matches "suicidal"); weights rank strong signals above weak ones.
    private static readonly (string Code, string Keyword, double Weight)[] Keywords =
    [
        ("D5", "suicid", 5), ("D5", "ending their life", 5), ("D5", "end their life", 5), ("D5", "end their own life", 5),
        ("D5", "take their own life", 5), ("D5", "taking their own life", 5), ("D5", "kill themsel", 5), ("D5", "self-injur", 4),
        ("D5", "safety plan", 4), ("D5", "crisis", 4), ("D5", "crises", 4), ("D5", "de-escalat", 4), ("D5", "deescalat", 4),
        ("D5", "emergenc", 4), ("D5", "overdose", 4), ("D5", "self-harm", 4), ("D5", "safety", 3), ("D5", "harm", 3),
        ("D5", "relapse", 3), ("D5", "danger", 3), ("D5", "agitat", 3), ("D5", "at risk", 3), ("D5", "hotline", 2),
        ("D5", "escalat", 2), ("D5", "distress", 2), ("D5", "tense", 2), ("D5", "urgent", 1),

        ("D7", "boundar", 4), ("D7", "ethic", 4), ("D7", "unethical", 4), ("D7", "confidential", 4), ("D7", "best practice", 4),
        ("D7", "advocat", 3), ("D7", "feedback", 3), ("D7", "mistake", 3), ("D7", "certif", 3), ("D7", "training", 3),
        ("D7", "evidence-based", 3), ("D7", "professional development", 3), ("D7", "mentor", 3), ("D7", "stay updated", 3),
        ("D7", "stay current", 3), ("D7", "supervision", 2), ("D7", "integrity", 2), ("D7", "rights", 2), ("D7", "stigma", 2),
        ("D7", "learn", 2), ("D7", "growth", 1), ("D7", "challenges your", 1),

        ("D2", "lived experience", 5), ("D2", "self-disclos", 5), ("D2", "your story", 4), ("D2", "own recovery journey", 4),
        ("D2", "personal experience", 4), ("D2", "own experience", 4), ("D2", "your own story", 4), ("D2", "share your own", 3),
        ("D2", "success story", 3), ("D2", "inspired you", 3), ("D2", "your experience with", 2), ("D2", "mutual", 2),
        ("D2", "hope", 1),

        ("D3", "recovery plan", 5), ("D3", "support plan", 5), ("D3", "person-centred", 4), ("D3", "person-centered", 4),
        ("D3", "goal", 4), ("D3", "recovery model", 4), ("D3", "strengths", 3), ("D3", "individualized", 3),
        ("D3", "individualised", 3), ("D3", "self-determination", 3), ("D3", "motivational interviewing", 3),
        ("D3", "empower", 3), ("D3", "independence", 3), ("D3", "autonomy", 3), ("D3", "setback", 2), ("D3", "milestone", 2),
        ("D3", "progress", 2), ("D3", "small victor", 3), ("D3", "celebrat", 2), ("D3", "stalls", 2), ("D3", "motivat", 1), ("D3", "plan", 1), ("D3", "recovery process", 1),
        ("D3", "recovery journey", 1),

        ("D4", "resource", 4), ("D4", "self-care", 4), ("D4", "coping", 4), ("D4", "wellness", 3), ("D4", "stress", 3),
        ("D4", "resilien", 3), ("D4", "burnout", 3), ("D4", "community", 2), ("D4", "housing", 2), ("D4", "well-being", 2),
        ("D4", "wellbeing", 2), ("D4", "mindful", 2), ("D4", "your own mental health", 3), ("D4", "emotional responses", 2),
        ("D4", "services", 1), ("D4", "tools", 1), ("D4", "mental health", 1), ("D4", "unexpected change", 1),

        ("D6", "conflict", 4), ("D6", "communicat", 3), ("D6", "document", 4), ("D6", "mediat", 4), ("D6", "care team", 4),
        ("D6", "team", 3), ("D6", "collaborat", 3), ("D6", "active listening", 3), ("D6", "listen", 2), ("D6", "group", 2),
        ("D6", "facilitat", 2), ("D6", "disagree", 2), ("D6", "family", 2), ("D6", "professionals", 2),
        ("D6", "colleague", 2), ("D6", "time effectively", 2), ("D6", "value conflict", 1),

        ("D1", "trust", 4), ("D1", "rapport", 4), ("D1", "reluctan", 4), ("D1", "hesitant", 4), ("D1", "resistant", 4),
        ("D1", "empath", 4), ("D1", "engag", 3), ("D1", "open up", 3), ("D1", "skeptic", 3), ("D1", "withdrawn", 3),
        ("D1", "cultur", 3), ("D1", "diverse", 3), ("D1", "inclusive", 3), ("D1", "validation", 2), ("D1", "connect", 2),
        ("D1", "qualities", 1), ("D1", "relationship", 1), ("D1", "support", 0.5),
    ];

    private const int PrefixLength = 3;

    private static readonly HashSet<string> KnownCodes = new(Keywords.Select(k => k.Code), StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> KeywordsByPrefix = BuildPrefixIndex();

    public static (string Code, string Reason) Tag(
        string text,
        string? topic,
        string? purpose,
        string? explicitCompetency,
        IReadOnlyList<CompetencyRef> competencies)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (competencies is null || competencies.Count == 0)
        {
            competencies = Defaults;
        }

        if (!string.IsNullOrWhiteSpace(explicitCompetency) && MatchExplicit(explicitCompetency, competencies) is { } explicitCode)
        {
            return (explicitCode, "explicit Competency: line");
        }

        if (!string.IsNullOrWhiteSpace(topic)
            && TopicMap.TryGetValue(topic.Trim(), out var topicCode)
            && competencies.Any(c => string.Equals(c.Code, topicCode, StringComparison.OrdinalIgnoreCase)))
        {
            return (CodeAsListed(topicCode, competencies), $"topic label \"{topic.Trim()}\"");
        }

        var fromText = BestKeyword(text, competencies);
        if (fromText is { Score: >= StrongEnough })
        {
            return (fromText.Value.Code, $"keyword \"{fromText.Value.Word}\" in question");
        }

        // Only a weak word such as "support" in the question: a clear signal in the purpose is better evidence.
        if (!string.IsNullOrWhiteSpace(purpose) && BestKeyword(purpose, competencies) is { Score: >= StrongEnough } fromPurpose)
        {
            return (fromPurpose.Code, $"keyword \"{fromPurpose.Word}\" in purpose");
        }

        if (fromText is { } weak)
        {
            return (weak.Code, $"keyword \"{weak.Word}\" in question");
        }

        var fallback = competencies.FirstOrDefault(c => string.Equals(c.Code, "D1", StringComparison.OrdinalIgnoreCase)) ?? competencies[0];
        return (fallback.Code, DefaultReason);
    }

    private static string? MatchExplicit(string value, IReadOnlyList<CompetencyRef> competencies)
    {
        var v = value.Trim();
        var end = 0;
        while (end < v.Length && char.IsLetterOrDigit(v[end]))
        {
            end++;
        }

        var firstToken = v[..end];
        var byCode = competencies.FirstOrDefault(c => string.Equals(c.Code, firstToken, StringComparison.OrdinalIgnoreCase));
        if (byCode is not null)
        {
            return byCode.Code;
        }

        var wanted = NormaliseName(v);
        if (wanted.Length == 0)
        {
            return null;
        }

        return competencies.FirstOrDefault(c => NormaliseName(c.Name) == wanted)?.Code
            ?? competencies.FirstOrDefault(c => NormaliseName(c.Name).Contains(wanted, StringComparison.Ordinal)
                || wanted.Contains(NormaliseName(c.Name), StringComparison.Ordinal))?.Code;
    }

    private static string NormaliseName(string name)
    {
        var chars = name.ToLowerInvariant().Replace("&", " and ", StringComparison.Ordinal)
            .Select(c => char.IsLetterOrDigit(c) ? c : ' ')
            .ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static string CodeAsListed(string code, IReadOnlyList<CompetencyRef> competencies) =>
        competencies.First(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase)).Code;

    private static (string Code, string Word, double Score)? BestKeyword(string text, IReadOnlyList<CompetencyRef> competencies)
    {
        var lower = text.ToLowerInvariant().Replace('’', '\'');
        var n = competencies.Count;
        var totals = new double[n];
        var bestWeight = new double[n];
        var bestKeyword = new int[n];
        var bestAt = new int[n];
        var bestLength = new int[n];
        Span<bool> seen = stackalloc bool[Keywords.Length];

        // Only keywords that share their first three letters with a word in the text are tried.
        for (var i = 0; i + PrefixLength <= lower.Length; i++)
        {
            if ((i > 0 && char.IsLetter(lower[i - 1])) || !KeywordsByPrefix.TryGetValue(lower.AsSpan(i, PrefixLength), out var candidates))
            {
                continue;
            }

            foreach (var k in candidates)
            {
                var (code, keyword, weight) = Keywords[k];
                if (seen[k] || !lower.AsSpan(i).StartsWith(keyword, StringComparison.Ordinal))
                {
                    continue;
                }

                seen[k] = true;
                var c = IndexOfCode(code, competencies);
                if (c >= 0)
                {
                    Add(c, weight, k, i, keyword.Length);
                }
            }
        }

        // Competencies the built-in lists do not know are matched on the longer words of their own names.
        for (var c = 0; c < n; c++)
        {
            if (KnownCodes.Contains(competencies[c].Code))
            {
                continue;
            }

            foreach (var word in NormaliseName(competencies[c].Name).Split(' ').Where(w => w.Length >= 5))
            {
                var stem = word.Length > 6 ? word[..^2] : word;
                var at = FindAtWordStart(lower, stem);
                if (at >= 0)
                {
                    Add(c, 2, Keywords.Length, at, stem.Length);
                }
            }
        }

        var best = -1;
        for (var c = 0; c < n; c++)
        {
            if (totals[c] > 0 && (best < 0 || totals[c] > totals[best]
                || (totals[c] == totals[best] && TieRank(competencies[c].Code, competencies) < TieRank(competencies[best].Code, competencies))))
            {
                best = c;
            }
        }

        return best < 0 ? null : (competencies[best].Code, WordAt(text, bestAt[best], bestLength[best]), totals[best]);

        void Add(int c, double weight, int keywordIndex, int at, int length)
        {
            totals[c] += weight;

            // The reason quotes the strongest keyword; equal weights go to the one listed first.
            if (weight > bestWeight[c] || (weight == bestWeight[c] && keywordIndex < bestKeyword[c]))
            {
                bestWeight[c] = weight;
                bestKeyword[c] = keywordIndex;
                bestAt[c] = at;
                bestLength[c] = length;
            }
        }
    }

    private static int IndexOfCode(string code, IReadOnlyList<CompetencyRef> competencies)
    {
        for (var i = 0; i < competencies.Count; i++)
        {
            if (string.Equals(competencies[i].Code, code, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> BuildPrefixIndex() =>
        Enumerable.Range(0, Keywords.Length)
            .GroupBy(k => Keywords[k].Keyword[..PrefixLength], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    private static int TieRank(string code, IReadOnlyList<CompetencyRef> competencies)
    {
        var fixedRank = Array.FindIndex(TieOrder, c => string.Equals(c, code, StringComparison.OrdinalIgnoreCase));
        if (fixedRank >= 0)
        {
            return fixedRank;
        }

        var listed = 0;
        while (listed < competencies.Count && !string.Equals(competencies[listed].Code, code, StringComparison.OrdinalIgnoreCase))
        {
            listed++;
        }

        return TieOrder.Length + listed;
    }

    private static int FindAtWordStart(string lower, string keyword)
    {
        var from = 0;
        while (from < lower.Length)
        {
            var at = lower.IndexOf(keyword, from, StringComparison.Ordinal);
            if (at < 0)
            {
                return -1;
            }

            if (at == 0 || !char.IsLetter(lower[at - 1]))
            {
                return at;
            }

            from = at + 1;
        }

        return -1;
    }

    /// <summary>The whole word(s) the keyword matched, as written ("suicid" → "suicidal").</summary>
    private static string WordAt(string text, int start, int length)
    {
        var end = Math.Min(text.Length, start + length);
        while (end < text.Length && (char.IsLetter(text[end]) || text[end] == '-'))
        {
            end++;
        }

        return text[start..end].ToLowerInvariant();
    }
}
