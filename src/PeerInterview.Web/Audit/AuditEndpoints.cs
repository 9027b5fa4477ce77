using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using PeerInterview.Web.Accounts;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.Reports.Exports;

namespace PeerInterview.Web.Audit;

/// <summary>
/// GET /api/v1/audit (JSON, paged) and GET /api/v1/audit/export (CSV): the audit trail for HR and admins (DESIGN: HR
/// sees the audit trail). Downloading it is itself audited.
/// </summary>
public static class AuditEndpoints
{
    public static IServiceCollection AddAuditTrail(this IServiceCollection services) => services.AddScoped<AuditTrail>();

    public static void MapAuditEndpoints(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit").RequireAuthorization(Policies.Auditors);
        audit.MapGet("/", List)
            .WithSummary("Audit entries, newest first, filtered by action, entity type and id, user and UTC days (inclusive).");
        audit.MapGet("/export", Export)
            .WithSummary($"The matching audit entries as CSV (at most {AuditTrail.MaxExportRows:N0}, newest first).");
    }

    private static async Task<Results<Ok<PagedList<AuditRow>>, ValidationProblem>> List(
        AuditTrail trail, HttpContext http, string? action, string? entityType, string? entityId, string? userId, DateOnly? from, DateOnly? to,
        int? page, int? pageSize, CancellationToken ct)
    {
        var errors = Validate(from, to);
        Paging.Validate(page, pageSize, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (p, size) = Paging.Clamp(page, pageSize);
        return TypedResults.Ok(await trail.SearchAsync(AuditFilter.Of(action, entityType, entityId, userId, from, to) with { Page = p, PageSize = size, Viewer = http.User.UserId() }, ct));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> Export(
        AuditTrail trail, AuditLog log, Data.AppDbContext db, HttpContext http,
        string? action, string? entityType, string? entityId, string? userId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var errors = Validate(from, to);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var filter = AuditFilter.Of(action, entityType, entityId, userId, from, to) with { Viewer = http.User.UserId() };
        var rows = await trail.ExportAsync(filter, ct);
        log.Record(http.User.UserId(), "audit.export", "AuditEntry", "*", after: new { Rows = rows.Items.Count, filter.Action, filter.EntityType, filter.EntityId, filter.From, filter.To });
        await db.SaveChangesAsync(ct);
        http.Response.Headers.CacheControl = "no-store";
        var name = $"audit-trail-{DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv";
        return TypedResults.File(CsvWriter.Write(AuditCsv.Table(rows.Items)), CsvWriter.ContentType, name);
    }

    private static Dictionary<string, string[]> Validate(DateOnly? from, DateOnly? to) => DateRange.Errors(from, to, DateTimeOffset.UtcNow);

}

/// <summary>The audit trail as an export table: one row per entry, the change as recorded (JSON).</summary>
public static class AuditCsv
{
    public static ExportTable Table(IReadOnlyList<AuditRow> rows) => new(
        ["at_utc", "user", "action", "description", "entity_type", "entity_id", "before", "after"],
        [.. rows.Select(r => (IReadOnlyList<Cell>)
        [
            Cell.Text(r.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
            Cell.Text(r.User ?? "system"),
            Cell.Text(r.Action),
            Cell.Text(r.Description),
            Cell.Text(r.EntityType),
            Cell.Text(r.EntityId),
            Cell.Text(r.Before),
            Cell.Text(r.After),
        ])]);
}
