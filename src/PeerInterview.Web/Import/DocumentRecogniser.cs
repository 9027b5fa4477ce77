using System.Text.RegularExpressions;
using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Import;

/// <summary>What the block state machine found, before tagging and linting.</summary>
internal sealed record RecognisedDocument(
    IReadOnlyList<QuestionDraft> Questions,
    IReadOnlyList<ParsedRedFlag> GlobalRedFlags,
    IReadOnlySet<LabelKind> LabelsSeen,
    int BoldLabels,
    int NoiseLines,
    int IntroParagraphs);

/// <summary>
/// The block state machine: walks classified lines and decides, with a little look-ahead, which lines start a
/// question and which block (purpose, guidance, sample answer, red flags) every other line belongs to.
/// </summary>
internal sealed partial class DocumentRecogniser
{
    private const int LookaheadUnits = 6;

    private readonly List<SourceLine> lines;
    private readonly List<QuestionDraft> finished = [];
    private readonly List<ParsedRedFlag> globalFlags = [];
    private readonly HashSet<LabelKind> labelsSeen = [];

    private QuestionDraft? current;
    private Block block = Block.None;
    private string? pendingTopic;
    private string? section;
    private QuestionType? sectionType;
    private string? lastQuestionNumber;
    private int listNumber;
    private int listIndent;
    private bool tipPending;
    private RedFlagSeverity blockSeverity;
    private SourceLine? previous;
    private int boldLabels;
    private int noiseLines;
    private int introParagraphs;

    private DocumentRecogniser(List<SourceLine> lines) => this.lines = lines;

    private enum Block
    {
        None,
        Purpose,
        Guidance,
        LookFor,
        Example,
        WhatNotToSay,
        RedFlags,
        Competency,
        GlobalRedFlags,
        Intro,
        Noise,
    }

    public static RecognisedDocument Recognise(List<SourceLine> lines)
    {
        var recogniser = new DocumentRecogniser(lines);
        for (var i = 0; i < lines.Count; i++)
        {
            recogniser.Process(i, lines[i]);
            recogniser.previous = lines[i];
        }

        recogniser.Close();
        return new RecognisedDocument(
            recogniser.finished,
            recogniser.globalFlags,
            recogniser.labelsSeen,
            recogniser.boldLabels,
            recogniser.noiseLines,
            recogniser.introParagraphs);
    }

    private bool InQuestionSection =>
        section is not null && block is not (Block.Noise or Block.Intro or Block.GlobalRedFlags)
        && (sectionType is not null || section.Contains("question", StringComparison.OrdinalIgnoreCase));

    private bool InListBlock => block is Block.Guidance or Block.LookFor or Block.WhatNotToSay or Block.RedFlags or Block.GlobalRedFlags;

    private void Process(int i, SourceLine line)
    {
        switch (line.Kind)
        {
            case LineKind.Rule:
                break;
            case LineKind.Noise:
                Close();
                block = Block.Noise;
                noiseLines++;
                return;
            case LineKind.Section:
                Close();
                section = line.Body;
                sectionType = line.SectionType;
                lastQuestionNumber = null;
                pendingTopic = null;
                block = Block.None;
                return;
            case LineKind.Topic:
                Close();
                if (NextLineIsPrompt(i))
                {
                    pendingTopic = line.Body;
                    block = Block.None;
                }
                else
                {
                    // An upper-case line that does not introduce a question ("INTERACTIVE PRACTICE", "PREMIUM") is noise.
                    pendingTopic = null;
                    block = Block.Noise;
                    noiseLines++;
                }

                return;
            case LineKind.Label:
                HandleLabel(line);
                break;
            case LineKind.Heading:
                HandleHeading(line);
                break;
            case LineKind.NumberMarker:
                HandleNumberMarker(line);
                break;
            case LineKind.Numbered:
                HandleNumbered(i, line);
                break;
            case LineKind.Bullet:
                HandleBullet(i, line);
                break;
            default:
                HandleText(i, line);
                break;
        }

        if (current is not null && block is not (Block.Noise or Block.Intro or Block.GlobalRedFlags))
        {
            current.LineEnd = line.Number;
        }
    }

    private void HandleHeading(SourceLine line)
    {
        if (TextShapes.IsPrompt(line.Body))
        {
            Start(line.Body, QuestionMarker.Heading, line);
            return;
        }

        // A heading that is not a question closes the question and names the section that follows
        // ("## Question 3" only announces the question below it).
        Close();
        if (line.HeadingLevel > 1 && !QuestionNumberHeading().IsMatch(line.Body))
        {
            section = line.Body;
            sectionType = null;
        }

        lastQuestionNumber = null;
        pendingTopic = null;
        block = Block.None;
    }

    private void HandleLabel(SourceLine line)
    {
        if (line.Label == LabelKind.RedFlags && IsDocumentLevelRedFlags(line))
        {
            Close();
            block = Block.GlobalRedFlags;
            blockSeverity = SeverityOf(line.LabelText);
            labelsSeen.Add(LabelKind.RedFlags);
            AddFlags(globalFlags, line.Body);
            return;
        }

        if (current is null || line.Label == LabelKind.Introduction && (current.HasGuidance || current.HasAnswer))
        {
            // A label with no question to belong to (e.g. an "Introduction" heading) starts text that is not imported.
            Close();
            block = Block.Intro;
            return;
        }

        current.LabelIndent ??= line.Indent;
        labelsSeen.Add(line.Label);
        if (line.IsBoldLabel)
        {
            boldLabels++;
        }

        listNumber = 0;
        tipPending = false;
        var inline = line.Body;
        switch (line.Label)
        {
            case LabelKind.Purpose or LabelKind.Introduction:
                block = Block.Purpose;
                if (inline.Length > 0)
                {
                    current.AddPurpose(inline, softWrap: false);
                }

                break;
            case LabelKind.HowToAnswer:
                block = Block.Guidance;
                if (inline.Length > 0)
                {
                    current.AddGuidanceParagraph(inline, softWrap: false);
                }

                break;
            case LabelKind.LookFor or LabelKind.FollowUp:
                block = Block.LookFor;
                var heading = line.Label == LabelKind.LookFor ? "Look for" : "Follow-up";
                current.AddGuidanceParagraph(inline.Length > 0 ? $"**{heading}:** {inline}" : $"**{heading}:**", softWrap: false);
                break;
            case LabelKind.Example:
                block = Block.Example;
                current.StartAnswer();
                if (inline.Length > 0)
                {
                    current.AddAnswer(inline, softWrap: false);
                }

                break;
            case LabelKind.WhatNotToSay or LabelKind.RedFlags:
                block = line.Label == LabelKind.RedFlags ? Block.RedFlags : Block.WhatNotToSay;
                blockSeverity = SeverityOf(line.LabelText);
                AddFlags(current.RedFlags, inline);
                break;
            case LabelKind.Competency:
                if (inline.Length > 0)
                {
                    current.ExplicitCompetency = inline;
                    block = Block.None;
                }
                else
                {
                    block = Block.Competency;
                }

                break;
        }
    }

    private void HandleNumberMarker(SourceLine line)
    {
        if (block == Block.Example)
        {
            // "1", "2" above several example answers.
            current?.StartAnswer();
        }
        else if (InListBlock)
        {
            // "1. 1" with the tip text on a later line.
            tipPending = true;
            listNumber = ParseFirst(line.ItemNumber);
            listIndent = line.Indent;
        }
    }

    private void HandleNumbered(int i, SourceLine line)
    {
        var number = line.ItemNumber!;
        var n = ParseFirst(number);
        var flat = !number.Contains('.', StringComparison.Ordinal);
        var continuesList = listNumber > 0 && flat && n == listNumber + 1;
        var continuesQuestions = lastQuestionNumber is not null && IsSuccessor(lastQuestionNumber, number);

        if (IsNumberedSectionHeading(i, line))
        {
            // "2. Boundaries" above "2.1. How do you…?": a section, not a question.
            Close();
            section = line.Body;
            sectionType = LineClassifier.TrySection(line.Body, out var type) ? type : null;
            pendingTopic = null;
            return;
        }

        // "3." after question 2 is question 3, unless it continues a list of tips or answer steps that reached 2.
        if (continuesQuestions && (!continuesList || line.Indent < listIndent || line.EndsWithQuestionMark || LabelFollows(i)))
        {
            Start(line.Body, QuestionMarker.Numbered, line, number);
            return;
        }

        // The first numbered question; in an introduction or a red-flags list only a real question counts.
        var firstShape = block is Block.GlobalRedFlags or Block.Intro or Block.Noise
            ? TextShapes.IsQuestionSentence(line.Body) || LabelFollows(i)
            : TextShapes.IsPrompt(line.Body) || (line.Body.Length <= TextShapes.MaxQuestionLength && LabelFollows(i));
        if (lastQuestionNumber is null && current is null && firstShape)
        {
            Start(line.Body, QuestionMarker.Numbered, line, number);
            return;
        }

        listNumber = n;
        listIndent = line.Indent;
        if (InListBlock)
        {
            AddListItem(line.Body, numbered: true);
            return;
        }

        AddParagraph(i, line, $"{number}. {line.Body}");
    }

    private void HandleBullet(int i, SourceLine line)
    {
        var questionShaped = TextShapes.IsQuestionSentence(line.Body) || (TextShapes.IsPrompt(line.Body) && LabelFollows(i));
        if (questionShaped && BulletStartsQuestion(i, line))
        {
            Start(line.Body, QuestionMarker.Bulleted, line);
            return;
        }

        if (InListBlock)
        {
            AddListItem(line.Body, numbered: false);
            return;
        }

        AddParagraph(i, line, block == Block.Example ? $"- {line.Body}" : line.Body);
    }

    private bool BulletStartsQuestion(int i, SourceLine line)
    {
        if (current is null)
        {
            return block is not (Block.GlobalRedFlags or Block.Noise) || LookaheadFindsLabel(i);
        }

        if (current.Marker == QuestionMarker.Bulleted && line.Indent <= current.Indent)
        {
            return true;
        }

        return !InListBlock && current.Marker is not (QuestionMarker.Heading or QuestionMarker.Numbered) && LookaheadFindsLabel(i);
    }

    private void HandleText(int i, SourceLine line)
    {
        var text = line.Body;
        if (tipPending && InListBlock)
        {
            tipPending = false;
            AddListItem(text, numbered: true);
            return;
        }

        if (line.IsExplicitQuestion || (previous?.Kind == LineKind.Topic && pendingTopic is not null && TextShapes.IsPrompt(text)))
        {
            Start(text, QuestionMarker.Bare, line);
            return;
        }

        if (TextShapes.IsQuestionSentence(text) && BareQuestionStartsHere(i))
        {
            Start(text, QuestionMarker.Bare, line);
            return;
        }

        // Under a "… questions" heading, each short prompt on its own line is a question even without labels.
        if (InQuestionSection && TextShapes.IsPrompt(text) && text[^1] is '.' or '?' or '!'
            && (current is null || (current.Marker == QuestionMarker.Bare && !current.HasBody)))
        {
            Start(text, QuestionMarker.Bare, line);
            return;
        }

        var between = current is null || current.HasGuidance || current.HasAnswer;
        if (between && !InOpenQuote() && TextShapes.IsPrompt(text) && LabelFollows(i))
        {
            Start(text, QuestionMarker.Bare, line);
            return;
        }

        // Seed 001's layout: a "why it is asked" paragraph directly followed by "How to Answer".
        if (between && NextIsHowToAnswer(i))
        {
            StartInferred(text, line);
            return;
        }

        listNumber = 0;
        AddParagraph(i, line, text);
    }

    private bool BareQuestionStartsHere(int i)
    {
        if (current is null)
        {
            return block is not (Block.Noise or Block.Intro or Block.GlobalRedFlags) || LookaheadFindsLabel(i);
        }

        if (InOpenQuote() || current.Marker is QuestionMarker.Heading or QuestionMarker.Numbered)
        {
            return false;
        }

        if (block == Block.None || (block == Block.Purpose && !current.HasGuidance && !current.HasAnswer))
        {
            return true;
        }

        return LookaheadFindsLabel(i);
    }

    /// <summary>Attaches a plain paragraph to whichever block is open.</summary>
    private void AddParagraph(int i, SourceLine line, string text)
    {
        var softWrap = IsSoftWrap(i, line);
        if (current is null || block is Block.Noise or Block.Intro)
        {
            if (block == Block.GlobalRedFlags && !text.EndsWith(':'))
            {
                AddFlags(globalFlags, text);
            }
            else if (block != Block.Noise && block != Block.GlobalRedFlags)
            {
                introParagraphs++;
            }

            return;
        }

        switch (block)
        {
            case Block.None or Block.Purpose:
                block = Block.Purpose;
                current.AddPurpose(text, softWrap);
                break;
            case Block.Guidance or Block.LookFor:
                if (!(softWrap && current.ContinueGuidanceItem(text)))
                {
                    current.AddGuidanceParagraph(text, softWrap);
                }

                break;
            case Block.Example:
                current.AddAnswer(text, softWrap);
                break;
            case Block.WhatNotToSay or Block.RedFlags:
                if (!text.EndsWith(':'))
                {
                    AddFlags(current.RedFlags, text);
                }

                break;
            case Block.Competency:
                current.ExplicitCompetency = text;
                block = Block.None;
                break;
        }
    }

    private void AddListItem(string text, bool numbered)
    {
        switch (block)
        {
            case Block.GlobalRedFlags:
                AddFlags(globalFlags, text);
                break;
            case Block.WhatNotToSay or Block.RedFlags when current is not null:
                AddFlags(current.RedFlags, text);
                break;
            case Block.Guidance or Block.LookFor when current is not null:
                current.AddGuidanceItem(text, numbered, isTip: block == Block.Guidance);
                break;
        }
    }

    private void AddFlags(List<ParsedRedFlag> target, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var severity = blockSeverity;
            var cleaned = KnockOutMarker().Replace(part, string.Empty).Trim().TrimEnd('.', ',').Trim();
            if (cleaned.Length != part.Trim().TrimEnd('.', ',').Trim().Length)
            {
                severity = RedFlagSeverity.KnockOut;
            }

            if (cleaned.Length > 0)
            {
                target.Add(new ParsedRedFlag(cleaned, severity));
            }
        }
    }

    private void Start(string text, QuestionMarker marker, SourceLine line, string? number = null)
    {
        Close();
        current = new QuestionDraft(CleanQuestionText(text), marker, line)
        {
            Topic = pendingTopic,
            Section = section,
            SectionType = sectionType,
        };
        pendingTopic = null;
        block = Block.None;
        listNumber = 0;
        tipPending = false;
        if (number is not null)
        {
            lastQuestionNumber = number;
        }
    }

    private void StartInferred(string purpose, SourceLine line)
    {
        Close();
        current = new QuestionDraft(ProvisionalTitle.FromPurpose(purpose), QuestionMarker.Inferred, line)
        {
            Topic = pendingTopic,
            Section = section,
            SectionType = sectionType,
        };
        current.AddPurpose(purpose, softWrap: false);
        pendingTopic = null;
        block = Block.Purpose;
        listNumber = 0;
        tipPending = false;
    }

    private void Close()
    {
        if (current is not null)
        {
            finished.Add(current);
            current = null;
        }

        block = Block.None;
        listNumber = 0;
        tipPending = false;
    }

    /// <summary>A red-flags list about the whole role rather than the question above it.</summary>
    private bool IsDocumentLevelRedFlags(SourceLine line)
    {
        if (current is null)
        {
            return true;
        }

        if (line.Body.Length > 0)
        {
            return false;
        }

        if (line.HeadingLevel > 0)
        {
            return current.Marker != QuestionMarker.Heading || line.HeadingLevel <= current.HeadingLevel;
        }

        if (line.HasSymbolPrefix || (current.LabelIndent is { } labelIndent && line.Indent < labelIndent))
        {
            return true;
        }

        // A red-flags heading after a complete question, in a document whose earlier questions had no flags of their own.
        return finished.Count > 0 && !finished.Any(q => q.RedFlags.Count > 0) && (current.HasAnswer || current.HasGuidance);
    }

    private bool InOpenQuote() =>
        current is not null && block == Block.Example && TextShapes.QuoteBalance(current.CurrentAnswerText) > 0;

    private bool IsSoftWrap(int i, SourceLine line)
    {
        if (i == 0 || previous is null || previous.Number != line.Number - 1 || previous.Kind is not (LineKind.Text or LineKind.Label))
        {
            return false;
        }

        var prev = previous.Body;
        return prev.Length > 0 && line.Body.Length > 0 && char.IsLower(line.Body[0])
            && prev[^1] is not ('.' or '!' or '?' or ':' or '”' or '"');
    }

    private bool IsNumberedSectionHeading(int i, SourceLine line)
    {
        var body = line.Body;
        if (i + 1 >= lines.Count || TextShapes.WordCount(body) > 8 || body[^1] is '.' or '?' or '!' or ':' or ';' or ',')
        {
            return false;
        }

        var next = lines[i + 1];
        return next.Kind is LineKind.Numbered or LineKind.Heading
            && next.ItemNumber is { } nextNumber
            && nextNumber.StartsWith(line.ItemNumber + ".", StringComparison.Ordinal);
    }

    private bool NextIsHowToAnswer(int i) =>
        i + 1 < lines.Count && lines[i + 1] is { Kind: LineKind.Label, Label: LabelKind.HowToAnswer };

    private bool NextLineIsPrompt(int i)
    {
        if (i + 1 >= lines.Count)
        {
            return false;
        }

        var next = lines[i + 1];
        return next.Kind is LineKind.Text or LineKind.Numbered or LineKind.Bullet or LineKind.Heading && TextShapes.IsPrompt(next.Body);
    }

    /// <summary>The next line or the one after it is a question label (e.g. "How to Answer" right under a prompt).</summary>
    private bool LabelFollows(int i)
    {
        for (var j = i + 1; j < lines.Count && j <= i + 2; j++)
        {
            if (lines[j].Kind == LineKind.Label)
            {
                return IsQuestionLabel(lines[j]);
            }

            if (lines[j].Kind != LineKind.Text)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Looks a few lines ahead for a question's labels before anything that would start another question.</summary>
    private bool LookaheadFindsLabel(int i)
    {
        for (var j = i + 1; j < lines.Count && j <= i + LookaheadUnits; j++)
        {
            var next = lines[j];
            switch (next.Kind)
            {
                case LineKind.Label:
                    return IsQuestionLabel(next);
                case LineKind.Noise or LineKind.Topic or LineKind.Section or LineKind.Heading:
                    return false;
                case LineKind.Text or LineKind.Numbered or LineKind.Bullet when TextShapes.IsQuestionSentence(next.Body):
                    return false;
            }
        }

        return false;
    }

    private static bool IsQuestionLabel(SourceLine line) =>
        line.Label is LabelKind.Purpose or LabelKind.HowToAnswer or LabelKind.LookFor or LabelKind.Example
            or LabelKind.WhatNotToSay or LabelKind.Competency or LabelKind.FollowUp
        || (line.Label == LabelKind.RedFlags && line.Body.Length > 0);

    private static RedFlagSeverity SeverityOf(string? labelText) =>
        labelText is not null && KnockOutMarker().IsMatch(labelText) ? RedFlagSeverity.KnockOut : RedFlagSeverity.Concern;

    private static int ParseFirst(string? number)
    {
        if (number is null)
        {
            return 0;
        }

        var dot = number.IndexOf('.', StringComparison.Ordinal);
        return int.TryParse(dot < 0 ? number : number[..dot], out var n) ? n : 0;
    }

    /// <summary>"3" follows "2"; "1.3" follows "1.2"; "2.1" follows "1.4". Small gaps are tolerated.</summary>
    internal static bool IsSuccessor(string previousNumber, string? next)
    {
        if (next is null)
        {
            return false;
        }

        var a = previousNumber.Split('.');
        var b = next.Split('.');
        if (a.Length != b.Length)
        {
            return false;
        }

        var prefixEqual = true;
        for (var k = 0; k < a.Length; k++)
        {
            var x = int.Parse(a[k], System.Globalization.CultureInfo.InvariantCulture);
            var y = int.Parse(b[k], System.Globalization.CultureInfo.InvariantCulture);
            if (!prefixEqual)
            {
                return y <= 2;
            }

            if (y == x)
            {
                continue;
            }

            if (y < x || y > x + 3)
            {
                return false;
            }

            prefixEqual = false;
        }

        return !prefixEqual;
    }

    private static string CleanQuestionText(string text)
    {
        var t = text.Trim().Trim('*', '_').Trim();
        while (t.EndsWith("? ?", StringComparison.Ordinal))
        {
            // A trailing emoji that a legacy encoding turned into "?".
            t = t[..^2];
        }

        return t.Length > 1 && t[0] is '“' or '"' && t[^1] is '”' or '"' ? t[1..^1].Trim() : t;
    }

    [GeneratedRegex(@"^(?:question|q)\s*\d{1,4}:?$", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionNumberHeading();

    [GeneratedRegex(@"\(?\[?\b(?:knock[- ]?out|deal[- ]?breaker|disqualif\w*)\b\]?\)?:?", RegexOptions.IgnoreCase)]
    private static partial Regex KnockOutMarker();
}
