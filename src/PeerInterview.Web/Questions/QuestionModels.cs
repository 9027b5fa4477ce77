using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Questions;

/// <summary>Bank filters, shared by the browse page and GET /api/v1/questions.</summary>
public sealed record QuestionFilter
{
    public string? Q { get; init; }
    public string? Competency { get; init; }
    public QuestionType? Type { get; init; }
    public QuestionStatus? Status { get; init; }
    public int? Source { get; init; }
    public bool? HasLint { get; init; }

    /// <summary>A duplicate group id, or 0 for "any group".</summary>
    public int? DuplicateGroup { get; init; }

    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 25;
}

public sealed record QuestionListItem(
    int Id,
    string Text,
    bool TitleInferred,
    string CompetencyCode,
    string CompetencyName,
    QuestionType? Type,
    string? Topic,
    QuestionStatus Status,
    bool HasLintWarning,
    int? DuplicateGroupId,
    int? SourceDocumentId,
    string? SourceDocumentName);

public sealed record QuestionPage(IReadOnlyList<QuestionListItem> Items, int Total, int Page, int PageSize);

public sealed record QuestionDetail
{
    public required int Id { get; init; }
    public required string Text { get; init; }
    public bool TitleInferred { get; init; }
    public string? Purpose { get; init; }
    public string? Guidance { get; init; }
    public IReadOnlyList<string> GuidanceTips { get; init; } = [];
    public string? SampleAnswer { get; init; }
    public QuestionType? Type { get; init; }
    public string? Topic { get; init; }
    public string? Section { get; init; }
    public required string Competency { get; init; }
    public required string CompetencyName { get; init; }
    public string? SecondaryCompetency { get; init; }
    public string? CompetencyReason { get; init; }
    public string? AnchorPoor { get; init; }
    public string? AnchorMeets { get; init; }
    public string? AnchorExcellent { get; init; }

    /// <summary>What the interviewer listens for in the answer (not the source's advice to candidates, which is <see cref="Guidance"/>).</summary>
    public IReadOnlyList<string> ListenFor { get; init; } = [];

    /// <summary>False while the anchors are the shipped starter set nobody in the organisation has accepted or edited.</summary>
    public bool AnchorsReviewed { get; init; }

    /// <summary>The question has anchors or a listen-for list that are still the unreviewed starter set.</summary>
    public bool AnchorsAreStarter { get; init; }

    public QuestionStatus Status { get; init; }
    public IReadOnlyList<string> LintWarnings { get; init; } = [];
    public int? DuplicateGroupId { get; init; }
    public int? MergedIntoId { get; init; }
    public IReadOnlyList<QuestionSourceView> Sources { get; init; } = [];
    public IReadOnlyList<RedFlagView> RedFlags { get; init; } = [];
    public int Version { get; init; }
}

public sealed record QuestionSourceView(int DocumentId, string DocumentName, int LineStart, int LineEnd, string OriginalText);

public sealed record RedFlagView(int? Id, string Text, RedFlagSeverity Severity);

/// <summary>An edit of a bank question. Omitted (null) fields are left as they are; <see cref="Version"/> is required.</summary>
public sealed record QuestionUpdate
{
    public string? Text { get; init; }
    public string? Purpose { get; init; }
    public string? Guidance { get; init; }
    public string? SampleAnswer { get; init; }
    public QuestionType? Type { get; init; }
    public string? Topic { get; init; }
    public string? Competency { get; init; }
    public string? SecondaryCompetency { get; init; }
    public string? AnchorPoor { get; init; }
    public string? AnchorMeets { get; init; }
    public string? AnchorExcellent { get; init; }

    /// <summary>Replaces the listen-for list (blank points are dropped); null leaves it as it is.</summary>
    public IReadOnlyList<string>? ListenFor { get; init; }

    public QuestionStatus? Status { get; init; }
    public IReadOnlyList<RedFlagView>? RedFlags { get; init; }
    public int? Version { get; init; }
}

public sealed record CompetencyView(int Id, string Code, string Name, string? Description, bool IsHurdle, bool IsRetired, int QuestionCount, CompetencyAnchors Anchors);

/// <summary>A competency's 1/3/5 anchors: the middle layer, used by questions that have none of their own.</summary>
public sealed record CompetencyAnchors(string? Poor, string? Meets, string? Excellent);

/// <summary>The version of the question the client saw (optional; a stale one is 409).</summary>
public sealed record AcceptAnchorsRequest(int? Version);
