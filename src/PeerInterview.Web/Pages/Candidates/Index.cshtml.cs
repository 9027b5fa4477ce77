using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.People;

namespace PeerInterview.Web.Pages.Candidates;

public class IndexModel(CandidateService candidates, PositionService positions, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? PositionId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Stage { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public PagedList<CandidateListItem> Results { get; private set; } = new([], 0, 1, Paging.DefaultPageSize);
    public IReadOnlyList<PositionOption> Positions { get; private set; } = [];
    public bool Filtered => !string.IsNullOrWhiteSpace(Q) || PositionId is not null || ParsedStage is not null;
    public DateTimeOffset Now => clock.GetUtcNow();

    private CandidateStage? ParsedStage => EnumText.TryParse<CandidateStage>(Stage, out var s) ? s : null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Positions = await positions.OptionsAsync(ct);
        Results = await candidates.SearchAsync(new CandidateFilter
        {
            Q = Q,
            PositionId = PositionId,
            Stage = ParsedStage,
            Page = PageNumber,
            PageSize = Paging.DefaultPageSize,
        }, ct);
    }

    public bool IsStage(CandidateStage stage) => ParsedStage == stage;

    public Dictionary<string, string?> RouteFor(int page) => new()
    {
        ["q"] = Q,
        ["positionId"] = PositionId?.ToString(CultureInfo.InvariantCulture),
        ["stage"] = Stage,
        ["page"] = page.ToString(CultureInfo.InvariantCulture),
    };
}
