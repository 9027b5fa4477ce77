using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.Kits;
using PeerInterview.Web.Reports;

namespace PeerInterview.Web.Pages.Reports;

/// <summary>A candidate's report: band and why, scores, agreement, every rating with its evidence, red flags, panel.</summary>
public class CandidateModel(ReportBuilder reports, BlindRule blind, RedFlagReviews reviews, InterviewGuideBuilder guides) : PageModel
{
    /// <summary>Which anchor layer each kit item was rated against, as the version's guide shows it.</summary>
    public IReadOnlyDictionary<int, AnchorSource> AnchorSources { get; private set; } = new Dictionary<int, AnchorSource>();

    public CandidateReport Report { get; private set; } = null!;

    /// <summary>The candidate's interviews that were not cancelled, latest first (a picker shows when there is more than one).</summary>
    public IReadOnlyList<ReportRound> Rounds { get; private set; } = [];

    /// <summary>The interview asked for with <c>?interview=</c>; null for the latest.</summary>
    public int? ChosenInterview { get; private set; }

    /// <summary>Knock-outs are reviewed on the latest round; an earlier round's report is read-only.</summary>
    public bool IsLatestRound => Rounds.Count == 0 || Report.Interview is null || Report.Interview.InterviewId == Rounds[0].InterviewId;

    /// <summary>The query that keeps an export on the round shown.</summary>
    public string RoundQuery => ChosenInterview is { } chosen && !IsLatestRound ? $"&interviewId={chosen}" : "";

    [TempData]
    public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, int? interview, CancellationToken ct)
    {
        var report = interview is { } chosen ? await reports.ForInterviewAsync(id, chosen, ct) : await reports.ForCandidateAsync(id, ct);
        if (report is null)
        {
            return NotFound();
        }

        Report = await blind.ApplyAsync(report, User.UserId(), ct);
        ChosenInterview = interview;
        Rounds = await reports.RoundsAsync(id, ct);
        await LoadAnchorSourcesAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostConfirmAsync(int id, string key, string? reason, CancellationToken ct) =>
        DecideAsync(id, key, RedFlagDecision.Confirmed, reason, ct);

    public Task<IActionResult> OnPostDismissAsync(int id, string key, string? reason, CancellationToken ct) =>
        DecideAsync(id, key, RedFlagDecision.Dismissed, reason, ct);

    private async Task<IActionResult> DecideAsync(int id, string key, RedFlagDecision decision, string? reason, CancellationToken ct)
    {
        if (!User.IsManager())
        {
            return Forbid();
        }

        var outcome = await reviews.DecideAsync(id, key, decision, reason, User.UserId() ?? "", ct);
        if (outcome.Failure is { Kind: FailureKind.NotFound } && await reports.ForCandidateAsync(id, ct) is null)
        {
            return NotFound();
        }

        if (outcome.Failure is { } failure)
        {
            failure.AddTo(ModelState, $"Review.{key}");
            Report = await blind.ApplyAsync((await reports.ForCandidateAsync(id, ct))!, User.UserId(), ct);
            Rounds = await reports.RoundsAsync(id, ct);
            await LoadAnchorSourcesAsync(ct);
            return Page();
        }

        Flash = $"Knock-out {(decision == RedFlagDecision.Confirmed ? "confirmed" : "dismissed")}. The band is now {outcome.Value!.BandText}.";
        return RedirectToPage(new { id });
    }

    private async Task LoadAnchorSourcesAsync(CancellationToken ct)
    {
        if (Report.Interview is { } interview && await guides.BuildAsync(interview.KitVersionId, ct) is { } guide)
        {
            AnchorSources = guide.Sections.SelectMany(s => s.Items).ToDictionary(i => i.KitItemId, i => i.AnchorSource);
        }
    }
}
