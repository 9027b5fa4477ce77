using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.Kits;

namespace PeerInterview.Web.Pages.Kits;

/// <summary>Publish, discard, clone and retire: whole-kit actions posted from the builder's header.</summary>
public class LifecycleModel(KitService kits) : PageModel
{
    public IActionResult OnGet(int id) => RedirectToPage("/Kits/Edit", new { id });

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct) =>
        RunAsync(id, () => kits.PublishAsync(id, User.UserId(), ct), v => $"Published version {v.VersionNumber}. {v.ChangeSummary} Anchors: {v.Coverage.Anchors.Summary()}");

    public Task<IActionResult> OnPostDiscardAsync(int id, CancellationToken ct) =>
        RunAsync(id, () => kits.DiscardDraftAsync(id, User.UserId(), ct), _ => "Draft discarded; the kit is back at its published version.");

    public Task<IActionResult> OnPostCloneAsync(int id, CancellationToken ct) =>
        RunAsync(id, () => kits.CloneAsync(id, null, User.UserId(), ct), v => $"Cloned as “{v.Name}”.");

    public Task<IActionResult> OnPostRetireAsync(int id, CancellationToken ct) =>
        RunAsync(id, () => kits.RetireAsync(id, User.UserId(), ct), _ => "Kit retired. Interviews already scheduled keep their version.");

    private async Task<IActionResult> RunAsync(int id, Func<Task<Outcome<KitView>>> action, Func<KitView, string> success)
    {
        if (!User.IsManager())
        {
            return Forbid();
        }

        var outcome = await action();
        if (outcome.Failure is { Kind: FailureKind.NotFound })
        {
            return NotFound();
        }

        TempData["Flash"] = outcome.Failure is { } failure ? failure.Message : success(outcome.Value!);
        return RedirectToPage("/Kits/Edit", new { id = outcome.Value?.KitId ?? id });
    }
}
