using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerInterview.Web.Accounts;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.Interviews;
using PeerInterview.Web.People;

namespace PeerInterview.Web.Pages.Interviews;

/// <summary>Schedules an interview: candidate, published kit version, time (UTC) and a panel of two or more.</summary>
[Authorize(Policy = Policies.Managers)]
public class ScheduleModel(SchedulingService scheduling, InterviewQueries queries, StaffDirectory staff) : PageModel
{
    [BindProperty]
    public ScheduleForm Input { get; set; } = new();

    public IReadOnlyList<SchedulableCandidate> Candidates { get; private set; } = [];
    public IReadOnlyList<KitVersionOption> KitVersions { get; private set; } = [];
    public IReadOnlyList<StaffMember> Interviewers { get; private set; } = [];

    /// <summary>Shown after a post with one interviewer and no "schedule anyway".</summary>
    public bool NeedsScheduleAnyway { get; private set; }

    public sealed class ScheduleForm
    {
        [Required(ErrorMessage = "Choose the candidate to interview.")]
        public int? CandidateId { get; set; }

        [Required(ErrorMessage = "Choose the published kit version to interview with.")]
        public int? KitVersionId { get; set; }

        /// <summary>From &lt;input type="datetime-local"&gt;, read as UTC.</summary>
        [Required(ErrorMessage = "Choose the date and time of the interview.")]
        public DateTime? ScheduledAt { get; set; }

        [StringLength(200, ErrorMessage = "The location must be 200 characters or fewer.")]
        public string? Location { get; set; }

        public List<string> InterviewerIds { get; set; } = [];

        public bool ScheduleAnyway { get; set; }
    }

    public async Task OnGetAsync(int? candidateId, CancellationToken ct)
    {
        if (candidateId is { } id)
        {
            Input.CandidateId = id;
            Input.KitVersionId = await queries.DefaultKitVersionIdAsync(id, ct);
        }

        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input.InterviewerIds.Count == 1 && !Input.ScheduleAnyway)
        {
            NeedsScheduleAnyway = true;
            ModelState.AddModelError("Input.InterviewerIds", "Only one interviewer is ticked: add a second, or tick “Schedule anyway” below.");
        }

        if (ModelState.IsValid)
        {
            var at = DateTime.SpecifyKind(Input.ScheduledAt!.Value, DateTimeKind.Utc);
            var outcome = await scheduling.ScheduleAsync(
                new ScheduleCommand(Input.CandidateId, Input.KitVersionId, new DateTimeOffset(at), Input.InterviewerIds, Input.Location),
                User.UserId(),
                ct);
            if (outcome.Value is { } interview)
            {
                var warnings = interview.Warnings.Count == 0 ? "" : " Note: " + string.Join(" ", interview.Warnings);
                TempData["Flash"] = $"Interview with {interview.CandidateName} scheduled for {TimeText.Utc(interview.ScheduledAt)}.{warnings}";
                return RedirectToPage("/Interviews/Details", new { id = interview.Id });
            }

            outcome.Failure!.AddTo(ModelState);
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Candidates = await queries.SchedulableCandidatesAsync(ct);
        KitVersions = await queries.PublishedKitVersionsAsync(ct);
        Interviewers = await staff.InterviewersAsync(ct);
    }
}
