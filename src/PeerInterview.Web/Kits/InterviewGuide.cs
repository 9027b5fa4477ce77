using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Questions;

namespace PeerInterview.Web.Kits;

/// <summary>What an interviewer reads: a kit version's questions in order with timings, guidance, anchors (null: the generic scale) and red flags.</summary>
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
    /// <summary>The global red flags with the keys scorecards check them by (<c>g{RedFlag.Id}</c>), in the guide's order.</summary>
    public IReadOnlyList<Flag> GlobalFlags { get; init; } = [];

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

    /// <summary><see cref="Key"/> names the flag for scorecards: <c>q{RedFlag.Id}</c> for a question's own flag, <c>k{KitItemRedFlag.Id}</c> for a kit-item override, <c>g{RedFlag.Id}</c> for a global one.</summary>
    public sealed record Flag(string Key, string Text, RedFlagSeverity Severity);
}

public sealed class InterviewGuideBuilder(AppDbContext db)
{
    /// <summary>The guide of a version: a published one as it was frozen at publish, a draft from the bank as it stands.</summary>
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

        var content = (await KitContent.LoadAsync(db, versionId, ct))!;
        var sections = await db.KitSections.AsNoTracking().Where(s => s.KitVersionId == versionId).OrderBy(s => s.Order).ToListAsync(ct);
        var competencies = content.Competencies.ToDictionary(c => c.Id);

        var number = 0;
        var guideSections = sections.Select(s => new InterviewGuide.Section(s.Name, [.. content.InOrder
            .Where(i => i.KitSectionId == s.Id)
            .Select(i => new InterviewGuide.Item(
                ++number, i.KitItemId, i.Text, competencies[i.CompetencyId].Code, competencies[i.CompetencyId].Name, i.Minutes,
                i.Purpose, i.Guidance, i.Anchors, i.ListenFor, i.GuidanceIsSourceAdvice,
                [.. i.RedFlags.Select(f => new InterviewGuide.Flag(f.Key, f.Text, f.Severity))]))]))
            .Where(s => s.Items.Count > 0)
            .ToList();

        return new InterviewGuide(version.Id, version.Name, version.Role, version.Number, version.Status, version.PublishedAt,
            content.Items.Sum(i => i.Minutes), guideSections, [.. content.GlobalRedFlags.Select(f => f.Text)])
        {
            GlobalFlags = [.. content.GlobalRedFlags.Select(f => new InterviewGuide.Flag(f.Key, f.Text, f.Severity))],
        };
    }

    /// <summary>Readers see every guide; an interviewer sees the guide of a version they are scheduled to use.</summary>
    public Task<bool> CanReadAsync(int versionId, string? userId, bool isReader, CancellationToken ct = default) =>
        isReader
            ? Task.FromResult(true)
            : db.Scorecards.AnyAsync(s => s.InterviewerId == userId && s.Interview!.KitVersionId == versionId, ct);
}
