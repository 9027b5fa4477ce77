using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.Questions;

namespace PeerInterview.Web.Pages.Questions;

public class CompetenciesModel(QuestionBank bank, CompetencyFramework framework) : PageModel
{
    public IReadOnlyList<CompetencyView> Competencies { get; private set; } = [];

    public bool CanEdit => User.IsManager();

    public async Task OnGetAsync(CancellationToken ct) => Competencies = await bank.CompetenciesAsync(ct);

    public async Task<IActionResult> OnPostUpdateAsync(int id, string? name, string? description, bool isHurdle, bool isRetired,
        string? anchorPoor, string? anchorMeets, string? anchorExcellent, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        var outcome = await framework.UpdateAsync(id, new(null, name, description ?? "", isHurdle, isRetired, anchorPoor ?? "", anchorMeets ?? "", anchorExcellent ?? ""), User.UserId(), ct);
        TempData["Flash"] = outcome.Failure?.Message ?? $"{outcome.Value!.Code} saved.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAddAsync(string? code, string? name, string? description, bool isHurdle, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        var outcome = await framework.AddAsync(new(code, name, description, isHurdle, false), User.UserId(), ct);
        TempData["Flash"] = outcome.Failure?.Message ?? $"{outcome.Value!.Code} {outcome.Value.Name} added.";
        return RedirectToPage();
    }
}
