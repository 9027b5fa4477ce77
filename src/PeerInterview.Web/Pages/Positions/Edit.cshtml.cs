using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerInterview.Web.Accounts;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.People;

namespace PeerInterview.Web.Pages.Positions;

/// <summary>Creates a position (no id) or edits one.</summary>
[Authorize(Policy = Policies.Managers)]
public class EditModel(PositionService positions, StaffDirectory staff) : PageModel
{
    [BindProperty]
    public PositionForm Input { get; set; } = new();

    public int? Id { get; private set; }
    public IReadOnlyList<StaffMember> HiringManagers { get; private set; } = [];
    public IReadOnlyList<KitOption> Kits { get; private set; } = [];

    public sealed class PositionForm
    {
        [Required(ErrorMessage = "Enter the position's title.")]
        [StringLength(200, ErrorMessage = "The title must be 200 characters or fewer.")]
        public string Title { get; set; } = "";

        [StringLength(200, ErrorMessage = "The location must be 200 characters or fewer.")]
        public string? Location { get; set; }

        [Required(ErrorMessage = "Choose a hiring manager: a user with the Hiring manager or Admin role.")]
        public string? HiringManagerId { get; set; }

        public int? KitId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            if (await positions.GetAsync(existing, ct) is not { } position)
            {
                return NotFound();
            }

            Id = existing;
            Input = new PositionForm { Title = position.Title, Location = position.Location, HiringManagerId = position.HiringManagerId, KitId = position.KitId };
        }
        else
        {
            Input.HiringManagerId = User.UserId();
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (ModelState.IsValid)
        {
            var input = new PositionInput(Input.Title, Input.Location, Input.HiringManagerId, Input.KitId);
            var outcome = id is { } existing
                ? await positions.UpdateAsync(existing, input, User.UserId(), ct)
                : await positions.CreateAsync(input, User.UserId(), ct);
            if (outcome.Value is { } saved)
            {
                TempData["Flash"] = id is null ? $"Position “{saved.Title}” created." : $"Position “{saved.Title}” saved.";
                return RedirectToPage("/Positions/Index");
            }

            if (outcome.Failure!.Kind == FailureKind.NotFound)
            {
                return NotFound();
            }

            outcome.Failure.AddTo(ModelState);
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        HiringManagers = await staff.HiringManagersAsync(ct);
        Kits = await positions.KitOptionsAsync(ct);
    }
}
