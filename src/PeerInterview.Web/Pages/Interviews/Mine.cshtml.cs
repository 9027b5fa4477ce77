using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.Interviews;

namespace PeerInterview.Web.Pages.Interviews;

/// <summary>The signed-in interviewer's interviews: what is next, then the rest upcoming, then past ones.</summary>
public class MineModel(InterviewQueries queries, TimeProvider clock) : PageModel
{
    public MyInterviews Interviews { get; private set; } = new(null, [], [], []);
    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task OnGetAsync(CancellationToken ct) => Interviews = await queries.MineAsync(User.UserId() ?? "", ct);
}

/// <summary>A table of the interviewer's interviews; <see cref="IsPast"/> flags scorecards still to submit.</summary>
public sealed record MyInterviewRows(IReadOnlyList<MyInterview> Rows, DateTimeOffset Now, bool IsPast);
