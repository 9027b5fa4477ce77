using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerInterview.Web.Accounts;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.People;

namespace PeerInterview.Web.Pages.Candidates;

/// <summary>A candidate's details, stage and interviews; managers change the stage here, HR (and admins) erase on request.</summary>
public class DetailsModel(CandidateService candidates, CandidateErasure erasure, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public CandidateDetail Candidate { get; private set; } = null!;
    public DateTimeOffset Now => clock.GetUtcNow();
    public bool MayErase => CandidateErasure.MayErase(User);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await candidates.GetAsync(id, ct) is not { } candidate)
        {
            return NotFound();
        }

        Candidate = candidate;
        return Page();
    }

    public async Task<IActionResult> OnPostStageAsync(int id, string? stage, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Managers)).Succeeded)
        {
            return Forbid();
        }

        var outcome = await candidates.ChangeStageAsync(id, stage, User.UserId(), ct);
        if (outcome.Failure is { Kind: FailureKind.NotFound })
        {
            return NotFound();
        }

        TempData["Flash"] = outcome.Value is { } updated ? $"{updated.Name} is now at the {StageText.Label(updated.Stage)} stage." : outcome.Failure!.Message;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostEraseAsync(int id, bool confirm, string? reason, CancellationToken ct)
    {
        if (!MayErase)
        {
            return Forbid();
        }

        var outcome = await erasure.EraseAsync(id, new ErasureRequest(confirm, reason), User.UserId(), ct);
        switch (outcome)
        {
            case { Failure.Kind: FailureKind.NotFound }:
                return NotFound();
            case { Value: { } erased }:
                TempData["Flash"] = $"Personal data erased. The candidate is now “{erased.Label}”; their scores remain for reporting.";
                break;
            default:
                TempData["Problem"] = outcome.Failure!.Message;
                break;
        }

        return RedirectToPage(new { id });
    }
}
