using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Questions;

namespace PeerInterview.Web.Pages.Questions;

public class DetailsModel(QuestionBank bank, AppDbContext db) : PageModel
{
    public QuestionDetail Question { get; private set; } = null!;
    public IReadOnlyList<Sibling> Duplicates { get; private set; } = [];

    public sealed record Sibling(int Id, string Text, string? Source);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await bank.GetAsync(id, ct) is not { } question)
        {
            return NotFound();
        }

        Question = question;
        if (question.DuplicateGroupId is { } group)
        {
            Duplicates = await db.Questions.AsNoTracking()
                .Where(q => q.DuplicateGroupId == group && q.Id != id && q.Status != QuestionStatus.Archived)
                .OrderBy(q => q.Id)
                .Select(q => new Sibling(q.Id, q.Text, q.Sources.OrderBy(s => s.Id).Select(s => s.SourceDocument!.FileName).FirstOrDefault()))
                .ToListAsync(ct);
        }

        return Page();
    }
}
