using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.Questions;

namespace PeerInterview.Web.Pages.Questions;

public class IndexModel(QuestionBank bank, AppDbContext db, StarterAnchors starter) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Competency { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int? Source { get; set; }
    [BindProperty(SupportsGet = true)] public string? Lint { get; set; }
    [BindProperty(SupportsGet = true)] public int? Group { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public QuestionPage Results { get; private set; } = new([], 0, 1, 25);
    public IReadOnlyList<CompetencyView> Competencies { get; private set; } = [];
    public IReadOnlyList<DocumentOption> Documents { get; private set; } = [];
    public int ReviewCount { get; private set; }
    public int DuplicateGroupCount { get; private set; }

    /// <summary>Questions without anchors that a shipped starter set matches (shown to hiring managers as an offer).</summary>
    public int StarterOffer { get; private set; }

    public sealed record DocumentOption(int Id, string FileName, int QuestionCount);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Competencies = await bank.CompetenciesAsync(ct);
        Documents = await db.SourceDocuments.AsNoTracking().OrderBy(d => d.Id).Select(d => new DocumentOption(d.Id, d.FileName, d.QuestionCount)).ToListAsync(ct);
        ReviewCount = await db.Questions.CountAsync(q => q.Status == QuestionStatus.NeedsReview, ct);
        DuplicateGroupCount = await db.Questions.Where(q => q.DuplicateGroupId != null && q.Status != QuestionStatus.Archived).Select(q => q.DuplicateGroupId).Distinct().CountAsync(ct);

        if (User.IsManager())
        {
            StarterOffer = await starter.OfferCountAsync(ct);
        }

        Results = await bank.SearchAsync(new QuestionFilter
        {
            Q = Q,
            Competency = Competency,
            Type = EnumText.TryParse<QuestionType>(Type, out var t) ? t : null,
            Status = EnumText.TryParse<QuestionStatus>(Status, out var s) ? s : null,
            Source = Source,
            HasLint = Lint switch { "yes" => true, "no" => false, _ => null },
            DuplicateGroup = Group,
            Page = Math.Max(1, PageNumber),
            PageSize = 25,
        }, ct);
    }

    /// <summary>Offered, never forced: fills only questions that have no anchors, marked as starter until reviewed.</summary>
    public async Task<IActionResult> OnPostApplyStarterAnchorsAsync(CancellationToken ct)
    {
        if (!User.IsManager())
        {
            return Forbid();
        }

        var applied = await starter.ApplyAsync(User.UserId(), null, ct);
        TempData["Flash"] = applied == 0
            ? "No question without anchors had starter anchors waiting."
            : $"Starter anchors applied to {applied} question{(applied == 1 ? "" : "s")}. They are marked as starter until someone accepts or edits them.";
        return RedirectToPage();
    }

    public int PageCount => Math.Max(1, (int)Math.Ceiling(Results.Total / (double)Results.PageSize));

    public Dictionary<string, string?> RouteFor(int page) => new()
    {
        ["q"] = Q,
        ["competency"] = Competency,
        ["type"] = Type,
        ["status"] = Status,
        ["source"] = Source?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["lint"] = Lint,
        ["group"] = Group?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
