using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;

namespace PeerInterview.Web.Scoring;

/// <summary>
/// One scorecard as its reader sees it: the kit version's items with this scorecard's ratings and red-flag checks,
/// and — only for an owner who has submitted — the other panel members' submitted scorecards.
/// </summary>
public sealed record ScorecardView
{
    public required int Id { get; init; }
    public required int InterviewId { get; init; }
    public required int CandidateId { get; init; }
    public required string CandidateName { get; init; }
    public required string PositionTitle { get; init; }
    public required string KitName { get; init; }
    public required int KitVersionNumber { get; init; }
    public required DateTimeOffset ScheduledAt { get; init; }
    public required int InterviewMinutes { get; init; }
    public required string InterviewerName { get; init; }
    public required ScorecardState State { get; init; }
    public Recommendation? Recommendation { get; init; }
    public string? Summary { get; init; }

    /// <summary>The scorecard's concurrency token (for the recommendation and summary).</summary>
    public required int Version { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public string? ReopenReason { get; init; }
    public int? CurrentKitItemId { get; init; }
    public required IReadOnlyList<ScorecardItem> Items { get; init; }
    public required IReadOnlyList<RedFlagState> GlobalRedFlags { get; init; }

    /// <summary>Null until the reader's own scorecard on this interview is submitted.</summary>
    public IReadOnlyList<PanelMemberScorecard>? Panel { get; init; }
}

public sealed record ScorecardItem(
    int KitItemId,
    int Number,
    string Section,
    string Question,
    string CompetencyCode,
    string CompetencyName,
    int Minutes,
    string? Guidance,
    string GuidanceHtml,
    bool GuidanceIsSourceAdvice,
    IReadOnlyList<string> ListenFor,
    string AnchorPoor,
    string AnchorMeets,
    string AnchorExcellent,
    AnchorSource AnchorSource,
    string AnchorSourceText,
    IReadOnlyList<AnchorSource> AnchorLevelSources,
    IReadOnlyList<RedFlagState> RedFlags,
    RatingState Rating);

/// <summary>A rating as saved; <see cref="Version"/> is 0 when the item has not been rated yet.</summary>
public sealed record RatingState(int? Value, bool NotObserved, string? Notes, string NotesHtml, int Version);

/// <summary>A red flag and this scorecard's check of it; <see cref="Version"/> is 0 when it was never checked.</summary>
public sealed record RedFlagState(string Key, string Text, RedFlagSeverity Severity, bool Checked, string? Evidence, int Version);

public sealed record PanelMemberScorecard(
    int ScorecardId,
    string InterviewerName,
    DateTimeOffset? SubmittedAt,
    Recommendation? Recommendation,
    string? Summary,
    IReadOnlyList<PanelRating> Ratings,
    IReadOnlyList<PanelRedFlag> RedFlags);

public sealed record PanelRating(int KitItemId, int? Value, bool NotObserved, string? Notes);

public sealed record PanelRedFlag(string Key, string Text, string? Evidence);

public sealed record RatingInput(int? Value, bool NotObserved, string? Notes, int? Version);

public sealed record SavedRating(int KitItemId, int? Value, bool NotObserved, string? Notes, int Version);

public sealed record RedFlagInput(bool Checked, string? Evidence, int? Version);

public sealed record SavedRedFlag(string Key, bool Checked, string? Evidence, int Version);

public sealed record SummaryInput(string? Recommendation, string? Summary, int? Version);

public sealed record SavedSummary(Recommendation? Recommendation, string? Summary, int Version);

/// <summary>One entry of a scorecard's save history (kept with the candidate's record).</summary>
public sealed record ScorecardHistoryEntry(
    long Id,
    DateTimeOffset At,
    string UserId,
    string? UserName,
    string Kind,
    int? KitItemId,
    string? RedFlagKey,
    int? Value,
    bool? NotObserved,
    bool? Checked,
    string? Text,
    Recommendation? Recommendation);

/// <summary>Who is asking: the scorecard's owner, a fellow panel member, or a reader (admin, hiring manager, HR).</summary>
public sealed record ScorecardReader(string UserId, bool IsReader);

/// <summary>
/// The result of an autosaved write: the saved value, or why not. A stale write (409) carries <see cref="Current"/>,
/// the version now saved, so the page can show both and let the interviewer choose.
/// </summary>
public readonly record struct ScorecardWrite<T>(T? Saved, Failure? Failure, T? Current)
    where T : class
{
    public static implicit operator ScorecardWrite<T>(T saved) => new(saved, null, null);

    public static implicit operator ScorecardWrite<T>(Failure failure) => new(null, failure, null);

    public static ScorecardWrite<T> Stale(T current, string what) => new(null, Failure.Conflict(
        "Changed elsewhere",
        $"{what} was changed in another tab or device after you loaded it. The saved version is in 'current'; choose which to keep and save again with its version."), current);
}
