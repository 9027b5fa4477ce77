namespace PeerInterview.Web.Domain;

public class Question
{
    public int Id { get; set; }
    public required string Text { get; set; }

    /// <summary>The source gave no question sentence; <see cref="Text"/> is provisional until a hiring manager rewrites it.</summary>
    public bool TitleInferred { get; set; }

    public string? Purpose { get; set; }

    /// <summary>Markdown shown to interviewers ("how to answer", "look for").</summary>
    public string? Guidance { get; set; }

    public List<string> GuidanceTips { get; set; } = [];

    /// <summary>Markdown; several answers separated by a horizontal rule.</summary>
    public string? SampleAnswer { get; set; }

    public QuestionType? Type { get; set; }
    public string? Topic { get; set; }
    public string? Section { get; set; }

    public int CompetencyId { get; set; }
    public Competency? Competency { get; set; }
    public int? SecondaryCompetencyId { get; set; }
    public Competency? SecondaryCompetency { get; set; }
    public string? CompetencyReason { get; set; }

    public string? AnchorPoor { get; set; }
    public string? AnchorMeets { get; set; }
    public string? AnchorExcellent { get; set; }

    /// <summary>What the interviewer should listen for in the answer (short, behavioural points addressed to the interviewer).</summary>
    public List<string> ListenFor { get; set; } = [];

    /// <summary>
    /// False while the anchors and listen-for list are the shipped starter set nobody in the organisation has reviewed;
    /// accepting them or editing them by hand sets it.
    /// </summary>
    public bool AnchorsReviewed { get; set; }

    public QuestionStatus Status { get; set; }

    /// <summary>Reasons the question may be unlawful to ask pre-offer; empty when clean.</summary>
    public List<string> LintWarnings { get; set; } = [];
    public bool HasLintWarning { get; set; }

    public int? DuplicateGroupId { get; set; }
    public DuplicateGroup? DuplicateGroup { get; set; }

    /// <summary>Set when this question was merged into another and archived.</summary>
    public int? MergedIntoId { get; set; }

    /// <summary>Lower-cased text, purpose, topic and guidance for search; maintained by <see cref="RefreshSearchText"/>.</summary>
    public string SearchText { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token, bumped on every edit.</summary>
    public int Version { get; set; }

    public List<QuestionSource> Sources { get; set; } = [];
    public List<RedFlag> RedFlags { get; set; } = [];

    public void RefreshSearchText() =>
        SearchText = string.Join('\n', new[] { Text, Topic, Purpose, Guidance }.Where(s => !string.IsNullOrWhiteSpace(s)))
            .ToLowerInvariant();
}

/// <summary>Where a question came from: a document and line range. A merged question keeps every source.</summary>
public class QuestionSource
{
    public int Id { get; set; }
    public int QuestionId { get; set; }
    public int SourceDocumentId { get; set; }
    public SourceDocument? SourceDocument { get; set; }
    public int LineStart { get; set; }
    public int LineEnd { get; set; }

    /// <summary>The question text as it stood in the source (or the inferred title), before any edit or merge.</summary>
    public required string OriginalText { get; set; }
}

public class DuplicateGroup
{
    public int Id { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<Question> Questions { get; set; } = [];
}
