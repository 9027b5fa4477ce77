using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Questions;

namespace PeerInterview.Web.Kits;

/// <summary>
/// What a kit version puts in front of a rater and feeds the score: each item's question text, purpose, guidance,
/// effective anchors, competencies and red flags, the global red flags, and the competencies it scores with their
/// names, hurdle status and weights. A published version reads the copy frozen at publish (<see cref="KitFreezer"/>);
/// a draft reads the bank and the framework live. Every reader of a version (guide, scorecard, reports, exports,
/// analytics, the kit view) goes through <see cref="LoadAsync"/>, so none of them can read a published version live.
/// </summary>
public sealed record KitContent(
    int VersionId,
    bool Frozen,
    IReadOnlyList<KitContent.Item> Items,
    IReadOnlyList<KitContent.Flag> GlobalRedFlags,
    IReadOnlyList<KitContent.Competency> Competencies)
{
    /// <param name="ListenFor">What the interviewer listens for (the question's list), frozen like the anchors.</param>
    /// <param name="GuidanceIsSourceAdvice">The guidance is the imported document's advice to candidates, not a kit override.</param>
    /// <param name="CompetencyAnchors">The item's competency anchors as this version holds them (what publishing freezes).</param>
    public sealed record Item(
        int KitItemId, int KitSectionId, int SectionOrder, int Order, int QuestionId, int Minutes,
        string Text, string? Purpose, string? Guidance, EffectiveAnchors Anchors,
        int CompetencyId, int? SecondaryCompetencyId, IReadOnlyList<Flag> RedFlags,
        IReadOnlyList<string> ListenFor, bool GuidanceIsSourceAdvice, AnchorTexts CompetencyAnchors);

    /// <summary>
    /// A red flag keyed as scorecards key it: <c>g{RedFlag.Id}</c> global, <c>q{RedFlag.Id}</c> a question's own,
    /// <c>k{KitItemRedFlag.Id}</c> a kit item's override (an item's overrides replace its question's flags).
    /// </summary>
    public sealed record Flag(string Key, string Text, RedFlagSeverity Severity, int? RedFlagId, int? KitItemRedFlagId, int? KitItemId);

    /// <summary>A competency as this version scores it. Weight 1 unless the kit set another.</summary>
    public sealed record Competency(int Id, string Code, string Name, bool IsHurdle, double Weight, int SortOrder);

    /// <summary>Items in the order interviewers meet them: section, then item.</summary>
    public IEnumerable<Item> InOrder => Items.OrderBy(i => i.SectionOrder).ThenBy(i => i.Order).ThenBy(i => i.KitItemId);

    /// <summary>Every flag a rater of this version can check: the items' (in kit order), then the global ones.</summary>
    public IEnumerable<Flag> AllFlags => InOrder.SelectMany(i => i.RedFlags).Concat(GlobalRedFlags);

    public Competency? CompetencyOf(int id) => Competencies.FirstOrDefault(c => c.Id == id);

    public static async Task<KitContent?> LoadAsync(AppDbContext db, int versionId, CancellationToken ct = default) =>
        (await LoadAsync(db, [versionId], ct)).GetValueOrDefault(versionId);

    /// <summary>The content of each version asked for, in a fixed number of queries however many versions there are.</summary>
    public static async Task<IReadOnlyDictionary<int, KitContent>> LoadAsync(AppDbContext db, IReadOnlyCollection<int> versionIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = versionIds.Distinct().ToList();
        var versions = await db.KitVersions.AsNoTracking()
            .Where(v => ids.Contains(v.Id))
            .Select(v => new { v.Id, v.Status, v.FrozenAt })
            .ToListAsync(ct);
        if (versions.FirstOrDefault(v => v.Status != KitStatus.Draft && v.FrozenAt is null) is { } unfrozen)
        {
            // Publishing freezes in its own transaction and start-up back-fills older versions, so this is a defect.
            throw new InvalidOperationException($"Kit version {unfrozen.Id} is {unfrozen.Status} but has no frozen content.");
        }

        var frozen = await LoadFrozenAsync(db, [.. versions.Where(v => v.Status != KitStatus.Draft).Select(v => v.Id)], ct);
        var live = await LoadLiveAsync(db, [.. versions.Where(v => v.Status == KitStatus.Draft).Select(v => v.Id)], ct);
        return frozen.Concat(live).ToDictionary(x => x.Key, x => x.Value);
    }

    private static async Task<Dictionary<int, KitContent>> LoadFrozenAsync(AppDbContext db, List<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var items = await db.KitItems.AsNoTracking()
            .Where(i => ids.Contains(i.KitVersionId))
            .Select(i => new
            {
                i.Id,
                i.KitVersionId,
                i.KitSectionId,
                SectionOrder = i.Section!.Order,
                i.Order,
                i.QuestionId,
                i.Minutes,
                i.QuestionTextSnapshot,
                i.PurposeSnapshot,
                i.GuidanceSnapshot,
                i.AnchorPoorSnapshot,
                i.AnchorMeetsSnapshot,
                i.AnchorExcellentSnapshot,
                i.CompetencyIdSnapshot,
                i.SecondaryCompetencyIdSnapshot,
                i.AnchorSourceSnapshot,
                CompetencyAnchors = new AnchorTexts(i.CompetencyAnchorPoorSnapshot, i.CompetencyAnchorMeetsSnapshot, i.CompetencyAnchorExcellentSnapshot),
                Overridden = i.AnchorPoorOverride != null || i.AnchorMeetsOverride != null || i.AnchorExcellentOverride != null,
                i.ListenForSnapshot,
                GuidanceIsSourceAdvice = i.GuidanceOverride == null && i.Question!.Sources.Any(),
            })
            .ToListAsync(ct);
        var flags = (await db.FrozenRedFlags.AsNoTracking()
                .Where(f => ids.Contains(f.KitVersionId))
                .OrderBy(f => f.Order).ThenBy(f => f.Id)
                .ToListAsync(ct))
            .ToLookup(f => f.KitVersionId);
        var competencies = (await db.FrozenCompetencies.AsNoTracking()
                .Where(c => ids.Contains(c.KitVersionId))
                .OrderBy(c => c.SortOrder).ThenBy(c => c.Code)
                .ToListAsync(ct))
            .ToLookup(c => c.KitVersionId);

        static Flag ToFlag(FrozenRedFlag f) => new(f.Key, f.Text, f.Severity, f.RedFlagId, f.KitItemRedFlagId, f.KitItemId);

        return ids.ToDictionary(id => id, id =>
        {
            var versionFlags = flags[id].ToList();
            var itemFlags = versionFlags.Where(f => f.KitItemId is not null).ToLookup(f => f.KitItemId!.Value);
            return new KitContent(
                id,
                Frozen: true,
                [.. items.Where(i => i.KitVersionId == id).Select(i => new Item(
                    i.Id, i.KitSectionId, i.SectionOrder, i.Order, i.QuestionId, i.Minutes,
                    i.QuestionTextSnapshot ?? throw Unfrozen(id),
                    i.PurposeSnapshot,
                    i.GuidanceSnapshot,
                    KitItemAnchors.Frozen(
                        i.AnchorPoorSnapshot ?? throw Unfrozen(id), i.AnchorMeetsSnapshot ?? throw Unfrozen(id), i.AnchorExcellentSnapshot ?? throw Unfrozen(id),
                        i.AnchorSourceSnapshot, i.CompetencyAnchors, i.Overridden),
                    i.CompetencyIdSnapshot ?? throw Unfrozen(id),
                    i.SecondaryCompetencyIdSnapshot,
                    [.. itemFlags[i.Id].Select(ToFlag)],
                    i.ListenForSnapshot ?? [],
                    i.GuidanceIsSourceAdvice,
                    i.CompetencyAnchors))],
                [.. versionFlags.Where(f => f.KitItemId is null).Select(ToFlag)],
                [.. competencies[id].Select(c => new Competency(c.CompetencyId, c.Code, c.Name, c.IsHurdle, c.Weight, c.SortOrder))]);
        });
    }

    private static InvalidOperationException Unfrozen(int versionId) => new($"Kit version {versionId} has an item without its frozen content.");

    /// <summary>
    /// The content as the bank and framework give it now: what a draft shows, and what publishing freezes. A version's
    /// competencies here are the whole framework (a draft may add any question); freezing keeps the ones it covers.
    /// </summary>
    internal static async Task<Dictionary<int, KitContent>> LoadLiveAsync(AppDbContext db, List<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var items = await db.KitItems.AsNoTracking()
            .Where(i => ids.Contains(i.KitVersionId))
            .Select(i => new
            {
                i.Id,
                i.KitVersionId,
                i.KitSectionId,
                SectionOrder = i.Section!.Order,
                i.Order,
                i.QuestionId,
                i.Minutes,
                i.Question!.Text,
                i.Question.Purpose,
                Guidance = i.GuidanceOverride ?? i.Question.Guidance,
                Override = new AnchorTexts(i.AnchorPoorOverride, i.AnchorMeetsOverride, i.AnchorExcellentOverride),
                Own = new AnchorTexts(i.Question.AnchorPoor, i.Question.AnchorMeets, i.Question.AnchorExcellent),
                i.Question.CompetencyId,
                i.Question.SecondaryCompetencyId,
                i.Question.ListenFor,
                GuidanceIsSourceAdvice = i.GuidanceOverride == null && i.Question.Sources.Any(),
                Overrides = i.RedFlagOverrides.OrderBy(f => f.Id).Select(f => new { f.Id, f.Text, f.Severity }).ToList(),
                Flags = i.Question.RedFlags.Where(f => !f.IsRetired).OrderBy(f => f.Id).Select(f => new { f.Id, f.Text, f.Severity }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        var global = await db.RedFlags.AsNoTracking()
            .Where(f => f.QuestionId == null && !f.IsRetired)
            .OrderBy(f => f.Id)
            .Select(f => new { f.Id, f.Text, f.Severity })
            .ToListAsync(ct);
        var weights = (await db.KitCompetencyWeights.AsNoTracking().Where(w => ids.Contains(w.KitVersionId)).ToListAsync(ct))
            .ToLookup(w => w.KitVersionId);
        var framework = await db.Competencies.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToListAsync(ct);
        var competencyAnchors = framework.ToDictionary(c => c.Id, c => new AnchorTexts(c.AnchorPoor, c.AnchorMeets, c.AnchorExcellent));

        return ids.ToDictionary(id => id, id =>
        {
            var versionWeights = weights[id].ToDictionary(w => w.CompetencyId, w => w.Weight);
            return new KitContent(
                id,
                Frozen: false,
                [.. items.Where(i => i.KitVersionId == id).Select(i => new Item(
                    i.Id, i.KitSectionId, i.SectionOrder, i.Order, i.QuestionId, i.Minutes,
                    i.Text, i.Purpose, i.Guidance,
                    KitItemAnchors.Effective(i.Override, i.Own, competencyAnchors.GetValueOrDefault(i.CompetencyId, AnchorTexts.None)),
                    i.CompetencyId, i.SecondaryCompetencyId,
                    i.Overrides.Count > 0
                        ? [.. i.Overrides.Select(f => new Flag($"k{f.Id}", f.Text, f.Severity, null, f.Id, i.Id))]
                        : [.. i.Flags.Select(f => new Flag($"q{f.Id}", f.Text, f.Severity, f.Id, null, i.Id))],
                    i.ListenFor,
                    i.GuidanceIsSourceAdvice,
                    competencyAnchors.GetValueOrDefault(i.CompetencyId, AnchorTexts.None)))],
                [.. global.Select(f => new Flag($"g{f.Id}", f.Text, f.Severity, f.Id, null, null))],
                [.. framework.Select(c => new Competency(c.Id, c.Code, c.Name, c.IsHurdle, versionWeights.GetValueOrDefault(c.Id, 1), c.SortOrder))]);
        });
    }
}
