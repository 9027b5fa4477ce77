using PeerInterview.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Reports.Analytics;

/// <summary>Loads every candidate's report in scope through <see cref="ReportBuilder"/> (a fixed number of queries) and computes the analytics.</summary>
public sealed class ProgrammeAnalyticsQuery(AppDbContext db, ReportBuilder reports, BlindRule blind, TimeProvider clock)
{
    /// <summary>The analytics as <paramref name="viewerId"/> may see them: interviews they sit on unsubmitted are left out (the blind rule).</summary>
    public async Task<ProgrammeAnalytics> LoadAsync(AnalyticsFilter filter, string? viewerId, CancellationToken ct = default)
    {
        // Only candidates with a submitted scorecard on an interview in range can contribute; the report then uses the
        // candidate's latest interview, which is filtered again below.
        var from = filter.From is { } f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : (DateTimeOffset?)null;
        var to = filter.To is { } t ? DateRange.EndOf(t) : (DateTimeOffset?)null;
        var interviews = db.Interviews.Where(i => !i.IsCancelled && i.Scorecards.Any(s => s.State == ScorecardState.Submitted));
        if (from is not null)
        {
            interviews = interviews.Where(i => i.ScheduledAt >= from);
        }

        if (to is not null)
        {
            interviews = interviews.Where(i => i.ScheduledAt < to);
        }

        var candidates = db.Candidates.Where(c => interviews.Any(i => i.CandidateId == c.Id));
        if (filter.PositionId is { } positionId)
        {
            candidates = candidates.Where(c => c.PositionId == positionId);
        }

        var inScope = (await blind.ApplyAsync(await reports.ForCandidatesAsync(candidates, ct), viewerId, ct))
            .Where(r => r.Interview is not null && filter.Includes(r.Interview.ScheduledAt))
            .ToList();
        return ProgrammeAnalytics.From([.. inScope.Where(r => !r.Withheld)], filter, clock.GetUtcNow()) with
        {
            WithheldInterviews = inScope.Count(r => r.Withheld),
        };
    }

    /// <summary>Positions for the filter, by title.</summary>
    public async Task<IReadOnlyList<PositionOption>> PositionsAsync(CancellationToken ct = default) =>
        await db.Positions.AsNoTracking()
            .OrderBy(p => p.Title).ThenBy(p => p.Id)
            .Select(p => new PositionOption(p.Id, p.Title, p.Location))
            .ToListAsync(ct);

    public Task<bool> PositionExistsAsync(int positionId, CancellationToken ct = default) =>
        db.Positions.AnyAsync(p => p.Id == positionId, ct);
}

public sealed record PositionOption(int Id, string Title, string? Location);
