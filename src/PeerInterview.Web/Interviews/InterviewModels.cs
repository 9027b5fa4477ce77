using System.Globalization;
using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Interviews;

/// <summary>An interview as managers, HR and its own panel see it: who, when, which kit version, and the panel's progress (never ratings).</summary>
public sealed record InterviewDetail
{
    public required int Id { get; init; }
    public required int CandidateId { get; init; }
    public required string CandidateName { get; init; }
    public required int PositionId { get; init; }
    public required string PositionTitle { get; init; }
    public required int KitId { get; init; }
    public required string KitName { get; init; }
    public required int KitVersionId { get; init; }
    public required int KitVersionNumber { get; init; }
    public int TargetMinutes { get; init; }
    public required DateTimeOffset ScheduledAt { get; init; }
    public string? Location { get; init; }
    public bool IsCancelled { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public IReadOnlyList<PanelScorecard> Scorecards { get; init; } = [];

    /// <summary>Things a manager should know but that do not block scheduling, such as a panel of one.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>One interviewer's scorecard on a panel. <see cref="Removable"/>: still a draft with nothing recorded.</summary>
public sealed record PanelScorecard(int Id, string InterviewerId, string InterviewerName, ScorecardState State, DateTimeOffset? SubmittedAt, bool Removable);

/// <summary>A request to schedule an interview; <see cref="ScheduledAt"/> is UTC.</summary>
public sealed record ScheduleCommand(int? CandidateId, int? KitVersionId, DateTimeOffset? ScheduledAt, IReadOnlyList<string>? InterviewerIds, string? Location = null);

/// <summary>One of the signed-in interviewer's interviews, with their own scorecard's state.</summary>
public sealed record MyInterview(
    int InterviewId,
    DateTimeOffset ScheduledAt,
    int TargetMinutes,
    string? Location,
    string CandidateName,
    string PositionTitle,
    string KitName,
    int KitVersionNumber,
    int ScorecardId,
    ScorecardState ScorecardState,
    bool IsCancelled,
    int PanelSize,
    int SubmittedCount)
{
    /// <summary>Saturates instead of overflowing for a time near the end of the calendar (refused today, possible in old data).</summary>
    public DateTimeOffset EndsAt => ScheduledAt > DateTimeOffset.MaxValue.AddMinutes(-TargetMinutes) ? DateTimeOffset.MaxValue : ScheduledAt.AddMinutes(TargetMinutes);
}

/// <summary>"What is next" for an interviewer: the next interview, then the rest upcoming, then past and cancelled ones.</summary>
public sealed record MyInterviews(MyInterview? Next, IReadOnlyList<MyInterview> Upcoming, IReadOnlyList<MyInterview> Past, IReadOnlyList<MyInterview> Cancelled);

public sealed record KitVersionOption(int Id, int KitId, string KitName, int Number, DateTimeOffset? PublishedAt)
{
    public string Label => $"{KitName} · version {Number}";
}

/// <summary>A candidate who can be interviewed, with the kit version their position's kit suggests.</summary>
public sealed record SchedulableCandidate(int Id, string Name, string PositionTitle, int? DefaultKitVersionId);

public static class TimeText
{
    /// <summary>"Tue 3 Mar 2026, 14:00 UTC": times are stored and shown in UTC, and say so.</summary>
    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("ddd d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>The machine-readable form for <c>&lt;time datetime&gt;</c>, which times.js turns into the reader's local time.</summary>
    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>"in 3 days", "in 2 hours", "now", "5 days ago".</summary>
    public static string Relative(DateTimeOffset at, DateTimeOffset now)
    {
        var span = at - now;
        var ahead = span > TimeSpan.Zero;
        var abs = span.Duration();
        string amount;
        if (abs < TimeSpan.FromMinutes(1))
        {
            return "now";
        }

        if (abs < TimeSpan.FromHours(1))
        {
            amount = Plural((int)abs.TotalMinutes, "minute");
        }
        else if (abs < TimeSpan.FromDays(1))
        {
            amount = Plural((int)abs.TotalHours, "hour");
        }
        else
        {
            amount = Plural((int)abs.TotalDays, "day");
        }

        return ahead ? $"in {amount}" : $"{amount} ago";
    }

    private static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
}
