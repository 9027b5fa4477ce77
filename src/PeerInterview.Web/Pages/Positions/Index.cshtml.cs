using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.People;

namespace PeerInterview.Web.Pages.Positions;

public class IndexModel(PositionService positions) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public PagedList<PositionListItem> Results { get; private set; } = new([], 0, 1, Paging.DefaultPageSize);

    public async Task OnGetAsync(CancellationToken ct) => Results = await positions.SearchAsync(Q, PageNumber, Paging.DefaultPageSize, ct);

    public Dictionary<string, string?> RouteFor(int page) => new()
    {
        ["q"] = Q,
        ["page"] = page.ToString(CultureInfo.InvariantCulture),
    };
}
