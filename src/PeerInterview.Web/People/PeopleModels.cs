using PeerInterview.Web.Domain;

namespace PeerInterview.Web.People;

public sealed record PositionListItem(
    int Id,
    string Title,
    string? Location,
    string? HiringManagerId,
    string? HiringManagerName,
    int? KitId,
    string? KitName,
    int? LatestPublishedKitVersionNumber,
    int CandidateCount,
    DateTimeOffset CreatedAt);

public sealed record PositionDetail(
    int Id,
    string Title,
    string? Location,
    string? HiringManagerId,
    string? HiringManagerName,
    int? KitId,
    string? KitName,
    int? LatestPublishedKitVersionId,
    int? LatestPublishedKitVersionNumber,
    int CandidateCount,
    DateTimeOffset CreatedAt);

/// <summary>A new or edited position. <see cref="HiringManagerId"/> defaults to the person saving it.</summary>
public sealed record PositionInput(string? Title, string? Location, string? HiringManagerId, int? KitId);

public sealed record CandidateFilter
{
    public string? Q { get; init; }
    public int? PositionId { get; init; }
    public CandidateStage? Stage { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 25;
}

public sealed record CandidateListItem(
    int Id,
    string Name,
    string? Email,
    string? Phone,
    int PositionId,
    string PositionTitle,
    CandidateStage Stage,
    DateTimeOffset CreatedAt,
    int InterviewCount,
    DateTimeOffset? NextInterviewAt);

public sealed record CandidateDetail(
    int Id,
    string Name,
    string? Email,
    string? Phone,
    int PositionId,
    string PositionTitle,
    CandidateStage Stage,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ErasedAt,
    IReadOnlyList<CandidateInterview> Interviews,
    string PseudonymId);

/// <summary>One interview on the candidate page: when, which kit, and how far the panel has got (no ratings).</summary>
public sealed record CandidateInterview(
    int Id,
    DateTimeOffset ScheduledAt,
    string KitName,
    int KitVersionNumber,
    bool IsCancelled,
    int PanelSize,
    int SubmittedCount,
    IReadOnlyList<string> InterviewerNames);

/// <summary>A new or edited candidate. <see cref="Stage"/> is read on create only; stage changes have their own action.</summary>
public sealed record CandidateInput(string? Name, string? Email, string? Phone, int? PositionId, string? Stage = null);

public static class StageText
{
    /// <summary>"NotHired" → "Not hired".</summary>
    public static string Label(CandidateStage stage) => stage == CandidateStage.NotHired ? "Not hired" : stage.ToString();

    /// <summary>The badge colour for a stage on lists and the candidate page.</summary>
    public static string BadgeClass(CandidateStage stage) => stage switch
    {
        CandidateStage.Interviewing => "info",
        CandidateStage.Decision => "warn",
        CandidateStage.Hired => "ok",
        CandidateStage.NotHired or CandidateStage.Withdrawn => "",
        _ => "",
    };

    /// <summary>Hired, not hired and withdrawn candidates are not interviewed any more.</summary>
    public static bool IsClosed(CandidateStage stage) => stage is CandidateStage.Hired or CandidateStage.NotHired or CandidateStage.Withdrawn;

    public static string Choices => string.Join(", ", Enum.GetValues<CandidateStage>());
}
