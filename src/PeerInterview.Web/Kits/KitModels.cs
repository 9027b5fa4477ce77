using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Kits;

public sealed record KitSummary(int Id, string Name, string Role, bool IsRetired, int? DraftVersionId, int? PublishedVersionId, int? PublishedNumber, DateTimeOffset? PublishedAt, int Items, int Minutes);

/// <summary>One version of a kit as the builder and the API show it.</summary>
public sealed record KitView
{
    public required int KitId { get; init; }
    public required string Name { get; init; }
    public required string Role { get; init; }
    public bool IsRetired { get; init; }
    public required int VersionId { get; init; }
    public required int VersionNumber { get; init; }
    public required KitStatus Status { get; init; }
    public int TargetMinutes { get; init; }
    public int Revision { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public string? ChangeSummary { get; init; }
    public required IReadOnlyList<KitSectionView> Sections { get; init; }
    public required KitCoverage.Result Coverage { get; init; }
    public IReadOnlyList<KitVersionSummary> Versions { get; init; } = [];
}

public sealed record KitSectionView(int Id, string Name, int Order, IReadOnlyList<KitItemView> Items);

public sealed record KitItemView(
    int Id,
    int QuestionId,
    string QuestionText,
    string CompetencyCode,
    int Minutes,
    int Order,
    QuestionStatus QuestionStatus,
    bool HasLintWarning,
    bool HasOverrides,
    string? GuidanceOverride,
    string? AnchorPoorOverride,
    string? AnchorMeetsOverride,
    string? AnchorExcellentOverride,
    IReadOnlyList<KitItemFlagView> RedFlagOverrides,
    AnchorSource AnchorSource,
    KitCoverage.AnchorState AnchorState);

public sealed record KitItemFlagView(int Id, string Text, RedFlagSeverity Severity);

public sealed record KitVersionSummary(int Id, int Number, KitStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt, string? ChangeSummary, int Items);

/// <summary>Per-item overrides; null leaves a field as it is, an empty string clears the override.</summary>
public sealed record KitItemUpdate
{
    public int? Minutes { get; init; }
    public string? Section { get; init; }
    public string? Guidance { get; init; }
    public string? AnchorPoor { get; init; }
    public string? AnchorMeets { get; init; }
    public string? AnchorExcellent { get; init; }

    /// <summary>When set, replaces the item's red-flag overrides (empty list: use the question's own flags).</summary>
    public IReadOnlyList<KitItemFlagInput>? RedFlags { get; init; }
}

public sealed record KitItemFlagInput(string Text, RedFlagSeverity Severity);
