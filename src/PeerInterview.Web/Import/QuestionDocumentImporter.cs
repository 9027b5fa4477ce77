using System.Security.Cryptography;
using System.Text.RegularExpressions;
using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Import;

/// <summary>
/// Reads an uploaded question document (any of the layouts the seeds use, and similar ones) into a
/// <see cref="ParsedDocument"/>. Pure: nothing is saved; bad input is refused with <see cref="ImportRejectedException"/>.
/// </summary>
public sealed partial class QuestionDocumentImporter
{
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>The document's identity: the same bytes are never imported twice.</summary>
    public static string Sha256Hex(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private readonly IReadOnlyList<CompetencyRef> defaultCompetencies = CompetencyTagger.Defaults;

    public ParsedDocument Parse(byte[] content, string fileName, IReadOnlyList<CompetencyRef>? competencies = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0)
        {
            throw new ImportRejectedException(ImportRejection.Empty, "The file is empty.");
        }

        if (content.Length > MaxBytes)
        {
            throw new ImportRejectedException(
                ImportRejection.TooLarge,
                $"The file is larger than the 2 MB limit ({content.Length:N0} bytes). Split it into smaller documents and upload them one at a time.");
        }

        var decoded = TextDecoder.Decode(content);
        var lines = LineClassifier.Classify(decoded.Text);
        var recognised = DocumentRecogniser.Recognise(lines);
        if (recognised.Questions.Count == 0)
        {
            throw new ImportRejectedException(
                ImportRejection.NoQuestions,
                "No recognisable interview questions were found in the file. Questions should be numbered, bulleted, Markdown headings or sentences ending with \"?\", ideally with labels such as \"Purpose:\", \"How to answer\" or \"Example:\".");
        }

        var tagWith = competencies is { Count: > 0 } ? competencies : defaultCompetencies;
        var warnings = new List<string>();
        var questions = new List<ParsedQuestion>(recognised.Questions.Count);
        foreach (var draft in recognised.Questions)
        {
            var inferred = draft.Marker == QuestionMarker.Inferred;
            var (code, reason) = CompetencyTagger.Tag(draft.Text, draft.Topic, draft.PurposeText, draft.ExplicitCompetency, tagWith);
            IReadOnlyList<LintWarning> lint = inferred ? [] : QuestionLint.Check(draft.Text);
            var question = draft.Build(inferred, draft.SectionType ?? InferType(draft.Text), code, reason, lint);
            questions.Add(question);

            if (inferred)
            {
                warnings.Add($"Line {draft.LineStart}: the source gives no question sentence here; the title \"{draft.Text}\" was taken from the text explaining why it is asked and needs review.");
            }

            if (question.Guidance is null && question.SampleAnswer is null)
            {
                warnings.Add($"Line {draft.LineStart}: \"{Shorten(draft.Text)}\" has no guidance or sample answer.");
            }

            if (lint.Count > 0)
            {
                warnings.Add($"Line {draft.LineStart}: \"{Shorten(draft.Text)}\" may be unlawful to ask before an offer ({string.Join(", ", lint.Select(l => l.Category))}).");
            }

            if (question.Text.Length > TextLimits.QuestionText)
            {
                warnings.Add($"Line {draft.LineStart}: the question is longer than {TextLimits.QuestionText:N0} characters and will be cut to that length; edit it after importing.");
            }

            if (question.RedFlags.Any(f => f.Text.Length > TextLimits.RedFlagText))
            {
                warnings.Add($"Line {draft.LineStart}: a red flag of \"{Shorten(draft.Text)}\" is longer than {TextLimits.RedFlagText:N0} characters and will be cut to that length.");
            }
        }

        var longFlags = recognised.GlobalRedFlags.Count(f => f.Text.Length > TextLimits.RedFlagText);
        if (longFlags > 0)
        {
            warnings.Add($"{longFlags} red flag(s) for the whole document are longer than {TextLimits.RedFlagText:N0} characters and will be cut to that length.");
        }

        if (recognised.NoiseLines > 0)
        {
            warnings.Add($"Skipped {recognised.NoiseLines} line(s) of page furniture (promotions, navigation, download prompts, titles and dates).");
        }

        if (recognised.IntroParagraphs > 0)
        {
            warnings.Add($"Skipped {recognised.IntroParagraphs} paragraph(s) of introduction that belong to no question.");
        }

        return new ParsedDocument
        {
            Format = DescribeFormat(recognised),
            Encoding = decoded.EncodingName,
            Sha256 = Sha256Hex(content),
            Title = FindTitle(lines, recognised.Questions[0].LineStart, fileName),
            Questions = questions,
            GlobalRedFlags = recognised.GlobalRedFlags,
            Warnings = warnings,
        };
    }

    /// <summary>Question type from the wording when no section heading says it: only the obvious openings.</summary>
    internal static QuestionType? InferType(string text)
    {
        if (BehaviouralOpening().IsMatch(text))
        {
            return QuestionType.Behavioural;
        }

        return SituationalOpening().IsMatch(text) ? QuestionType.Situational : null;
    }

    /// <summary>A short, stable name for the layout, from how questions were marked and which labels were used.</summary>
    private static string DescribeFormat(RecognisedDocument doc)
    {
        var questions = doc.Questions;
        var half = questions.Count / 2.0;
        var markers = questions.GroupBy(q => q.Marker).ToDictionary(g => g.Key, g => g.Count());
        var dominant = markers.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).First().Key;
        var labels = doc.LabelsSeen;
        var hasHowTo = labels.Contains(LabelKind.HowToAnswer);
        var hasTips = questions.Count(q => q.HasTips) > half;

        if (dominant == QuestionMarker.Inferred)
        {
            return hasHowTo ? "paragraph-how-to-answer" : "paragraph-inferred";
        }

        if (dominant == QuestionMarker.Heading || doc.BoldLabels > half)
        {
            return "markdown-labelled";
        }

        if (questions.Count(q => q.Topic is not null) > half)
        {
            return hasTips ? "topic-sections-tips" : hasHowTo ? "topic-sections-how-to-answer" : "topic-sections";
        }

        var prefix = dominant switch
        {
            QuestionMarker.Numbered => "numbered",
            QuestionMarker.Bulleted => "bulleted",
            _ => "plain",
        };
        var suffix = hasHowTo ? "how-to-answer"
            : labels.Contains(LabelKind.Purpose) && labels.Contains(LabelKind.Example) ? "purpose-sample"
            : labels.Contains(LabelKind.Example) ? "example"
            : labels.Count > 0 ? "labelled"
            : "questions";
        return $"{prefix}-{suffix}";
    }

    /// <summary>The first Markdown H1, else a title-like line above the first question, else the file name.</summary>
    private static string FindTitle(List<SourceLine> lines, int firstQuestionLine, string fileName)
    {
        var heading = lines.FirstOrDefault(l => l.HeadingLevel == 1 && l.Kind != LineKind.Label && l.Body.Length > 0);
        if (heading is not null)
        {
            return Tidy(heading.Body);
        }

        var candidates = lines.Take(8)
            .Where(l => l.Number < firstQuestionLine)
            .Where(l => l.Kind is LineKind.Text or LineKind.Noise or LineKind.Section or LineKind.Topic && !l.IsExplicitQuestion)
            .Where(l => l.Body.Length is > 0 and <= 160 && !l.Body.Contains(" | ", StringComparison.Ordinal))
            .ToList();
        var named = candidates.FirstOrDefault(l => l.Body.Contains("interview", StringComparison.OrdinalIgnoreCase)
            || l.Body.Contains("question", StringComparison.OrdinalIgnoreCase));
        var chosen = named ?? candidates.FirstOrDefault();
        if (chosen is not null)
        {
            return Tidy(chosen.Body);
        }

        var name = Path.GetFileNameWithoutExtension(fileName ?? string.Empty);
        return name.Length > 0 ? name : "Untitled document";

        static string Tidy(string title) => UpdatedTag().Replace(title, string.Empty).Trim();
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "…";

    [GeneratedRegex(
        @"^(?:tell (?:me|us) about a (?:time|situation)|describe a (?:time|situation|moment)|(?:can|could) you (?:share|describe|tell (?:me|us) about|detail|give (?:me |us )?|provide)(?: an?)? (?:time|situation|experience|instance|example|success story|moment)|give (?:me |us )?an example|share (?:a|an) (?:time|experience|example|instance|success story)|walk (?:me|us) through a (?:time|situation)|have you ever)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex BehaviouralOpening();

    [GeneratedRegex(
        @"^(?:what would you do|how would you|what steps would you|what would be your|imagine|suppose|if a|if you were|you are (?:assigned|working|supporting|faced)|a (?:peer|client|participant|colleague) (?:is|has|wants|gives|tells|says|asks|discloses))\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex SituationalOpening();

    [GeneratedRegex(@"\s*\[updated[^\]]*\]", RegexOptions.IgnoreCase)]
    private static partial Regex UpdatedTag();
}
