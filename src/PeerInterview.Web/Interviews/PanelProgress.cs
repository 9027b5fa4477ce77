using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Interviews;

/// <summary>
/// How far each interviewer on a panel has got, for the hiring manager watching live: counts and positions only,
/// never a value, note, red flag or recommendation. Read from the database on every call, so it is the same
/// whichever app instance answers.
/// </summary>
public sealed record PanelProgress(int InterviewId, int ItemsTotal, IReadOnlyList<InterviewerProgress> Panel);

/// <summary>
/// One interviewer's progress. <see cref="CurrentItemNumber"/> is the 1-based position of the item they are on in
/// the kit's order; <see cref="LastActivityAt"/> is set once they have started.
/// </summary>
public sealed record InterviewerProgress(
    int ScorecardId,
    string InterviewerName,
    ScorecardState State,
    int ItemsRated,
    int? CurrentItemNumber,
    DateTimeOffset? StartedAt,
    DateTimeOffset? LastActivityAt,
    DateTimeOffset? SubmittedAt);

public sealed class PanelProgressQuery(AppDbContext db)
{
    /// <summary>The panel's progress, or null when the interview does not exist or <paramref name="viewer"/> may not see it.</summary>
    public async Task<PanelProgress?> GetForAsync(int interviewId, ClaimsPrincipal viewer, CancellationToken ct = default)
    {
        var interviews = InterviewQueries.VisibleTo(db.Interviews.AsNoTracking().Where(i => i.Id == interviewId), viewer);

        // Query 1: the panel with its counts. A rating counts once it has a value or is marked not observed.
        var rows = await interviews
            .SelectMany(i => i.Scorecards, (i, s) => new
            {
                s.Id,
                Name = s.Interviewer!.DisplayName ?? s.Interviewer.Email ?? s.InterviewerId,
                s.State,
                Rated = s.Ratings.Count(r => r.Value != null || r.NotObserved),
                s.CurrentKitItemId,
                s.StartedAt,
                s.UpdatedAt,
                s.SubmittedAt,
                i.KitVersionId,
            })
            .OrderBy(r => r.Name)
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            // Every interview keeps at least one scorecard, so no rows means no interview this viewer may see.
            return null;
        }

        // Query 2: the kit version's items in the order interviewers meet them (section, then item).
        var order = await db.KitItems.AsNoTracking()
            .Where(k => k.KitVersionId == rows[0].KitVersionId)
            .OrderBy(k => k.Section!.Order).ThenBy(k => k.Order).ThenBy(k => k.Id)
            .Select(k => k.Id)
            .ToListAsync(ct);
        var position = order.Select((id, index) => (id, number: index + 1)).ToDictionary(p => p.id, p => p.number);

        var panel = rows
            .Select(r => new InterviewerProgress(
                r.Id,
                r.Name,
                r.State,
                r.Rated,
                r.CurrentKitItemId is { } current && position.TryGetValue(current, out var number) ? number : null,
                r.StartedAt,
                r.StartedAt is null ? null : r.UpdatedAt,
                r.SubmittedAt))
            .ToList();
        return new PanelProgress(interviewId, order.Count, panel);
    }
}

/// <summary>The wording the interview page renders; wwwroot/js/panel-progress.js writes the same on each refresh.</summary>
public static class PanelProgressText
{
    /// <summary>"5 of 14 rated · on question 6", "14 of 14 rated · Submitted at 14:05 UTC", or "Not started".</summary>
    public static string Line(InterviewerProgress p, int itemsTotal)
    {
        if (p.StartedAt is null && p.ItemsRated == 0 && p.State == ScorecardState.Draft)
        {
            return "Not started";
        }

        var parts = new List<string> { $"{p.ItemsRated} of {itemsTotal} rated" };
        if (p.State != ScorecardState.Submitted && p.CurrentItemNumber is { } number)
        {
            parts.Add($"on question {number}");
        }

        if (p.State == ScorecardState.Submitted && p.SubmittedAt is { } at)
        {
            parts.Add($"Submitted at {Clock(at, "HH:mm")}");
        }

        return string.Join(" · ", parts);
    }

    /// <summary>"14:05 UTC": progress is watched during one interview, so the time of day is enough.</summary>
    public static string Clock(DateTimeOffset at, string format) =>
        at.UtcDateTime.ToString(format, CultureInfo.InvariantCulture) + " UTC";
}
