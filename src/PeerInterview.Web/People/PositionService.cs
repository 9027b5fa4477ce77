using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.Questions;

namespace PeerInterview.Web.People;

/// <summary>Positions: list, read, create and edit; used by the position pages and /api/v1/positions.</summary>
public sealed class PositionService(AppDbContext db, StaffDirectory staff, AuditLog audit, TimeProvider clock)
{
    public async Task<PagedList<PositionListItem>> SearchAsync(string? q, int? page, int? pageSize, CancellationToken ct = default)
    {
        var (p, size) = Paging.Clamp(page, pageSize);
        var query = db.Positions.AsNoTracking();
        foreach (var term in QuestionBank.SearchTerms(q))
        {
            var pattern = TextSearch.Containing(term);
            query = query.Where(x => EF.Functions.Like(x.Title.ToLower(), pattern, TextSearch.Escape)
                || (x.Location != null && EF.Functions.Like(x.Location.ToLower(), pattern, TextSearch.Escape)));
        }

        var total = await query.CountAsync(ct);
        var items = await query
            .OrderBy(x => x.Title).ThenBy(x => x.Id)
            .Skip((p - 1) * size)
            .Take(size)
            .Select(x => new PositionListItem(
                x.Id,
                x.Title,
                x.Location,
                x.HiringManagerId,
                x.HiringManager == null ? null : x.HiringManager.DisplayName ?? x.HiringManager.Email,
                x.KitId,
                x.Kit == null ? null : x.Kit.Name,
                x.Kit == null || x.Kit.IsRetired ? null
                    : x.Kit.Versions.Where(v => v.Status == KitStatus.Published).OrderByDescending(v => v.Number).Select(v => (int?)v.Number).FirstOrDefault(),
                db.Candidates.Count(c => c.PositionId == x.Id),
                x.CreatedAt))
            .ToListAsync(ct);
        return new PagedList<PositionListItem>(items, total, p, size);
    }

    public Task<PositionDetail?> GetAsync(int id, CancellationToken ct = default) =>
        db.Positions.AsNoTracking()
            .Where(x => x.Id == id)
            .Select(x => new PositionDetail(
                x.Id,
                x.Title,
                x.Location,
                x.HiringManagerId,
                x.HiringManager == null ? null : x.HiringManager.DisplayName ?? x.HiringManager.Email,
                x.KitId,
                x.Kit == null ? null : x.Kit.Name,
                x.Kit == null || x.Kit.IsRetired ? null
                    : x.Kit.Versions.Where(v => v.Status == KitStatus.Published).OrderByDescending(v => v.Number).Select(v => (int?)v.Id).FirstOrDefault(),
                x.Kit == null || x.Kit.IsRetired ? null
                    : x.Kit.Versions.Where(v => v.Status == KitStatus.Published).OrderByDescending(v => v.Number).Select(v => (int?)v.Number).FirstOrDefault(),
                db.Candidates.Count(c => c.PositionId == x.Id),
                x.CreatedAt))
            .FirstOrDefaultAsync(ct);

    /// <summary>Every position, for pickers (candidate forms, filters).</summary>
    public async Task<IReadOnlyList<PositionOption>> OptionsAsync(CancellationToken ct = default) =>
        await db.Positions.AsNoTracking().OrderBy(x => x.Title).ThenBy(x => x.Id).Select(x => new PositionOption(x.Id, x.Title, x.Location)).ToListAsync(ct);

    /// <summary>Kits a position may use: any kit that is not retired, published or not yet.</summary>
    public async Task<IReadOnlyList<KitOption>> KitOptionsAsync(CancellationToken ct = default) =>
        await db.Kits.AsNoTracking().Where(k => !k.IsRetired).OrderBy(k => k.Name)
            .Select(k => new KitOption(k.Id, k.Name, k.Versions.Any(v => v.Status == KitStatus.Published)))
            .ToListAsync(ct);

    public async Task<Outcome<PositionDetail>> CreateAsync(PositionInput input, string? userId, CancellationToken ct = default)
    {
        var (errors, managerId) = await ValidateAsync(input, userId, ct);
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        var position = new Position
        {
            Title = input.Title!.Trim(),
            Location = Blank(input.Location),
            HiringManagerId = managerId,
            KitId = input.KitId,
            CreatedAt = clock.GetUtcNow(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Positions.Add(position);
        await db.SaveChangesAsync(ct);
        audit.Record(userId, "position.create", nameof(Position), position.Id, after: Snapshot(position));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (await GetAsync(position.Id, ct))!;
    }

    public async Task<Outcome<PositionDetail>> UpdateAsync(int id, PositionInput input, string? userId, CancellationToken ct = default)
    {
        var position = await db.Positions.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (position is null)
        {
            return Failure.NotFound("Position not found", $"There is no position {id}.");
        }

        var (errors, managerId) = await ValidateAsync(input with { HiringManagerId = input.HiringManagerId ?? position.HiringManagerId }, userId, ct);
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        var before = Snapshot(position);
        position.Title = input.Title!.Trim();
        position.Location = Blank(input.Location);
        position.HiringManagerId = managerId;
        position.KitId = input.KitId;
        audit.Record(userId, "position.update", nameof(Position), position.Id, before, Snapshot(position));
        await db.SaveChangesAsync(ct);
        return (await GetAsync(id, ct))!;
    }

    private async Task<(Dictionary<string, string[]> Errors, string? ManagerId)> ValidateAsync(PositionInput input, string? userId, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            errors["title"] = ["Enter the position's title."];
        }
        else if (input.Title.Trim().Length > 200)
        {
            errors["title"] = ["The title must be 200 characters or fewer."];
        }

        if (input.Location?.Trim().Length > 200)
        {
            errors["location"] = ["The location must be 200 characters or fewer."];
        }

        var managerId = string.IsNullOrWhiteSpace(input.HiringManagerId) ? userId : input.HiringManagerId.Trim();
        if (managerId is null || (await staff.InRolesAsync(StaffDirectory.HiringManagerRoles, [managerId], ct)).Count == 0)
        {
            errors["hiringManagerId"] = ["Choose a hiring manager: a user with the Hiring manager or Admin role."];
        }

        if (input.KitId is { } kitId)
        {
            var kit = await db.Kits.AsNoTracking().Where(k => k.Id == kitId).Select(k => new { k.Name, k.IsRetired }).FirstOrDefaultAsync(ct);
            if (kit is null)
            {
                errors["kitId"] = [$"There is no interview kit {kitId}."];
            }
            else if (kit.IsRetired)
            {
                errors["kitId"] = [$"The kit “{kit.Name}” is retired; choose a kit in use."];
            }
        }

        return (errors, managerId);
    }

    private static object Snapshot(Position p) => new { p.Title, p.Location, p.HiringManagerId, p.KitId };

    internal static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed record PositionOption(int Id, string Title, string? Location)
{
    public string Label => Location is null ? Title : $"{Title} · {Location}";
}

public sealed record KitOption(int Id, string Name, bool HasPublishedVersion);
