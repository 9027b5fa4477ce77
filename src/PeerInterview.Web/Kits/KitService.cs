using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;

namespace PeerInterview.Web.Kits;

/// <summary>
/// Builds kits: a kit's editable state is its draft version. Editing a kit whose latest version is published first
/// copies that version into a new draft, so interviews keep the exact version they were scheduled with.
/// </summary>
public sealed partial class KitService(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> DefaultSections = ["Opening", "Behavioural", "Scenarios", "Close"];
    public const int MaxMinutesPerItem = 60;

    public async Task<Outcome<KitView>> CreateAsync(string? name, string? role, int? targetMinutes, string? userId, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            errors["name"] = ["Give the kit a name of 1 to 200 characters."];
        }

        if (string.IsNullOrWhiteSpace(role) || role.Length > 200)
        {
            errors["role"] = ["Name the role the kit is for (1 to 200 characters)."];
        }

        if (targetMinutes is < 10 or > 480)
        {
            errors["targetMinutes"] = ["The target length must be between 10 and 480 minutes."];
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var kit = new InterviewKit { Name = name!.Trim(), Role = role!.Trim(), CreatedAt = now, CreatedById = userId };
        var version = new KitVersion { Number = 1, Status = KitStatus.Draft, CreatedAt = now, TargetMinutes = targetMinutes ?? 60 };
        version.Sections.AddRange(DefaultSections.Select((s, i) => new KitSection { Name = s, Order = i }));
        kit.Versions.Add(version);
        db.Kits.Add(kit);
        await db.SaveChangesAsync(ct);
        audit.Record(userId, "kit.create", nameof(InterviewKit), kit.Id, after: new { kit.Name, kit.Role });
        await db.SaveChangesAsync(ct);
        return (await GetVersionAsync(version.Id, ct))!;
    }

    public async Task<Outcome<KitView>> AddItemAsync(int kitId, int questionId, string? section, int? minutes, string? userId, CancellationToken ct = default)
    {
        if (minutes is < 1 or > MaxMinutesPerItem)
        {
            return Failure.Invalid("minutes", $"Minutes must be between 1 and {MaxMinutesPerItem}.");
        }

        var question = await db.Questions.AsNoTracking().Where(q => q.Id == questionId).Select(q => new { q.Id, q.Status }).FirstOrDefaultAsync(ct);
        if (question is null)
        {
            return Failure.Invalid("questionId", $"There is no question {questionId} in the bank.");
        }

        if (question.Status == QuestionStatus.Archived)
        {
            return Failure.Invalid("questionId", "That question is archived; choose the question it was merged into.");
        }

        return await EditDraftAsync(kitId, userId, async draft =>
        {
            if (draft.Items.Any(i => i.QuestionId == questionId))
            {
                return Failure.Invalid("questionId", "That question is already in the kit.");
            }

            var target = FindOrAddSection(draft, string.IsNullOrWhiteSpace(section) ? DefaultSections[1] : section.Trim());
            if (target is null)
            {
                return Failure.Invalid("section", "Section names are 1 to 120 characters.");
            }

            if (target.Id == 0)
            {
                await db.SaveChangesAsync(ct);
            }

            var order = draft.Items.Where(i => i.KitSectionId == target.Id).Select(i => i.Order).DefaultIfEmpty(-1).Max() + 1;
            draft.Items.Add(new KitItem { KitSectionId = target.Id, QuestionId = questionId, Minutes = minutes ?? 5, Order = order });
            return null;
        }, ct);
    }

    public Task<Outcome<KitView>> RemoveItemAsync(int kitId, int itemId, string? userId, CancellationToken ct = default) =>
        EditDraftAsync(kitId, userId, draft =>
        {
            var item = FindItem(draft, itemId);
            if (item is null)
            {
                return Task.FromResult<Failure?>(Failure.NotFound("Kit not found", "There is no such kit, kit item or section."));
            }

            draft.Items.Remove(item);
            db.KitItems.Remove(item);
            return Task.FromResult<Failure?>(null);
        }, ct);

    /// <summary>Moves an item to a position within a section (drag and drop), or one step up/down (keyboard).</summary>
    public Task<Outcome<KitView>> MoveItemAsync(int kitId, int itemId, int? sectionId, int? index, int? step, string? userId, CancellationToken ct = default) =>
        EditDraftAsync(kitId, userId, draft =>
        {
            var item = FindItem(draft, itemId);
            if (item is null)
            {
                return Task.FromResult<Failure?>(Failure.NotFound("Kit not found", "There is no such kit, kit item or section."));
            }

            var sections = draft.Sections.OrderBy(s => s.Order).ToList();
            var flat = sections.SelectMany(s => draft.Items.Where(i => i.KitSectionId == s.Id).OrderBy(i => i.Order)).ToList();
            if (step is { } delta)
            {
                // One step along the whole kit: crossing a section boundary moves the item into the neighbouring section.
                var position = flat.IndexOf(item);
                var sectionIndex = sections.FindIndex(s => s.Id == item.KitSectionId);
                var inSection = flat.Where(i => i.KitSectionId == item.KitSectionId).ToList();
                var local = inSection.IndexOf(item);
                if (delta < 0 && local == 0 && sectionIndex > 0)
                {
                    Place(draft, item, sections[sectionIndex - 1].Id, int.MaxValue);
                }
                else if (delta > 0 && local == inSection.Count - 1 && sectionIndex < sections.Count - 1)
                {
                    Place(draft, item, sections[sectionIndex + 1].Id, 0);
                }
                else if (position >= 0)
                {
                    Place(draft, item, item.KitSectionId, Math.Max(0, local + Math.Sign(delta)));
                }
            }
            else
            {
                var targetSection = sectionId ?? item.KitSectionId;
                if (draft.Sections.All(s => s.Id != targetSection))
                {
                    return Task.FromResult<Failure?>(Failure.Invalid("sectionId", "That section is not in this kit."));
                }

                Place(draft, item, targetSection, index ?? int.MaxValue);
            }

            return Task.FromResult<Failure?>(null);
        }, ct);

    public Task<Outcome<KitView>> UpdateItemAsync(int kitId, int itemId, KitItemUpdate update, string? userId, CancellationToken ct = default) =>
        update.RedFlags is { Count: > RequestLimits.MaxListItems }
            ? Task.FromResult<Outcome<KitView>>(Failure.Invalid("redFlags", RequestLimits.TooMany(RequestLimits.MaxListItems)))
            : EditDraftAsync(kitId, userId, async draft =>
        {
            var item = FindItem(draft, itemId);
            if (item is null)
            {
                return Failure.NotFound("Kit not found", "There is no such kit, kit item or section.");
            }

            if (update.Minutes is < 1 or > MaxMinutesPerItem)
            {
                return Failure.Invalid("minutes", $"Minutes must be between 1 and {MaxMinutesPerItem}.");
            }

            if (update.RedFlags?.Any(f => f is null || string.IsNullOrWhiteSpace(f.Text) || f.Text.Length > 500 || !Enum.IsDefined(f.Severity)) == true)
            {
                return Failure.Invalid("redFlags", "Each red flag needs text of 1 to 500 characters and a severity of Concern or KnockOut.");
            }

            item.Minutes = update.Minutes ?? item.Minutes;
            item.GuidanceOverride = Override(update.Guidance, item.GuidanceOverride);
            item.AnchorPoorOverride = Override(update.AnchorPoor, item.AnchorPoorOverride);
            item.AnchorMeetsOverride = Override(update.AnchorMeets, item.AnchorMeetsOverride);
            item.AnchorExcellentOverride = Override(update.AnchorExcellent, item.AnchorExcellentOverride);
            if (update.RedFlags is { } flags)
            {
                await db.KitItemRedFlags.Where(f => f.KitItemId == item.Id).ExecuteDeleteAsync(ct);
                item.RedFlagOverrides = [.. flags.Select(f => new KitItemRedFlag { Text = f.Text.Trim(), Severity = f.Severity })];
            }

            if (!string.IsNullOrWhiteSpace(update.Section))
            {
                var section = FindOrAddSection(draft, update.Section.Trim());
                if (section is null)
                {
                    return Failure.Invalid("section", "Section names are 1 to 120 characters.");
                }

                if (section.Id == 0)
                {
                    await db.SaveChangesAsync(ct);
                }

                if (section.Id != item.KitSectionId)
                {
                    Place(draft, item, section.Id, int.MaxValue);
                }
            }

            return null;
        }, ct);

    public Task<Outcome<KitView>> AddSectionAsync(int kitId, string? name, string? userId, CancellationToken ct = default) =>
        EditDraftAsync(kitId, userId, draft =>
        {
            if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 120)
            {
                return Task.FromResult<Failure?>(Failure.Invalid("name", "Section names are 1 to 120 characters."));
            }

            if (draft.Sections.Any(s => string.Equals(s.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                return Task.FromResult<Failure?>(Failure.Invalid("name", "The kit already has a section with that name."));
            }

            FindOrAddSection(draft, name.Trim());
            return Task.FromResult<Failure?>(null);
        }, ct);

    public Task<Outcome<KitView>> RemoveSectionAsync(int kitId, int sectionId, string? userId, CancellationToken ct = default) =>
        EditDraftAsync(kitId, userId, draft =>
        {
            var section = draft.Sections.FirstOrDefault(s => s.Id == sectionId || s.Id == SectionMap.GetValueOrDefault(sectionId));
            if (section is null)
            {
                return Task.FromResult<Failure?>(Failure.NotFound("Kit not found", "There is no such kit, kit item or section."));
            }

            if (draft.Items.Any(i => i.KitSectionId == section.Id))
            {
                return Task.FromResult<Failure?>(Failure.Invalid("sectionId", "Move or remove the section's questions first."));
            }

            draft.Sections.Remove(section);
            db.KitSections.Remove(section);
            return Task.FromResult<Failure?>(null);
        }, ct);

    /// <summary>Weights per competency code; competencies left out keep weight 1. Weights never touch hurdles' pass/fail.</summary>
    public async Task<Outcome<KitView>> SetWeightsAsync(int kitId, IReadOnlyDictionary<string, double>? weights, int? targetMinutes, string? userId, CancellationToken ct = default)
    {
        if (weights is { Count: > RequestLimits.MaxListItems })
        {
            return Failure.Invalid("weights", RequestLimits.TooMany(RequestLimits.MaxListItems));
        }

        var competencies = await db.Competencies.AsNoTracking().Where(c => !c.IsRetired).Select(c => new { c.Id, c.Code }).ToListAsync(ct);
        var errors = new Dictionary<string, string[]>();
        foreach (var (code, weight) in weights ?? new Dictionary<string, double>())
        {
            if (!competencies.Any(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase)))
            {
                errors[$"weights.{code}"] = [$"Unknown competency '{code}'."];
            }
            else if (weight is < 0 or > 100 || double.IsNaN(weight))
            {
                errors[$"weights.{code}"] = ["Weights are numbers from 0 to 100."];
            }
        }

        if (weights is { Count: > 0 } && weights.Values.All(w => w <= 0))
        {
            errors["weights"] = ["At least one competency needs a weight above 0."];
        }

        if (targetMinutes is < 10 or > 480)
        {
            errors["targetMinutes"] = ["The target length must be between 10 and 480 minutes."];
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        return await EditDraftAsync(kitId, userId, draft =>
        {
            draft.TargetMinutes = targetMinutes ?? draft.TargetMinutes;
            foreach (var (code, weight) in weights ?? new Dictionary<string, double>())
            {
                var competencyId = competencies.First(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase)).Id;
                var row = draft.Weights.FirstOrDefault(w => w.CompetencyId == competencyId);
                if (row is null)
                {
                    draft.Weights.Add(new KitCompetencyWeight { CompetencyId = competencyId, Weight = weight });
                }
                else
                {
                    row.Weight = weight;
                }
            }

            return Task.FromResult<Failure?>(null);
        }, ct);
    }

    /// <summary>
    /// Loads the kit's draft (creating it from the latest published version if needed), applies <paramref name="change"/>,
    /// and saves everything in one transaction. A change returns an outcome to stop, or null to commit.
    /// </summary>
    private async Task<Outcome<KitView>> EditDraftAsync(int kitId, string? userId, Func<KitVersion, Task<Failure?>> change, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var kit = await db.Kits.FirstOrDefaultAsync(k => k.Id == kitId, ct);
        if (kit is null)
        {
            return Failure.NotFound("Kit not found", "There is no such kit, kit item or section.");
        }

        if (kit.IsRetired)
        {
            return Failure.Conflict("The kit cannot be changed", "This kit is retired. Clone it to make changes.");
        }

        var draft = await EnsureDraftAsync(kit, userId, ct);
        var stop = await change(draft);
        if (stop is not null)
        {
            return stop;
        }

        draft.Revision++;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (await GetVersionAsync(draft.Id, ct))!;
    }

    /// <summary>Old section id → new section id, for callers that still hold ids from the published version copied into a draft.</summary>
    private Dictionary<int, int> SectionMap { get; } = [];

    private async Task<KitVersion> EnsureDraftAsync(InterviewKit kit, string? userId, CancellationToken ct)
    {
        var latest = await db.KitVersions
            .Include(v => v.Sections).Include(v => v.Items).ThenInclude(i => i.RedFlagOverrides).Include(v => v.Weights)
            .AsSplitQuery()
            .Where(v => v.KitId == kit.Id)
            .OrderByDescending(v => v.Number)
            .FirstAsync(ct);
        if (latest.Status == KitStatus.Draft)
        {
            return latest;
        }

        var draft = new KitVersion
        {
            KitId = kit.Id,
            Number = latest.Number + 1,
            Status = KitStatus.Draft,
            CreatedAt = clock.GetUtcNow(),
            TargetMinutes = latest.TargetMinutes,
        };
        CopyContent(latest, draft);
        db.KitVersions.Add(draft);
        await db.SaveChangesAsync(ct);
        foreach (var (oldSection, newSection) in latest.Sections.OrderBy(s => s.Order).Zip(draft.Sections.OrderBy(s => s.Order)))
        {
            SectionMap[oldSection.Id] = newSection.Id;
        }

        // Items of the copy keep the published item's id in a map so API callers holding old ids still hit the copy.
        foreach (var (oldItem, newItem) in latest.Items.OrderBy(i => i.Id).Zip(draft.Items.OrderBy(i => i.Id)))
        {
            ItemMap[oldItem.Id] = newItem.Id;
        }

        audit.Record(userId, "kit.draft", nameof(KitVersion), draft.Id, after: new { kit.Id, draft.Number, from = latest.Number });
        return draft;
    }

    private Dictionary<int, int> ItemMap { get; } = [];

    private KitItem? FindItem(KitVersion draft, int itemId)
    {
        var id = ItemMap.GetValueOrDefault(itemId, itemId);
        return draft.Items.FirstOrDefault(i => i.Id == id);
    }

    /// <summary>Copies sections, items (with overrides) and weights; used for new drafts and clones.</summary>
    private static void CopyContent(KitVersion from, KitVersion to)
    {
        var sections = from.Sections.OrderBy(s => s.Order).ToDictionary(s => s.Id, s => new KitSection { Name = s.Name, Order = s.Order });
        to.Sections.AddRange(sections.Values);
        foreach (var item in from.Items.OrderBy(i => i.Id))
        {
            to.Items.Add(new KitItem
            {
                Section = sections[item.KitSectionId],
                Order = item.Order,
                QuestionId = item.QuestionId,
                Minutes = item.Minutes,
                GuidanceOverride = item.GuidanceOverride,
                AnchorPoorOverride = item.AnchorPoorOverride,
                AnchorMeetsOverride = item.AnchorMeetsOverride,
                AnchorExcellentOverride = item.AnchorExcellentOverride,
                RedFlagOverrides = [.. item.RedFlagOverrides.Select(f => new KitItemRedFlag { Text = f.Text, Severity = f.Severity })],
            });
        }

        to.Weights.AddRange(from.Weights.Select(w => new KitCompetencyWeight { CompetencyId = w.CompetencyId, Weight = w.Weight }));
    }

    private KitSection? FindOrAddSection(KitVersion draft, string name)
    {
        if (name.Length is 0 or > 120)
        {
            return null;
        }

        var existing = draft.Sections.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
        if (existing is not null)
        {
            return existing;
        }

        var section = new KitSection { Name = name, Order = draft.Sections.Select(s => s.Order).DefaultIfEmpty(-1).Max() + 1 };
        draft.Sections.Add(section);
        db.KitSections.Add(section);
        return section;
    }

    /// <summary>Puts an item at an index within a section and renumbers that section (and the one it left).</summary>
    private static void Place(KitVersion draft, KitItem item, int sectionId, int index)
    {
        var previousSection = item.KitSectionId;
        var target = draft.Items.Where(i => i.KitSectionId == sectionId && i != item).OrderBy(i => i.Order).ToList();
        target.Insert(Math.Clamp(index, 0, target.Count), item);
        item.KitSectionId = sectionId;
        for (var i = 0; i < target.Count; i++)
        {
            target[i].Order = i;
        }

        if (previousSection != sectionId)
        {
            var left = draft.Items.Where(i => i.KitSectionId == previousSection).OrderBy(i => i.Order).ToList();
            for (var i = 0; i < left.Count; i++)
            {
                left[i].Order = i;
            }
        }
    }

    private static string? Override(string? requested, string? current) =>
        requested is null ? current : string.IsNullOrWhiteSpace(requested) ? null : requested.Trim();
}
