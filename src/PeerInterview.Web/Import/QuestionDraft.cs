using System.Text;
using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Import;

/// <summary>How the source marked a question; decides which later lines may start the next one.</summary>
internal enum QuestionMarker
{
    Numbered,
    Bulleted,
    Heading,
    Bare,
    Inferred,
}

/// <summary>A question while its blocks are still being collected.</summary>
internal sealed class QuestionDraft(string text, QuestionMarker marker, SourceLine line)
{
    private readonly List<GuidanceBlock> guidance = [];
    private readonly List<List<string>> answers = [];
    private readonly List<string> purpose = [];

    public string Text { get; } = text;

    public QuestionMarker Marker { get; } = marker;

    public int Indent { get; } = line.Indent;

    public int HeadingLevel { get; } = line.HeadingLevel;

    public int LineStart { get; } = line.Number;

    public int LineEnd { get; set; } = line.Number;

    public string? Topic { get; init; }

    public string? Section { get; init; }

    public QuestionType? SectionType { get; init; }

    public string? ExplicitCompetency { get; set; }

    public List<ParsedRedFlag> RedFlags { get; } = [];

    /// <summary>Indent of the first label inside the question, used to tell its own labels from document-level ones.</summary>
    public int? LabelIndent { get; set; }

    public bool HasGuidance => guidance.Count > 0;

    public bool HasTips => guidance.Any(g => g.IsTip);

    public bool HasAnswer => answers.Any(a => a.Count > 0);

    public bool HasBody => HasGuidance || HasAnswer || purpose.Count > 0 || RedFlags.Count > 0;

    /// <summary>The answer currently being written, used to see whether a quotation is still open.</summary>
    public string CurrentAnswerText => answers.Count == 0 ? string.Empty : string.Join("\n", answers[^1]);

    public void AddPurpose(string text, bool softWrap) => AppendParagraph(purpose, text, softWrap);

    public void StartAnswer()
    {
        if (answers.Count == 0 || answers[^1].Count > 0)
        {
            answers.Add([]);
        }
    }

    public void AddAnswer(string text, bool softWrap)
    {
        if (answers.Count == 0)
        {
            answers.Add([]);
        }

        AppendParagraph(answers[^1], text, softWrap);
    }

    public void AddGuidanceParagraph(string text, bool softWrap)
    {
        if (softWrap && guidance.Count > 0 && guidance[^1].Kind == GuidanceKind.Paragraph)
        {
            guidance[^1] = guidance[^1] with { Text = guidance[^1].Text + " " + text };
            return;
        }

        guidance.Add(new GuidanceBlock(GuidanceKind.Paragraph, text, IsTip: false));
    }

    public void AddGuidanceItem(string text, bool numbered, bool isTip) =>
        guidance.Add(new GuidanceBlock(numbered ? GuidanceKind.NumberedItem : GuidanceKind.BulletItem, text, isTip));

    /// <summary>Appends to the last list item, for items whose text runs over several lines.</summary>
    public bool ContinueGuidanceItem(string text)
    {
        if (guidance.Count == 0 || guidance[^1].Kind == GuidanceKind.Paragraph)
        {
            return false;
        }

        guidance[^1] = guidance[^1] with { Text = guidance[^1].Text + " " + text };
        return true;
    }

    public ParsedQuestion Build(bool titleInferred, QuestionType? type, string competency, string competencyReason, IReadOnlyList<LintWarning> lint) => new()
    {
        Text = Text,
        TitleInferred = titleInferred,
        Purpose = purpose.Count == 0 ? null : string.Join("\n\n", purpose),
        Guidance = RenderGuidance(),
        GuidanceTips = guidance.Where(g => g.IsTip).Select(g => g.Text).ToList(),
        SampleAnswer = RenderAnswers(),
        Type = type,
        Topic = Topic,
        Section = Section,
        Competency = competency,
        CompetencyReason = competencyReason,
        RedFlags = RedFlags.ToList(),
        LintWarnings = lint,
        LineStart = LineStart,
        LineEnd = LineEnd,
    };

    public string? PurposeText => purpose.Count == 0 ? null : string.Join(" ", purpose);

    private string? RenderGuidance()
    {
        if (guidance.Count == 0)
        {
            return null;
        }

        var sb = new StringBuilder();
        var listNumber = 0;
        for (var i = 0; i < guidance.Count; i++)
        {
            var block = guidance[i];
            if (block.Kind == GuidanceKind.Paragraph)
            {
                listNumber = 0;
                if (sb.Length > 0)
                {
                    sb.Append("\n\n");
                }

                sb.Append(block.Text);
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append(listNumber == 0 ? "\n\n" : "\n");
            }

            listNumber++;
            sb.Append(block.Kind == GuidanceKind.NumberedItem ? $"{listNumber}. " : "- ").Append(block.Text);
        }

        return sb.ToString();
    }

    private string? RenderAnswers()
    {
        var rendered = answers
            .Where(a => a.Count > 0)
            .Select(a => TextShapes.StripSurroundingQuotes(string.Join("\n\n", a)))
            .Where(a => a.Length > 0)
            .ToList();
        return rendered.Count == 0 ? null : string.Join("\n\n---\n\n", rendered);
    }

    private static void AppendParagraph(List<string> paragraphs, string text, bool softWrap)
    {
        if (softWrap && paragraphs.Count > 0)
        {
            paragraphs[^1] += " " + text;
        }
        else
        {
            paragraphs.Add(text);
        }
    }

    private enum GuidanceKind
    {
        Paragraph,
        NumberedItem,
        BulletItem,
    }

    private sealed record GuidanceBlock(GuidanceKind Kind, string Text, bool IsTip);
}
