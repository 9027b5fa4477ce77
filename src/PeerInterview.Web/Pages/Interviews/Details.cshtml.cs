using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerInterview.Web.Accounts;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.Interviews;
using PeerInterview.Web.People;

namespace PeerInterview.Web.Pages.Interviews;

/// <summary>
/// One interview: candidate, kit version, time and the panel's scorecard states (never ratings). Managers change the
/// panel or cancel here. Interviewers see only interviews they sit on; any other is "not found" to them.
/// </summary>
public class DetailsModel(
    InterviewQueries queries, PanelProgressQuery panelProgress, SchedulingService scheduling, Scoring.ScorecardService scorecards, StaffDirectory staff, IAuthorizationService authorization, TimeProvider clock)
    : PageModel
{
    public InterviewDetail Interview { get; private set; } = null!;
    public IReadOnlyList<StaffMember> CanAdd { get; private set; } = [];
    public bool CanManage { get; private set; }
    public bool SeesCandidate { get; private set; }

    /// <summary>Live panel progress, for managers and HR only (interviewers watch their own scorecard instead).</summary>
    public PanelProgress? Progress { get; private set; }

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await queries.GetForAsync(id, User, ct) is not { } interview)
        {
            return NotFound();
        }

        Interview = interview;
        SeesCandidate = InterviewQueries.SeesAllInterviews(User);
        CanManage = await IsManagerAsync();
        if (SeesCandidate)
        {
            Progress = await panelProgress.GetForAsync(id, User, ct);
        }

        if (CanManage && !interview.IsCancelled)
        {
            var onPanel = interview.Scorecards.Select(s => s.InterviewerId).ToHashSet(StringComparer.Ordinal);
            CanAdd = [.. (await staff.InterviewersAsync(ct)).Where(s => !onPanel.Contains(s.Id))];
        }

        return Page();
    }

    public Task<IActionResult> OnPostAddInterviewerAsync(int id, string? interviewerId, CancellationToken ct) =>
        ManageAsync(id, () => scheduling.AddInterviewerAsync(id, interviewerId, User.UserId(), ct), i => $"Interviewer added; the panel now has {i.Scorecards.Count}.");

    public Task<IActionResult> OnPostRemoveInterviewerAsync(int id, string? interviewerId, CancellationToken ct) =>
        ManageAsync(id, () => scheduling.RemoveInterviewerAsync(id, interviewerId ?? "", User.UserId(), ct), i => $"Interviewer removed; the panel now has {i.Scorecards.Count}.");

    public Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct) =>
        ManageAsync(id, () => scheduling.CancelAsync(id, User.UserId(), ct), _ => "Interview cancelled. The panel's draft scorecards will not be used.");

    /// <summary>A hiring manager reopens a submitted scorecard with a reason (audited; later changes are audited too).</summary>
    public async Task<IActionResult> OnPostReopenAsync(int id, int scorecardId, string? reason, CancellationToken ct)
    {
        if (!await IsManagerAsync())
        {
            return await queries.GetForAsync(id, User, ct) is null ? NotFound() : Forbid();
        }

        var outcome = await scorecards.ReopenAsync(scorecardId, reason, User.UserId()!, ct);
        if (outcome.Failure is { } failure)
        {
            TempData["Problem"] = failure.Message;
        }
        else
        {
            TempData["Flash"] = "Scorecard reopened. The interviewer can change it and submit again; every change is audited.";
        }

        return RedirectToPage(new { id });
    }

    /// <summary>Runs a manager's change and comes back to the interview with what happened (PRG).</summary>
    private async Task<IActionResult> ManageAsync(int id, Func<Task<Outcome<InterviewDetail>>> change, Func<InterviewDetail, string> done)
    {
        if (!await IsManagerAsync())
        {
            // Interviewers must not learn whether an interview they are not on exists.
            return await queries.GetForAsync(id, User) is null ? NotFound() : Forbid();
        }

        var outcome = await change();
        if (outcome.Failure is { Kind: FailureKind.NotFound } && await queries.GetAsync(id) is null)
        {
            return NotFound();
        }

        if (outcome.Value is { } interview)
        {
            var warnings = interview.Warnings.Count == 0 ? "" : " " + string.Join(" ", interview.Warnings);
            TempData["Flash"] = done(interview) + warnings;
        }
        else
        {
            TempData["Problem"] = outcome.Failure!.Message;
        }

        return RedirectToPage(new { id });
    }

    private async Task<bool> IsManagerAsync() => (await authorization.AuthorizeAsync(User, Policies.Managers)).Succeeded;
}
