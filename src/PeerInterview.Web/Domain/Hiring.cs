namespace PeerInterview.Web.Domain;

public class Position
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public string? Location { get; set; }
    public string? HiringManagerId { get; set; }
    public AppUser? HiringManager { get; set; }
    public int? KitId { get; set; }
    public InterviewKit? Kit { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public class Candidate
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public int PositionId { get; set; }
    public Position? Position { get; set; }
    public CandidateStage Stage { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when HR erased the candidate's personal data; scores remain under <see cref="PseudonymId"/>.</summary>
    public DateTimeOffset? ErasedAt { get; set; }
    public string PseudonymId { get; set; } = Guid.NewGuid().ToString("N")[..12];
}

public class Interview
{
    public int Id { get; set; }
    public int CandidateId { get; set; }
    public Candidate? Candidate { get; set; }
    public int KitVersionId { get; set; }
    public KitVersion? KitVersion { get; set; }
    public DateTimeOffset ScheduledAt { get; set; }
    public string? Location { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedById { get; set; }
    public bool IsCancelled { get; set; }
    public List<Scorecard> Scorecards { get; set; } = [];
}

public class Scorecard
{
    public int Id { get; set; }
    public int InterviewId { get; set; }
    public Interview? Interview { get; set; }
    public required string InterviewerId { get; set; }
    public AppUser? Interviewer { get; set; }
    public ScorecardState State { get; set; }
    public Recommendation? Recommendation { get; set; }

    /// <summary>The interviewer's overall summary (Markdown).</summary>
    public string? Notes { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the interviewer first touched the scorecard (drives the candidate's move to interviewing).</summary>
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>The kit item the interviewer is on, for the hiring manager's live panel progress (never a score).</summary>
    public int? CurrentKitItemId { get; set; }

    public string? ReopenReason { get; set; }

    /// <summary>Optimistic concurrency token: two tabs never silently overwrite each other.</summary>
    public int Revision { get; set; }

    public List<Rating> Ratings { get; set; } = [];
    public List<RedFlagCheck> RedFlagChecks { get; set; } = [];
}

public class Rating
{
    public int Id { get; set; }
    public int ScorecardId { get; set; }
    public int KitItemId { get; set; }

    /// <summary>1–5, or null with <see cref="NotObserved"/> set; null and not "not observed" means unrated.</summary>
    public int? Value { get; set; }
    public bool NotObserved { get; set; }
    public string? Evidence { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token for this one rating: two tabs never silently overwrite each other.</summary>
    public int Version { get; set; }
}

/// <summary>One interviewer ticking one red flag (global, question or kit-item override) with evidence.</summary>
public class RedFlagCheck
{
    public int Id { get; set; }
    public int ScorecardId { get; set; }
    public int? RedFlagId { get; set; }
    public int? KitItemRedFlagId { get; set; }
    public int? KitItemId { get; set; }

    /// <summary>Unchecking keeps the row (and its version) so a stale write from another tab is still detected.</summary>
    public bool Checked { get; set; } = true;

    public string? Evidence { get; set; }
    public DateTimeOffset CheckedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// Append-only save history of a scorecard: every rating, note, red-flag, summary, submit and reopen, with who and
/// when. Kept with the candidate's record; never written to logs.
/// </summary>
public class ScorecardEvent
{
    public long Id { get; set; }
    public int ScorecardId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string UserId { get; set; }
    public required string Kind { get; set; }
    public int? KitItemId { get; set; }
    public int? RedFlagId { get; set; }
    public int? KitItemRedFlagId { get; set; }
    public int? Value { get; set; }
    public bool? NotObserved { get; set; }
    public bool? Checked { get; set; }
    public string? Text { get; set; }
    public Recommendation? Recommendation { get; set; }
}

/// <summary>A hiring manager's confirmation or dismissal of a red flag for one candidate.</summary>
public class RedFlagReview
{
    public int Id { get; set; }
    public int CandidateId { get; set; }
    public int? RedFlagId { get; set; }
    public int? KitItemRedFlagId { get; set; }
    public RedFlagDecision Decision { get; set; }
    public required string Reason { get; set; }
    public required string ReviewedById { get; set; }
    public DateTimeOffset ReviewedAt { get; set; }
}
