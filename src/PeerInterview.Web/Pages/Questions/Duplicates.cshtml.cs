using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.Questions;

namespace PeerInterview.Web.Pages.Questions;

public class DuplicatesModel(AppDbContext db, QuestionBank bank) : PageModel
{
    public IReadOnlyList<Group> Groups { get; private set; } = [];

    public sealed record Member(int Id, string Text, string CompetencyCode, QuestionStatus Status, string? Source, int? LineStart);

    public sealed record Group(int Id, IReadOnlyList<Member> Members);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var members = await db.Questions.AsNoTracking()
            .Where(q => q.DuplicateGroupId != null && q.Status != QuestionStatus.Archived)
            .OrderBy(q => q.DuplicateGroupId).ThenBy(q => q.Id)
            .Select(q => new
            {
                Group = q.DuplicateGroupId!.Value,
                Member = new Member(q.Id, q.Text, q.Competency!.Code, q.Status,
                    q.Sources.OrderBy(s => s.Id).Select(s => s.SourceDocument!.FileName).FirstOrDefault(),
                    q.Sources.OrderBy(s => s.Id).Select(s => (int?)s.LineStart).FirstOrDefault()),
            })
            .ToListAsync(ct);
        Groups = [.. members.GroupBy(m => m.Group).Where(g => g.Count() > 1).Select(g => new Group(g.Key, [.. g.Select(m => m.Member)]))];
    }

    public async Task<IActionResult> OnPostMergeAsync(int keep, int[] merge, CancellationToken ct)
    {
        if (!User.IsManager())
        {
            return Forbid();
        }

        var result = await bank.MergeAsync(keep, merge, User.UserId(), ct);
        if (result.Failure is { } failure)
        {
            TempData["Flash"] = "The questions were not merged: " + failure.Message;
            return RedirectToPage();
        }

        TempData["Flash"] = $"Merged into question {keep}; its provenance lists every source.";
        return RedirectToPage("/Questions/Details", new { id = keep });
    }
}
