using Microsoft.EntityFrameworkCore;
using System.Globalization;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;

namespace PeerInterview.Web.Audit;

/// <summary>What HR (and admins) can narrow the audit trail by; every part is optional.</summary>
public sealed record AuditFilter
{
    public string? Action { get; init; }
    public string? EntityType { get; init; }
    public string? EntityId { get; init; }
    public string? UserId { get; init; }

    /// <summary>First day included (UTC).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last day included (UTC).</summary>
    public DateOnly? To { get; init; }

    /// <summary>Who is reading: entries about a panel they sit on unsubmitted are left out (the blind rule).</summary>
    public string? Viewer { get; init; }

    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = Paging.DefaultPageSize;

    /// <summary>The filter from query values as the page and the API receive them: blanks mean "any".</summary>
    public static AuditFilter Of(string? action, string? entityType, string? entityId, string? userId, DateOnly? from, DateOnly? to) => new()
    {
        Action = Blank(action),
        EntityType = Blank(entityType),
        EntityId = Blank(entityId),
        UserId = Blank(userId),
        From = from,
        To = to,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>One audit entry as people read it: who (by email), what in words, which record, and the change.</summary>
public sealed record AuditRow(
    long Id, DateTimeOffset At, string? UserId, string? User, string Action, string Description, string EntityType, string EntityId,
    string? Before, string? After);

/// <summary>The choices the filters offer: only values that occur in the trail.</summary>
public sealed record AuditFacets(IReadOnlyList<string> Actions, IReadOnlyList<string> EntityTypes, IReadOnlyList<AuditPerson> People);

public sealed record AuditPerson(string Id, string Label);

/// <summary>
/// Reads the audit trail (<see cref="AuditLog"/> writes it in the same transaction as each change): newest first, filtered
/// and paged in SQL. Read-only; what an entry says was fixed when it was written (erasure scrubs personal text from it).
/// </summary>
public sealed class AuditTrail(AppDbContext db)
{
    /// <summary>The most rows one CSV export carries; narrow the filters for more.</summary>
    public const int MaxExportRows = 100_000;

    public async Task<PagedList<AuditRow>> SearchAsync(AuditFilter filter, CancellationToken ct = default)
    {
        var (page, pageSize) = Paging.Clamp(filter.Page, filter.PageSize);
        return await ReadAsync(filter, page, pageSize, ct);
    }

    /// <summary>Every matching entry (up to <see cref="MaxExportRows"/>), newest first, for the CSV download.</summary>
    public Task<PagedList<AuditRow>> ExportAsync(AuditFilter filter, CancellationToken ct = default) =>
        ReadAsync(filter, 1, MaxExportRows, ct);

    private async Task<PagedList<AuditRow>> ReadAsync(AuditFilter filter, int page, int pageSize, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(a => a.Action == filter.Action);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            query = query.Where(a => a.EntityType == filter.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityId))
        {
            var entityId = filter.EntityId.Trim();
            query = query.Where(a => a.EntityId == entityId);
        }

        if (!string.IsNullOrWhiteSpace(filter.UserId))
        {
            query = query.Where(a => a.UserId == filter.UserId);
        }

        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(a => a.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = DateRange.EndOf(to);
            query = query.Where(a => a.At < end);
        }

        if (!string.IsNullOrEmpty(filter.Viewer))
        {
            // The blind rule: scorecard entries (submit carries the recommendation, reopened edits carry ratings) of the
            // other members of a panel the viewer has not submitted on, and knock-out reviews of that candidate.
            var viewer = filter.Viewer;
            var hiddenInterviews = Reports.BlindRule.HiddenInterviews(db, viewer);
            var hiddenCards = (await db.Scorecards.AsNoTracking()
                    .Where(s => hiddenInterviews.Contains(s.InterviewId) && s.InterviewerId != viewer)
                    .Select(s => s.Id)
                    .ToListAsync(ct))
                .Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
            var hiddenCandidates = (await db.Interviews.AsNoTracking()
                    .Where(i => hiddenInterviews.Contains(i.Id))
                    .Select(i => i.CandidateId)
                    .Distinct()
                    .ToListAsync(ct))
                .Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
            if (hiddenCards.Count > 0)
            {
                query = query.Where(a => !(a.EntityType == nameof(Scorecard) && hiddenCards.Contains(a.EntityId)));
            }

            if (hiddenCandidates.Count > 0)
            {
                query = query.Where(a => !(a.EntityType == nameof(Candidate) && EF.Functions.Like(a.Action, "red-flag.%") && hiddenCandidates.Contains(a.EntityId)));
            }
        }

        var total = await query.CountAsync(ct);
        var entries = await query
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(a => new { a.Id, a.At, a.UserId, a.Action, a.EntityType, a.EntityId, a.Before, a.After })
            .ToListAsync(ct);
        var userIds = entries.Select(e => e.UserId).OfType<string>().Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.Email ?? u.Id, ct);
        var rows = entries.Select(e => new AuditRow(
            e.Id, e.At, e.UserId, e.UserId is null ? null : people.GetValueOrDefault(e.UserId, "a deleted account"),
            e.Action, AuditText.Describe(e.Action), e.EntityType, e.EntityId, e.Before, e.After)).ToList();
        return new PagedList<AuditRow>(rows, total, page, pageSize);
    }

    public async Task<AuditFacets> FacetsAsync(CancellationToken ct = default)
    {
        var actions = await db.AuditEntries.AsNoTracking().Select(a => a.Action).Distinct().ToListAsync(ct);
        var types = await db.AuditEntries.AsNoTracking().Select(a => a.EntityType).Distinct().ToListAsync(ct);
        var people = await db.Users.AsNoTracking()
            .Where(u => db.AuditEntries.Any(a => a.UserId == u.Id))
            .Select(u => new AuditPerson(u.Id, u.Email ?? u.Id))
            .ToListAsync(ct);
        return new AuditFacets(
            [.. actions.Order(StringComparer.Ordinal)],
            [.. types.Order(StringComparer.Ordinal)],
            [.. people.OrderBy(p => p.Label, StringComparer.OrdinalIgnoreCase)]);
    }
}

/// <summary>Audit actions in words, for the page and the CSV; an action not listed here is shown as recorded.</summary>
public static class AuditText
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["import"] = "Imported a question document",
        ["question.update"] = "Edited a question",
        ["question.merge"] = "Merged duplicate questions",
        ["question.anchors-accept"] = "Accepted a question's starter anchors as reviewed",
        ["question.starter-anchors"] = "Applied starter anchors to questions without anchors",
        ["competency.create"] = "Added a competency",
        ["competency.update"] = "Changed a competency",
        ["kit.create"] = "Created an interview kit",
        ["kit.draft"] = "Started a new kit draft",
        ["kit.publish"] = "Published a kit version",
        ["kit.clone"] = "Cloned a kit",
        ["kit.retire"] = "Retired a kit",
        ["kit.discard-draft"] = "Discarded a kit draft",
        ["position.create"] = "Created a position",
        ["position.update"] = "Changed a position",
        ["candidate.create"] = "Added a candidate",
        ["candidate.update"] = "Changed a candidate's details",
        ["candidate.stage"] = "Moved a candidate to another stage",
        ["candidate.erase"] = "Erased a candidate's personal data",
        ["candidate.report"] = "Read or exported a candidate report",
        ["position.report"] = "Read a position report",
        ["position.export"] = "Exported a position report",
        ["interview.schedule"] = "Scheduled an interview",
        ["interview.cancel"] = "Cancelled an interview",
        ["interview.interviewer.add"] = "Added an interviewer to a panel",
        ["interview.interviewer.remove"] = "Removed an interviewer from a panel",
        ["scorecard.rating"] = "Saved a rating",
        ["scorecard.red-flag"] = "Checked or cleared a red flag",
        ["scorecard.summary"] = "Saved a recommendation or summary",
        ["scorecard.submit"] = "Submitted a scorecard",
        ["scorecard.reopen"] = "Reopened a submitted scorecard",
        ["red-flag.confirm"] = "Confirmed a knock-out red flag",
        ["red-flag.dismiss"] = "Dismissed a knock-out red flag",
        ["user.create"] = "Created a user account",
        ["user.deactivate"] = "Deactivated a user account",
        ["user.reactivate"] = "Reactivated a user account",
        ["user.roles"] = "Changed a user's roles",
        ["user.reset-password"] = "Forced a password reset",
        ["user.password-set"] = "Set a new password from a reset link",
    };

    public static string Describe(string action) => Descriptions.GetValueOrDefault(action, action);

    /// <summary>One field of a recorded change: its value before and after (either may be absent).</summary>
    public sealed record FieldChange(string Field, string? Before, string? After);

    /// <summary>
    /// The recorded before/after snapshots as a field list (top-level properties of the JSON objects, nested values as
    /// compact JSON); a snapshot that is not a JSON object is shown whole under "value".
    /// </summary>
    public static IReadOnlyList<FieldChange> Changes(string? before, string? after)
    {
        var b = Fields(before);
        var a = Fields(after);
        return [.. b.Keys.Union(a.Keys).Select(k => new FieldChange(k, b.GetValueOrDefault(k), a.GetValueOrDefault(k)))];
    }

    private static Dictionary<string, string?> Fields(string? json)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return fields;
        }

        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object)
            {
                fields["value"] = document.RootElement.GetRawText();
                return fields;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                fields[property.Name] = property.Value.ValueKind switch
                {
                    System.Text.Json.JsonValueKind.String => property.Value.GetString(),
                    System.Text.Json.JsonValueKind.Null => null,
                    _ => property.Value.GetRawText(),
                };
            }
        }
        catch (System.Text.Json.JsonException)
        {
            fields["value"] = json;
        }

        return fields;
    }

    /// <summary>A record type as people call it ("InterviewKit" is a kit).</summary>
    public static string EntityLabel(string entityType) => entityType switch
    {
        "InterviewKit" => "Kit",
        "KitVersion" => "Kit version",
        "SourceDocument" => "Document",
        "AppUser" => "User",
        "AuditEntry" => "Audit trail",
        "QuestionBank" => "Question bank",
        _ => entityType,
    };

    /// <summary>Where the record can be seen in the app, when it has a page of its own.</summary>
    public static string? LinkFor(string entityType, string entityId) => entityType switch
    {
        "Candidate" => $"/Candidates/Details/{entityId}",
        "Question" => $"/Questions/Details/{entityId}",
        "QuestionBank" => "/Questions",
        "Interview" => $"/Interviews/{entityId}",
        "Position" => $"/Positions/Edit/{entityId}",
        "InterviewKit" => $"/Kits/Edit/{entityId}",
        _ => null,
    };
}
