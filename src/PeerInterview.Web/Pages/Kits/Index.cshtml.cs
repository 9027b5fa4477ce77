using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.Kits;

namespace PeerInterview.Web.Pages.Kits;

public class IndexModel(KitService kits) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool ShowRetired { get; set; }

    [BindProperty]
    public NewKit Input { get; set; } = new();

    public IReadOnlyList<KitSummary> Kits { get; private set; } = [];

    public bool CanEdit => User.IsManager();

    public sealed class NewKit
    {
        [Required(ErrorMessage = "Give the kit a name.")]
        [StringLength(200)]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Name the role the kit is for.")]
        [StringLength(200)]
        public string Role { get; set; } = "Peer Support Specialist";

        [Range(10, 480, ErrorMessage = "The target length must be between 10 and 480 minutes.")]
        public int TargetMinutes { get; set; } = 60;
    }

    public async Task OnGetAsync(CancellationToken ct) => Kits = await kits.ListAsync(ShowRetired, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        if (ModelState.IsValid)
        {
            var outcome = await kits.CreateAsync(Input.Name, Input.Role, Input.TargetMinutes, User.UserId(), ct);
            if (outcome.Failure is null)
            {
                return RedirectToPage("/Kits/Edit", new { id = outcome.Value!.KitId });
            }

            outcome.Failure.AddTo(ModelState);
        }

        Kits = await kits.ListAsync(ShowRetired, ct);
        return Page();
    }
}
