using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.Questions;

namespace PeerInterview.Web.Pages.Questions;

/// <summary>The needs-review queue: questions whose titles the importer inferred, waiting for a person to write the real question.</summary>
public class ReviewModel(AppDbContext db, QuestionBank bank) : PageModel
{
    public IReadOnlyList<Item> Items { get; private set; } = [];
    public int Total { get; private set; }

    public sealed record Item(int Id, string Text, bool TitleInferred, string? Purpose, string CompetencyCode, string? Source, int Version);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.Questions.AsNoTracking().Where(q => q.Status == QuestionStatus.NeedsReview);
        Total = await query.CountAsync(ct);
        Items = await query.OrderBy(q => q.Id).Take(50)
            .Select(q => new Item(q.Id, q.Text, q.TitleInferred, q.Purpose, q.Competency!.Code,
                q.Sources.OrderBy(s => s.Id).Select(s => s.SourceDocument!.FileName).FirstOrDefault(), q.Version))
            .ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(int id, string? text, int version, CancellationToken ct)
    {
        if (!User.IsManager())
        {
            return Forbid();
        }

        var result = await bank.UpdateAsync(id, new QuestionUpdate { Text = text, Status = QuestionStatus.Active, Version = version }, User.UserId(), ct);
        TempData["Flash"] = result.Failure is { } failure ? $"Question {id}: {failure.Message}" : $"Question {id} reviewed and now active.";
        return RedirectToPage();
    }
}
