using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.Reports;

namespace PeerInterview.Web.Pages.Reports;

/// <summary>A candidate's report: band and why, scores, agreement, every rating with its evidence, red flags, panel.</summary>
public class CandidateModel(ReportBuilder reports, RedFlagReviews reviews) : PageModel
{
    public CandidateReport Report { get; private set; } = null!;

    [TempData]
    public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var report = await reports.ForCandidateAsync(id, ct);
        if (report is null)
        {
            return NotFound();
        }

        Report = report;
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
            Report = (await reports.ForCandidateAsync(id, ct))!;
            return Page();
        }

        Flash = $"Knock-out {(decision == RedFlagDecision.Confirmed ? "confirmed" : "dismissed")}. The band is now {outcome.Value!.BandText}.";
        return RedirectToPage(new { id });
    }
}
