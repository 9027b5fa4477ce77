using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.Kits;
using PeerInterview.Web.Questions;

namespace PeerInterview.Web.Pages.Kits;

/// <summary>
/// The kit builder. Every change is a small form post; with JavaScript the post is sent with fetch and the answer is the
/// re-rendered workspace (kit, coverage and bank search), without it the page redirects back (PRG).
/// </summary>
public class EditModel(KitService kits, QuestionBank bank) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Competency { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }

    public KitView Kit { get; private set; } = null!;
    public QuestionPage BankResults { get; private set; } = new([], 0, 1, 10);
    public IReadOnlyList<CompetencyView> Competencies { get; private set; } = [];
    public string? Error { get; private set; }

    public bool CanEdit => (User.IsManager()) && !Kit.IsRetired;
    public bool IsAjax => Request.Headers["X-Requested-With"] == "fetch";
    public HashSet<int> QuestionIdsInKit => [.. Kit.Sections.SelectMany(s => s.Items).Select(i => i.QuestionId)];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? (IsAjax ? Partial("_Workspace", this) : Page()) : NotFound();

    public Task<IActionResult> OnPostAddAsync(int id, int questionId, string? section, int? minutes, CancellationToken ct) =>
        ApplyAsync(id, () => kits.AddItemAsync(id, questionId, section, minutes ?? 5, User.UserId(), ct), ct);

    public Task<IActionResult> OnPostRemoveAsync(int id, int itemId, CancellationToken ct) =>
        ApplyAsync(id, () => kits.RemoveItemAsync(id, itemId, User.UserId(), ct), ct);

    public Task<IActionResult> OnPostMoveAsync(int id, int itemId, int? sectionId, int? index, int? step, CancellationToken ct) =>
        ApplyAsync(id, () => kits.MoveItemAsync(id, itemId, sectionId, index, step, User.UserId(), ct), ct);

    public Task<IActionResult> OnPostMinutesAsync(int id, int itemId, int minutes, CancellationToken ct) =>
        ApplyAsync(id, () => kits.UpdateItemAsync(id, itemId, new KitItemUpdate { Minutes = minutes }, User.UserId(), ct), ct);

    public Task<IActionResult> OnPostCustomiseAsync(int id, int itemId, string? guidance, string? anchorPoor, string? anchorMeets, string? anchorExcellent, string? concerns, string? knockOuts, CancellationToken ct) =>
        ApplyAsync(id, () => kits.UpdateItemAsync(id, itemId, new KitItemUpdate
        {
            Guidance = guidance ?? "",
            AnchorPoor = anchorPoor ?? "",
            AnchorMeets = anchorMeets ?? "",
            AnchorExcellent = anchorExcellent ?? "",
            RedFlags = [.. Lines(concerns).Select(t => new KitItemFlagInput(t, RedFlagSeverity.Concern)), .. Lines(knockOuts).Select(t => new KitItemFlagInput(t, RedFlagSeverity.KnockOut))],
        }, User.UserId(), ct), ct);

    public Task<IActionResult> OnPostAddSectionAsync(int id, string? name, CancellationToken ct) =>
        ApplyAsync(id, () => kits.AddSectionAsync(id, name, User.UserId(), ct), ct);

    public Task<IActionResult> OnPostRemoveSectionAsync(int id, int sectionId, CancellationToken ct) =>
        ApplyAsync(id, () => kits.RemoveSectionAsync(id, sectionId, User.UserId(), ct), ct);

    public Task<IActionResult> OnPostWeightsAsync(int id, Dictionary<string, double>? weights, int? targetMinutes, CancellationToken ct) =>
        ApplyAsync(id, () => kits.SetWeightsAsync(id, weights, targetMinutes, User.UserId(), ct), ct);

    private async Task<IActionResult> ApplyAsync(int id, Func<Task<Outcome<KitView>>> change, CancellationToken ct)
    {
        if (!User.IsManager())
        {
            return Forbid();
        }

        var outcome = await change();
        if (outcome.Failure is { Kind: FailureKind.NotFound } && !await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (IsAjax)
        {
            Error = outcome.Failure?.Message;
            await LoadAsync(id, ct);
            return Partial("_Workspace", this);
        }

        if (outcome.Failure is { } failure)
        {
            TempData["Flash"] = failure.Message;
        }

        return Redirect(Url.Page("/Kits/Edit", new { id, q = Q, competency = Competency, type = Type })!);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await kits.GetKitAsync(id, ct) is not { } kit)
        {
            return false;
        }

        Kit = kit;
        Competencies = await bank.CompetenciesAsync(ct);
        BankResults = await bank.SearchAsync(new QuestionFilter
        {
            Q = Q,
            Competency = Competency,
            Type = EnumText.TryParse<QuestionType>(Type, out var t) ? t : null,
            PageSize = 12,
        }, ct);
        return true;
    }

    private static string[] Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
