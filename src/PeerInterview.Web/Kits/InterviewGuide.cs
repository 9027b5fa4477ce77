using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Questions;

namespace PeerInterview.Web.Kits;

/// <summary>What an interviewer reads: a kit version's questions in order with timings, guidance, anchors and red flags.</summary>
public sealed record InterviewGuide(
    int VersionId,
    string KitName,
    string Role,
    int VersionNumber,
    KitStatus Status,
    DateTimeOffset? PublishedAt,
    int TotalMinutes,
    IReadOnlyList<InterviewGuide.Section> Sections,
    IReadOnlyList<string> GlobalRedFlags)
{
    public sealed record Section(string Name, IReadOnlyList<Item> Items);

    /// <param name="Anchors">The effective 1/3/5 anchors and the layer each came from (<see cref="AnchorLayers"/>).</param>
    /// <param name="GuidanceIsSourceAdvice">The guidance is the imported document's advice to candidates, not a kit override.</param>
    public sealed record Item(
        int Number, int KitItemId, string Question, string CompetencyCode, string CompetencyName, int Minutes,
        string? Purpose, string? Guidance, EffectiveAnchors Anchors, IReadOnlyList<string> ListenFor, bool GuidanceIsSourceAdvice,
        IReadOnlyList<Flag> RedFlags)
    {
        public string AnchorPoor => Anchors.Poor;
        public string AnchorMeets => Anchors.Meets;
        public string AnchorExcellent => Anchors.Excellent;
        public AnchorSource AnchorSource => Anchors.Source;
    }

    /// <summary><see cref="Key"/> names the flag for scorecards: <c>q{RedFlag.Id}</c> for a question's own flag, <c>k{KitItemRedFlag.Id}</c> for a kit-item override.</summary>
    public sealed record Flag(string Key, string Text, RedFlagSeverity Severity);
}

public sealed class InterviewGuideBuilder(AppDbContext db)
{
    public async Task<InterviewGuide?> BuildAsync(int versionId, CancellationToken ct = default)
    {
        var version = await db.KitVersions.AsNoTracking()
            .Where(v => v.Id == versionId)
            .Select(v => new { v.Id, v.Number, v.Status, v.PublishedAt, v.Kit!.Name, v.Kit.Role })
            .FirstOrDefaultAsync(ct);
        if (version is null)
        {
            return null;
        }

        var frozen = version.Status != KitStatus.Draft;
        var sections = await db.KitSections.AsNoTracking().Where(s => s.KitVersionId == versionId).OrderBy(s => s.Order).ToListAsync(ct);
        var items = await db.KitItems.AsNoTracking()
            .Where(i => i.KitVersionId == versionId)
            .OrderBy(i => i.Order)
            .Select(i => new
            {
                i.Id,
                i.KitSectionId,
                i.Order,
                i.Minutes,
                Text = frozen && i.QuestionTextSnapshot != null ? i.QuestionTextSnapshot : i.Question!.Text,
                CompetencyId = frozen && i.CompetencyIdSnapshot != null ? i.CompetencyIdSnapshot.Value : i.Question!.CompetencyId,
                i.Question!.Purpose,
                Guidance = i.GuidanceOverride ?? i.Question.Guidance,
                GuidanceIsSourceAdvice = i.GuidanceOverride == null && i.Question.Sources.Any(),
                Overridden = new AnchorTexts(i.AnchorPoorOverride, i.AnchorMeetsOverride, i.AnchorExcellentOverride),
                QuestionAnchors = new AnchorTexts(i.Question.AnchorPoor, i.Question.AnchorMeets, i.Question.AnchorExcellent),
                FrozenCompetencyAnchors = new AnchorTexts(i.CompetencyAnchorPoorSnapshot, i.CompetencyAnchorMeetsSnapshot, i.CompetencyAnchorExcellentSnapshot),
                i.AnchorSourceSnapshot,
                i.Question.ListenFor,
                Overrides = i.RedFlagOverrides.OrderBy(f => f.Id).Select(f => new InterviewGuide.Flag("k" + f.Id, f.Text, f.Severity)).ToList(),
                Own = i.Question.RedFlags.Where(f => !f.IsRetired).OrderBy(f => f.Id).Select(f => new InterviewGuide.Flag("q" + f.Id, f.Text, f.Severity)).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        var competencies = await db.Competencies.AsNoTracking()
            .ToDictionaryAsync(c => c.Id, c => new { c.Code, c.Name, Anchors = new AnchorTexts(c.AnchorPoor, c.AnchorMeets, c.AnchorExcellent) }, ct);
        var global = await db.RedFlags.AsNoTracking().Where(f => f.QuestionId == null && !f.IsRetired).OrderBy(f => f.Id).Select(f => f.Text).ToListAsync(ct);

        var number = 0;
        var guideSections = sections.Select(s => new InterviewGuide.Section(s.Name, [.. items
            .Where(i => i.KitSectionId == s.Id)
            .OrderBy(i => i.Order)
            .Select(i => new InterviewGuide.Item(
                ++number, i.Id, i.Text, competencies[i.CompetencyId].Code, competencies[i.CompetencyId].Name, i.Minutes,
                i.Purpose, i.Guidance,
                frozen
                    ? AnchorLayers.ResolvePublished(i.AnchorSourceSnapshot, i.Overridden, i.QuestionAnchors, i.FrozenCompetencyAnchors, competencies[i.CompetencyId].Anchors)
                    : AnchorLayers.Resolve(i.Overridden, i.QuestionAnchors, competencies[i.CompetencyId].Anchors),
                i.ListenFor, i.GuidanceIsSourceAdvice,
                i.Overrides.Count > 0 ? i.Overrides : i.Own))]))
            .Where(s => s.Items.Count > 0)
            .ToList();

        return new InterviewGuide(version.Id, version.Name, version.Role, version.Number, version.Status, version.PublishedAt,
            items.Sum(i => i.Minutes), guideSections, global);
    }

    /// <summary>Readers see every guide; an interviewer sees the guide of a version they are scheduled to use.</summary>
    public Task<bool> CanReadAsync(int versionId, string? userId, bool isReader, CancellationToken ct = default) =>
        isReader
            ? Task.FromResult(true)
            : db.Scorecards.AnyAsync(s => s.InterviewerId == userId && s.Interview!.KitVersionId == versionId, ct);
}
