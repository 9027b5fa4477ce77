using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerInterview.Web.Accounts;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.Questions;

namespace PeerInterview.Web.Pages.Questions;

[Authorize(Policy = Policies.Managers)]
public class EditModel(QuestionBank bank) : PageModel
{
    [BindProperty]
    public EditInput Input { get; set; } = new();

    public IReadOnlyList<CompetencyView> Competencies { get; private set; } = [];
    public QuestionDetail? Original { get; private set; }

    public sealed class EditInput
    {
        [Required(ErrorMessage = "The question text cannot be empty.")]
        [StringLength(1000, ErrorMessage = "The question text must be 1,000 characters or fewer.")]
        public string Text { get; set; } = "";

        public string? Purpose { get; set; }
        public string? Guidance { get; set; }
        public string? SampleAnswer { get; set; }
        public QuestionType? Type { get; set; }

        [StringLength(120)]
        public string? Topic { get; set; }

        [Required]
        public string Competency { get; set; } = "";

        public string? SecondaryCompetency { get; set; }
        public string? AnchorPoor { get; set; }
        public string? AnchorMeets { get; set; }
        public string? AnchorExcellent { get; set; }

        /// <summary>One point per line.</summary>
        public string? ListenFor { get; set; }

        public QuestionStatus Status { get; set; }
        public List<FlagInput> Flags { get; set; } = [];
        public int Version { get; set; }
    }

    public sealed class FlagInput
    {
        public int? Id { get; set; }

        [StringLength(500, ErrorMessage = "A red flag must be 500 characters or fewer.")]
        public string? Text { get; set; }

        public RedFlagSeverity Severity { get; set; }
        public bool Remove { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await bank.GetAsync(id, ct) is not { } q)
        {
            return NotFound();
        }

        Original = q;
        Input = new EditInput
        {
            Text = q.Text,
            Purpose = q.Purpose,
            Guidance = q.Guidance,
            SampleAnswer = q.SampleAnswer,
            Type = q.Type,
            Topic = q.Topic,
            Competency = q.Competency,
            SecondaryCompetency = q.SecondaryCompetency,
            AnchorPoor = q.AnchorPoor,
            AnchorMeets = q.AnchorMeets,
            AnchorExcellent = q.AnchorExcellent,
            ListenFor = string.Join('\n', q.ListenFor),
            Status = q.Status,
            Flags = [.. q.RedFlags.Select(f => new FlagInput { Id = f.Id, Text = f.Text, Severity = f.Severity })],
            Version = q.Version,
        };
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        Original = await bank.GetAsync(id, ct);
        if (Original is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var result = await bank.UpdateAsync(id, new QuestionUpdate
        {
            Text = Input.Text,
            Purpose = Input.Purpose ?? "",
            Guidance = Input.Guidance ?? "",
            SampleAnswer = Input.SampleAnswer ?? "",
            Type = Input.Type,
            Topic = Input.Topic ?? "",
            Competency = Input.Competency,
            SecondaryCompetency = Input.SecondaryCompetency ?? "",
            AnchorPoor = Input.AnchorPoor ?? "",
            AnchorMeets = Input.AnchorMeets ?? "",
            AnchorExcellent = Input.AnchorExcellent ?? "",
            ListenFor = (Input.ListenFor ?? "").Split('\n').Select(p => p.Trim().TrimStart('-', '•', '*').Trim()).Where(p => p.Length > 0).ToList(),
            Status = Input.Status,
            RedFlags = [.. Input.Flags.Where(f => !f.Remove && !string.IsNullOrWhiteSpace(f.Text)).Select(f => new RedFlagView(f.Id, f.Text!, f.Severity))],
            Version = Input.Version,
        }, User.UserId(), ct);

        if (result.Failure is null)
        {
            TempData["Flash"] = "Question saved.";
            return RedirectToPage("/Questions/Details", new { id });
        }

        if (result.Failure.Kind == FailureKind.NotFound)
        {
            return NotFound();
        }

        if (result.Failure.Kind == FailureKind.Conflict)
        {
            ModelState.AddModelError(string.Empty, "Someone else saved this question while you were editing. Your changes are still in the form: open the question in another tab to see theirs, then save again.");
            Input.Version = Original.Version;
        }
        else
        {
            result.Failure.AddTo(ModelState);
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Competencies = await bank.CompetenciesAsync(ct);
        while (Input.Flags.Count(f => f.Id is null && string.IsNullOrWhiteSpace(f.Text)) < 2)
        {
            Input.Flags.Add(new FlagInput());
        }
    }
}
