using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerInterview.Web.Accounts;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.People;

namespace PeerInterview.Web.Pages.Candidates;

/// <summary>A candidate's details, stage and interviews; managers change the stage here.</summary>
public class DetailsModel(CandidateService candidates, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public CandidateDetail Candidate { get; private set; } = null!;
    public DateTimeOffset Now => clock.GetUtcNow();

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
}
