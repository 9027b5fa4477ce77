using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerInterview.Web.Accounts;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.People;

namespace PeerInterview.Web.Pages.Candidates;

/// <summary>Adds a candidate (no id) or edits one's name, contact details and position.</summary>
[Authorize(Policy = Policies.Managers)]
public class EditModel(CandidateService candidates, PositionService positions) : PageModel
{
    [BindProperty]
    public CandidateForm Input { get; set; } = new();

    public int? Id { get; private set; }
    public IReadOnlyList<PositionOption> Positions { get; private set; } = [];

    public sealed class CandidateForm
    {
        [Required(ErrorMessage = "Enter the candidate's name.")]
        [StringLength(200, ErrorMessage = "The name must be 200 characters or fewer.")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Enter a valid email address, like name@example.org.")]
        [StringLength(256, ErrorMessage = "Enter a valid email address, like name@example.org.")]
        public string Email { get; set; } = "";

        [StringLength(40, ErrorMessage = "Enter a phone number of digits, spaces and + - ( ) only, or leave it empty.")]
        public string? Phone { get; set; }

        [Required(ErrorMessage = "Choose the position the candidate applied for.")]
        public int? PositionId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? id, int? positionId, CancellationToken ct)
    {
        if (id is { } existing)
        {
            if (await candidates.GetAsync(existing, ct) is not { } candidate)
            {
                return NotFound();
            }

            if (candidate.ErasedAt is not null)
            {
                TempData["Problem"] = "This candidate's personal data was erased on request; the record cannot be edited.";
                return RedirectToPage("/Candidates/Details", new { id = existing });
            }

            Id = existing;
            Input = new CandidateForm { Name = candidate.Name, Email = candidate.Email ?? "", Phone = candidate.Phone, PositionId = candidate.PositionId };
        }
        else
        {
            Input.PositionId = positionId;
        }

        Positions = await positions.OptionsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (ModelState.IsValid)
        {
            var input = new CandidateInput(Input.Name, Input.Email, Input.Phone, Input.PositionId);
            var outcome = id is { } existing
                ? await candidates.UpdateAsync(existing, input, User.UserId(), ct)
                : await candidates.CreateAsync(input, User.UserId(), ct);
            if (outcome.Value is { } saved)
            {
                TempData["Flash"] = id is null ? $"{saved.Name} added as a candidate for {saved.PositionTitle}." : $"{saved.Name}'s details saved.";
                return RedirectToPage("/Candidates/Details", new { id = saved.Id });
            }

            if (outcome.Failure!.Kind == FailureKind.NotFound)
            {
                return NotFound();
            }

            outcome.Failure.AddTo(ModelState);
        }

        Positions = await positions.OptionsAsync(ct);
        return Page();
    }
}
