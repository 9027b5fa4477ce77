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
    public QuestionStatus? Status { get; init; }
    public IReadOnlyList<RedFlagView>? RedFlags { get; init; }
    public int? Version { get; init; }
}

public sealed record CompetencyView(int Id, string Code, string Name, string? Description, bool IsHurdle, bool IsRetired, int QuestionCount);
