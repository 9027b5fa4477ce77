using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerInterview.Web.Audit;
using PeerInterview.Web.Infrastructure;

namespace PeerInterview.Web.Pages.Audit;

/// <summary>The audit trail for HR and admins: who did what to which record, when, and the change; filtered and paged.</summary>
public class IndexModel(AuditTrail trail, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }
    [BindProperty(SupportsGet = true)] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public PagedList<AuditRow> Results { get; private set; } = new([], 0, 1, Paging.DefaultPageSize);
    public AuditFacets Facets { get; private set; } = new([], [], []);
    public string? FilterError { get; private set; }
    public DateTimeOffset Now => clock.GetUtcNow();

    public bool Filtered =>
        !string.IsNullOrWhiteSpace(Action) || !string.IsNullOrWhiteSpace(EntityType) || !string.IsNullOrWhiteSpace(EntityId)
        || !string.IsNullOrWhiteSpace(UserId) || From is not null || To is not null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Facets = await trail.FacetsAsync(ct);
        if (DateRange.Errors(From, To, DateTimeOffset.UtcNow) is { Count: > 0 } errors)
        {
            FilterError = string.Join(" ", errors.SelectMany(e => e.Value));
            return;
        }

        Results = await trail.SearchAsync(AuditFilter.Of(Action, EntityType, EntityId, UserId, From, To) with
        {
            Page = Math.Max(1, PageNumber),
            PageSize = Paging.DefaultPageSize,
            Viewer = User.UserId(),
        }, ct);
    }

    /// <summary>The current filters as a query string, for paging and the CSV download.</summary>
    public Dictionary<string, string?> RouteFor(int page) => new()
    {
        ["action"] = Action,
        ["entityType"] = EntityType,
        ["entityId"] = EntityId,
        ["userId"] = UserId,
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["page"] = page.ToString(CultureInfo.InvariantCulture),
    };

    public string ExportUrl => "/api/v1/audit/export" + QueryString.Create(RouteFor(1).Where(kv => kv.Key != "page" && !string.IsNullOrEmpty(kv.Value)));
}
