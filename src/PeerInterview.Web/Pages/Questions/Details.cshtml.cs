using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.Questions;

namespace PeerInterview.Web.Pages.Questions;

public class DetailsModel(QuestionBank bank, AppDbContext db) : PageModel
{
    public QuestionDetail Question { get; private set; } = null!;

    /// <summary>The anchors an interviewer would see for this question in a new kit, and which layer they come from.</summary>
    public EffectiveAnchors Anchors { get; private set; } = null!;
    public IReadOnlyList<Sibling> Duplicates { get; private set; } = [];

    public sealed record Sibling(int Id, string Text, string? Source);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await bank.GetAsync(id, ct) is not { } question)
        {
            return NotFound();
        }

        Question = question;
        var competency = await db.Competencies.AsNoTracking().Where(c => c.Code == question.Competency)
            .Select(c => new AnchorTexts(c.AnchorPoor, c.AnchorMeets, c.AnchorExcellent)).FirstOrDefaultAsync(ct) ?? AnchorTexts.None;
        Anchors = AnchorLayers.Resolve(AnchorTexts.None, new AnchorTexts(question.AnchorPoor, question.AnchorMeets, question.AnchorExcellent), competency);
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

    /// <summary>Accept the starter anchors as the organisation's own (hiring managers and admins; audited).</summary>
    public async Task<IActionResult> OnPostAcceptAnchorsAsync(int id, int version, CancellationToken ct)
    {
        if (!User.IsManager())
        {
            return Forbid();
        }

        var outcome = await bank.AcceptAnchorsAsync(id, version, User.UserId(), ct);
        if (outcome.Failure?.Kind == FailureKind.NotFound)
        {
            return NotFound();
        }

        TempData["Flash"] = outcome.Failure?.Message ?? "Anchors accepted: they are now your organisation's reviewed anchors for this question.";
        return RedirectToPage(new { id });
    }
}
