using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.Questions;

namespace PeerInterview.Web.Kits;

public sealed partial class KitService
{
    /// <summary>
    /// Validates the draft (not empty, no needs-review or archived questions, every hurdle covered, some weight above 0),
    /// freezes everything raters see and the score depends on (<see cref="KitFreezer"/>), and makes the draft an
    /// immutable published version.
    /// </summary>
    public async Task<Outcome<KitView>> PublishAsync(int kitId, string? userId, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var kit = await db.Kits.FirstOrDefaultAsync(k => k.Id == kitId, ct);
        if (kit is null)
        {
            return Failure.NotFound("Kit not found", "There is no such kit, kit item or section.");
        }

        if (kit.IsRetired)
        {
            return Failure.Conflict("The kit cannot be changed", "This kit is retired and cannot be published. Clone it instead.");
        }

        var draft = await db.KitVersions.Include(v => v.Items).Include(v => v.Weights)
            .FirstOrDefaultAsync(v => v.KitId == kitId && v.Status == KitStatus.Draft, ct);
        if (draft is null)
        {
            return Failure.Conflict("The kit cannot be changed", "There is no draft to publish: the latest version is already published.");
        }

        var view = (await GetVersionAsync(draft.Id, ct))!;
        var blocking = view.Coverage.Warnings.Where(w => w.BlocksPublishing).Select(w => w.Message).ToArray();
        if (blocking.Length > 0)
        {
            return Failure.Invalid(new Dictionary<string, string[]> { ["kit"] = blocking });
        }

        var now = clock.GetUtcNow();
        await KitFreezer.FreezeAsync(db, draft, now, ct);

        var previous = await db.KitVersions.AsNoTracking()
            .Include(v => v.Items).Include(v => v.Weights)
            .Where(v => v.KitId == kitId && v.Status == KitStatus.Published)
            .OrderByDescending(v => v.Number)
            .FirstOrDefaultAsync(ct);
        var competencyCodes = await db.Competencies.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Code, ct);

        draft.Status = KitStatus.Published;
        draft.PublishedAt = now;
        draft.PublishedById = userId;
        draft.ChangeSummary = DescribeChanges(previous, draft, competencyCodes);
        draft.Revision++;
        audit.Record(userId, "kit.publish", nameof(KitVersion), draft.Id, after: new { kitId, draft.Number, items = draft.Items.Count, draft.ChangeSummary });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (await GetVersionAsync(draft.Id, ct))!;
    }

    public static string DescribeChanges(KitVersion? previous, KitVersion current, IReadOnlyDictionary<int, string> competencyCodes)
    {
        var minutes = current.Items.Sum(i => i.Minutes);
        if (previous is null)
        {
            return $"First version: {current.Items.Count} questions, {minutes} minutes.";
        }

        var before = previous.Items.ToDictionary(i => i.QuestionId);
        var after = current.Items.ToDictionary(i => i.QuestionId);
        var parts = new List<string>();
        var added = after.Keys.Except(before.Keys).Count();
        var removed = before.Keys.Except(after.Keys).Count();
        if (added > 0)
        {
            parts.Add($"added {added} question{(added == 1 ? "" : "s")}");
        }

        if (removed > 0)
        {
            parts.Add($"removed {removed} question{(removed == 1 ? "" : "s")}");
        }

        var retimed = after.Keys.Intersect(before.Keys).Count(q => after[q].Minutes != before[q].Minutes);
        if (retimed > 0)
        {
            parts.Add($"changed the timing of {retimed}");
        }

        var reworded = after.Keys.Intersect(before.Keys).Count(q => after[q].QuestionTextSnapshot != before[q].QuestionTextSnapshot);
        if (reworded > 0)
        {
            parts.Add($"{reworded} reworded in the bank");
        }

        var overridden = after.Keys.Intersect(before.Keys).Count(q =>
            after[q].GuidanceOverride != before[q].GuidanceOverride || after[q].AnchorPoorOverride != before[q].AnchorPoorOverride ||
            after[q].AnchorMeetsOverride != before[q].AnchorMeetsOverride || after[q].AnchorExcellentOverride != before[q].AnchorExcellentOverride);
        if (overridden > 0)
        {
            parts.Add($"edited guidance or anchors on {overridden}");
        }

        var moved = after.Keys.Intersect(before.Keys).Count(q => after[q].Order != before[q].Order);
        if (moved > 0 && added == 0 && removed == 0)
        {
            parts.Add("reordered questions");
        }

        var weightsBefore = previous.Weights.ToDictionary(w => w.CompetencyId, w => w.Weight);
        var changedWeights = current.Weights.Where(w => weightsBefore.GetValueOrDefault(w.CompetencyId, 1) != w.Weight)
            .Select(w => competencyCodes.GetValueOrDefault(w.CompetencyId, "?")).Order(StringComparer.Ordinal).ToList();
        if (changedWeights.Count > 0)
        {
            parts.Add($"weights changed for {string.Join(", ", changedWeights)}");
        }

        if (current.TargetMinutes != previous.TargetMinutes)
        {
            parts.Add($"target length {previous.TargetMinutes} → {current.TargetMinutes} minutes");
        }

        var text = parts.Count == 0 ? "No changes to questions or weights" : string.Join("; ", parts);
        return $"{char.ToUpperInvariant(text[0])}{text[1..]} (v{previous.Number} → v{current.Number}): {current.Items.Count} questions, {minutes} minutes.";
    }

    /// <summary>A new kit whose first draft copies the source kit's latest version.</summary>
    public async Task<Outcome<KitView>> CloneAsync(int kitId, string? name, string? userId, CancellationToken ct = default)
    {
        var source = await db.Kits.AsNoTracking().FirstOrDefaultAsync(k => k.Id == kitId, ct);
        if (source is null)
        {
            return Failure.NotFound("Kit not found", "There is no such kit, kit item or section.");
        }

        var latest = await db.KitVersions.AsNoTracking()
            .Include(v => v.Sections).Include(v => v.Items).ThenInclude(i => i.RedFlagOverrides).Include(v => v.Weights)
            .AsSplitQuery()
            .Where(v => v.KitId == kitId).OrderByDescending(v => v.Number).FirstAsync(ct);
        var cloneName = string.IsNullOrWhiteSpace(name) ? $"Copy of {source.Name}" : name.Trim();
        if (cloneName.Length > 200)
        {
            return Failure.Invalid("name", "Give the kit a name of 1 to 200 characters.");
        }

        var now = clock.GetUtcNow();
        var clone = new InterviewKit { Name = cloneName, Role = source.Role, CreatedAt = now, CreatedById = userId, ClonedFromKitId = source.Id };
        var draft = new KitVersion { Number = 1, Status = KitStatus.Draft, CreatedAt = now, TargetMinutes = latest.TargetMinutes };
        CopyContent(latest, draft);
        clone.Versions.Add(draft);
        db.Kits.Add(clone);
        await db.SaveChangesAsync(ct);
        audit.Record(userId, "kit.clone", nameof(InterviewKit), clone.Id, after: new { from = source.Id, fromVersion = latest.Number });
        await db.SaveChangesAsync(ct);
        return (await GetVersionAsync(draft.Id, ct))!;
    }

    /// <summary>Retired kits cannot be edited, published or scheduled; interviews already scheduled keep their version.</summary>
    public async Task<Outcome<KitView>> RetireAsync(int kitId, string? userId, CancellationToken ct = default)
    {
        var kit = await db.Kits.FirstOrDefaultAsync(k => k.Id == kitId, ct);
        if (kit is null)
        {
            return Failure.NotFound("Kit not found", "There is no such kit, kit item or section.");
        }

        kit.IsRetired = true;
        await db.KitVersions.Where(v => v.KitId == kitId && v.Status == KitStatus.Draft).ExecuteDeleteAsync(ct);
        audit.Record(userId, "kit.retire", nameof(InterviewKit), kit.Id);
        await db.SaveChangesAsync(ct);
        return (await GetKitAsync(kitId, ct))!;
    }

    /// <summary>Throws away the unpublished draft, going back to the latest published version.</summary>
    public async Task<Outcome<KitView>> DiscardDraftAsync(int kitId, string? userId, CancellationToken ct = default)
    {
        var hasPublished = await db.KitVersions.AnyAsync(v => v.KitId == kitId && v.Status == KitStatus.Published, ct);
        if (!hasPublished)
        {
            return Failure.Conflict("The kit cannot be changed", "This kit has never been published; there is nothing to go back to. Retire it instead.");
        }

        var removed = await db.KitVersions.Where(v => v.KitId == kitId && v.Status == KitStatus.Draft).ExecuteDeleteAsync(ct);
        if (removed > 0)
        {
            audit.Record(userId, "kit.discard-draft", nameof(InterviewKit), kitId);
            await db.SaveChangesAsync(ct);
        }

        return (await GetKitAsync(kitId, ct))!;
    }
}
