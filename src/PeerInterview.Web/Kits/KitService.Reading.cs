using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Import;
using PeerInterview.Web.Questions;

namespace PeerInterview.Web.Kits;

public sealed partial class KitService
{
    public async Task<IReadOnlyList<KitSummary>> ListAsync(bool includeRetired, CancellationToken ct = default)
    {
        var kits = await db.Kits.AsNoTracking()
            .Where(k => includeRetired || !k.IsRetired)
            .OrderBy(k => k.Name)
            .Select(k => new
            {
                k.Id,
                k.Name,
                k.Role,
                k.IsRetired,
                Draft = k.Versions.Where(v => v.Status == KitStatus.Draft).Select(v => (int?)v.Id).FirstOrDefault(),
                Published = k.Versions.Where(v => v.Status == KitStatus.Published).OrderByDescending(v => v.Number)
                    .Select(v => new { v.Id, v.Number, v.PublishedAt }).FirstOrDefault(),
                Latest = k.Versions.OrderByDescending(v => v.Number).Select(v => new { Items = v.Items.Count, Minutes = v.Items.Sum(i => i.Minutes) }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return [.. kits.Select(k => new KitSummary(k.Id, k.Name, k.Role, k.IsRetired, k.Draft, k.Published?.Id, k.Published?.Number, k.Published?.PublishedAt, k.Latest?.Items ?? 0, k.Latest?.Minutes ?? 0))];
    }

    /// <summary>The version a builder should show: the draft if there is one, otherwise the latest version.</summary>
    public async Task<KitView?> GetKitAsync(int kitId, CancellationToken ct = default)
    {
        var versionId = await db.KitVersions.AsNoTracking()
            .Where(v => v.KitId == kitId)
            .OrderByDescending(v => v.Status == KitStatus.Draft).ThenByDescending(v => v.Number)
            .Select(v => (int?)v.Id)
            .FirstOrDefaultAsync(ct);
        return versionId is null ? null : await GetVersionAsync(versionId.Value, ct);
    }

    public async Task<KitView?> GetVersionAsync(int versionId, CancellationToken ct = default)
    {
        var version = await db.KitVersions.AsNoTracking()
            .Where(v => v.Id == versionId)
            .Select(v => new { Version = v, v.Kit!.Name, v.Kit.Role, v.Kit.IsRetired })
            .FirstOrDefaultAsync(ct);
        if (version is null)
        {
            return null;
        }

        var v = version.Version;
        var sections = await db.KitSections.AsNoTracking().Where(s => s.KitVersionId == versionId).OrderBy(s => s.Order).ToListAsync(ct);
        var items = await db.KitItems.AsNoTracking()
            .Where(i => i.KitVersionId == versionId)
            .Select(i => new
            {
                Item = i,
                i.Question!.Status,
                i.Question.LintWarnings,
                i.Question.AnchorsReviewed,
                Flags = i.RedFlagOverrides.OrderBy(f => f.Id).Select(f => new KitItemFlagView(f.Id, f.Text, f.Severity)).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        var frozen = v.Status != KitStatus.Draft;

        // A published version shows what it froze (text, competencies, names, hurdles, weights); a draft shows the bank live.
        var content = (await KitContent.LoadAsync(db, versionId, ct))!;
        var contentItems = content.Items.ToDictionary(i => i.KitItemId);
        var rows = items.Select(x => new
        {
            x.Item,
            contentItems[x.Item.Id].Text,
            contentItems[x.Item.Id].CompetencyId,
            x.Status,

            // A published version's lint is about the wording it froze, not the bank's wording now.
            LintWarnings = frozen ? [.. QuestionLint.Check(contentItems[x.Item.Id].Text).Select(w => w.Reason)] : x.LintWarnings,
            x.Flags,
            contentItems[x.Item.Id].Anchors,
            AnchorState = KitCoverage.StateOf(contentItems[x.Item.Id].Anchors.Source, contentItems[x.Item.Id].Anchors.OverriddenInKit, x.AnchorsReviewed),
        }).ToList();
        var codeOf = content.Competencies.ToDictionary(c => c.Id, c => c.Code);

        var usedIds = rows.Select(r => r.CompetencyId).ToHashSet();
        var retired = frozen ? [] : await db.Competencies.AsNoTracking().Where(c => c.IsRetired).Select(c => c.Id).ToListAsync(ct);
        var coverage = KitCoverage.Compute(
            [.. content.Competencies.Where(c => !retired.Contains(c.Id) || usedIds.Contains(c.Id)).Select(c => new KitCoverage.CompetencyInput(c.Id, c.Code, c.Name, c.IsHurdle))],
            [.. rows.Select(r => new KitCoverage.ItemInput(r.Item.Id, r.Text, r.CompetencyId, r.Item.Minutes,
                !frozen && r.Status == QuestionStatus.NeedsReview, !frozen && r.Status == QuestionStatus.Archived, r.LintWarnings, r.AnchorState))],
            content.Competencies.ToDictionary(c => c.Id, c => c.Weight),
            v.TargetMinutes);

        var versions = await db.KitVersions.AsNoTracking().Where(x => x.KitId == v.KitId).OrderByDescending(x => x.Number)
            .Select(x => new KitVersionSummary(x.Id, x.Number, x.Status, x.CreatedAt, x.PublishedAt, x.ChangeSummary, x.Items.Count))
            .ToListAsync(ct);

        return new KitView
        {
            KitId = v.KitId,
            Name = version.Name,
            Role = version.Role,
            IsRetired = version.IsRetired,
            VersionId = v.Id,
            VersionNumber = v.Number,
            Status = v.Status,
            TargetMinutes = v.TargetMinutes,
            Revision = v.Revision,
            PublishedAt = v.PublishedAt,
            ChangeSummary = v.ChangeSummary,
            Coverage = coverage,
            Versions = versions,
            Sections = [.. sections.Select(s => new KitSectionView(s.Id, s.Name, s.Order, [.. rows
                .Where(r => r.Item.KitSectionId == s.Id)
                .OrderBy(r => r.Item.Order)
                .Select(r => new KitItemView(
                    r.Item.Id, r.Item.QuestionId, r.Text, codeOf.GetValueOrDefault(r.CompetencyId, "?"), r.Item.Minutes, r.Item.Order, r.Status,
                    r.LintWarnings.Count > 0,
                    r.Item.GuidanceOverride is not null || r.Item.AnchorPoorOverride is not null || r.Item.AnchorMeetsOverride is not null || r.Item.AnchorExcellentOverride is not null || r.Flags.Count > 0,
                    r.Item.GuidanceOverride, r.Item.AnchorPoorOverride, r.Item.AnchorMeetsOverride, r.Item.AnchorExcellentOverride, r.Flags,
                    r.Anchors.Source, r.AnchorState))]))],
        };
    }
}
