using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Kits;

/// <summary>
/// Copies into a kit version everything a rater sees and every input of the score (question text, purpose, guidance,
/// effective anchors, primary and secondary competency per item; the red flags per item and the global ones in force,
/// keyed as scorecards key them; the covered competencies' code, name, hurdle status, weight and order), so later
/// edits to the bank, the global red flags or the framework never change a published version, its scorecards, its
/// reports or its exports. Publishing calls it inside its transaction; start-up back-fills versions published before.
/// </summary>
public static class KitFreezer
{
    /// <summary>
    /// Freezes a tracked version (with its items loaded) from the live bank; the caller saves in its transaction. Call it
    /// on the draft being published (before its status changes), or on an older published version being back-filled,
    /// whose question text and competency (frozen by earlier releases) are kept as they were.
    /// </summary>
    public static async Task FreezeAsync(AppDbContext db, KitVersion version, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(version);
        var live = (await KitContent.LoadLiveAsync(db, [version.Id], ct))[version.Id];
        var extra = version.Status == KitStatus.Draft ? [] : await FlagsAlreadyCheckedAsync(db, version.Id, live, ct);
        var byItem = live.Items.ToDictionary(i => i.KitItemId);
        var publishing = version.Status == KitStatus.Draft;

        foreach (var item in version.Items)
        {
            var content = byItem[item.Id];
            item.QuestionTextSnapshot = publishing ? content.Text : item.QuestionTextSnapshot ?? content.Text;
            item.CompetencyIdSnapshot = publishing ? content.CompetencyId : item.CompetencyIdSnapshot ?? content.CompetencyId;
            item.SecondaryCompetencyIdSnapshot = content.SecondaryCompetencyId;
            item.PurposeSnapshot = content.Purpose;
            item.GuidanceSnapshot = content.Guidance;
            item.AnchorPoorSnapshot = content.Anchors.Poor;
            item.AnchorMeetsSnapshot = content.Anchors.Meets;
            item.AnchorExcellentSnapshot = content.Anchors.Excellent;
            item.AnchorSourceSnapshot = content.Anchors.Source;
            item.CompetencyAnchorPoorSnapshot = content.CompetencyAnchors.Poor;
            item.CompetencyAnchorMeetsSnapshot = content.CompetencyAnchors.Meets;
            item.CompetencyAnchorExcellentSnapshot = content.CompetencyAnchors.Excellent;
            item.ListenForSnapshot = [.. content.ListenFor];
        }

        var order = 0;
        var flags = live.InOrder.SelectMany(i => i.RedFlags).Concat(live.GlobalRedFlags).Concat(extra).ToList();
        db.FrozenRedFlags.AddRange(flags.Select(f => new FrozenRedFlag
        {
            KitVersionId = version.Id,
            KitItemId = f.KitItemId,
            Key = f.Key,
            RedFlagId = f.RedFlagId,
            KitItemRedFlagId = f.KitItemRedFlagId,
            Text = f.Text,
            Severity = f.Severity,
            Order = order++,
        }));

        var covered = version.Items.SelectMany(i => new[] { i.CompetencyIdSnapshot, i.SecondaryCompetencyIdSnapshot }).OfType<int>().ToHashSet();
        db.FrozenCompetencies.AddRange(live.Competencies.Where(c => covered.Contains(c.Id)).Select(c => new FrozenCompetency
        {
            KitVersionId = version.Id,
            CompetencyId = c.Id,
            Code = c.Code,
            Name = c.Name,
            IsHurdle = c.IsHurdle,
            Weight = c.Weight,
            SortOrder = c.SortOrder,
        }));
        version.FrozenAt = now;
    }

    /// <summary>
    /// Once, at start: freezes every published or retired version that has no frozen content yet (versions published
    /// before the copy existed) from the data as it stands, so upgrading changes no report. Several instances starting
    /// at once each claim a version with a conditional update, so none is frozen twice.
    /// </summary>
    public static async Task<int> BackfillAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pending = await db.KitVersions.AsNoTracking()
            .Where(v => v.Status != KitStatus.Draft && v.FrozenAt == null)
            .OrderBy(v => v.Id)
            .Select(v => v.Id)
            .ToListAsync(ct);
        var frozen = 0;
        foreach (var id in pending)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.KitVersions.Where(v => v.Id == id && v.FrozenAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(v => v.FrozenAt, now), ct);
            if (claimed == 0)
            {
                continue;
            }

            var version = await db.KitVersions.Include(v => v.Items).FirstAsync(v => v.Id == id, ct);
            await FreezeAsync(db, version, now, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            frozen++;
        }

        return frozen;
    }

    /// <summary>
    /// For the back-fill: flags raters already checked on this version that the bank has retired since (or that were
    /// never in the live list), so a past report keeps every flag it showed.
    /// </summary>
    private static async Task<List<KitContent.Flag>> FlagsAlreadyCheckedAsync(AppDbContext db, int versionId, KitContent live, CancellationToken ct)
    {
        var known = live.AllFlags.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var checks = await db.RedFlagChecks.AsNoTracking()
            .Where(c => c.RedFlagId != null && db.Scorecards.Any(s => s.Id == c.ScorecardId && s.Interview!.KitVersionId == versionId))
            .Select(c => new { RedFlagId = c.RedFlagId!.Value, c.KitItemId })
            .Distinct()
            .ToListAsync(ct);
        var flagIds = checks.Select(c => c.RedFlagId).Distinct().ToList();
        var flags = await db.RedFlags.AsNoTracking().Where(f => flagIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, ct);
        var extra = new List<KitContent.Flag>();
        foreach (var check in checks.OrderBy(c => c.RedFlagId))
        {
            var flag = flags[check.RedFlagId];
            var key = flag.QuestionId is null ? $"g{flag.Id}" : $"q{flag.Id}";
            if (known.Add(key))
            {
                extra.Add(new KitContent.Flag(key, flag.Text, flag.Severity, flag.Id, null, flag.QuestionId is null ? null : check.KitItemId));
            }
        }

        return extra;
    }
}
