namespace PeerInterview.Web.Domain;

/// <summary>A kit is a named series of versions; interviews always point at one published version.</summary>
public class InterviewKit
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Role { get; set; }
    public bool IsRetired { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedById { get; set; }
    public int? ClonedFromKitId { get; set; }
    public List<KitVersion> Versions { get; set; } = [];
}

public class KitVersion
{
    public int Id { get; set; }
    public int KitId { get; set; }
    public InterviewKit? Kit { get; set; }
    public int Number { get; set; }
    public KitStatus Status { get; set; }
    public int TargetMinutes { get; set; } = 60;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedById { get; set; }

    /// <summary>What changed against the previous version, in words, written at publish time.</summary>
    public string? ChangeSummary { get; set; }

    /// <summary>Optimistic concurrency token for the draft.</summary>
    public int Revision { get; set; }

    /// <summary>
    /// When everything a rater sees and the score depends on was copied into the version (at publish, or by the one-off
    /// back-fill of versions published before the copy existed). Null only for drafts, which read the bank live.
    /// </summary>
    public DateTimeOffset? FrozenAt { get; set; }

    public List<KitSection> Sections { get; set; } = [];
    public List<KitItem> Items { get; set; } = [];
    public List<KitCompetencyWeight> Weights { get; set; } = [];

    /// <summary>The competencies the version scores (and names), as they stood at publish.</summary>
    public List<FrozenCompetency> FrozenCompetencies { get; set; } = [];

    /// <summary>Every red flag a rater could check on this version (global and per item), as they stood at publish.</summary>
    public List<FrozenRedFlag> FrozenRedFlags { get; set; } = [];
}

public class KitSection
{
    public int Id { get; set; }
    public int KitVersionId { get; set; }
    public required string Name { get; set; }
    public int Order { get; set; }
}

public class KitItem
{
    public int Id { get; set; }
    public int KitVersionId { get; set; }
    public int KitSectionId { get; set; }
    public KitSection? Section { get; set; }
    public int Order { get; set; }
    public int QuestionId { get; set; }
    public Question? Question { get; set; }
    public int Minutes { get; set; } = 5;

    // Frozen at publish so later bank edits never change a published version (see KitFreezer); null on drafts.
    public string? QuestionTextSnapshot { get; set; }
    public int? CompetencyIdSnapshot { get; set; }
    public int? SecondaryCompetencyIdSnapshot { get; set; }
    public string? PurposeSnapshot { get; set; }

    /// <summary>The guidance the rater saw: the kit's override or the question's own.</summary>
    public string? GuidanceSnapshot { get; set; }

    /// <summary>The effective anchors the rater saw (<see cref="Kits.KitItemAnchors.Effective"/>), never null once frozen.</summary>
    public string? AnchorPoorSnapshot { get; set; }
    public string? AnchorMeetsSnapshot { get; set; }
    public string? AnchorExcellentSnapshot { get; set; }

    /// <summary>Frozen at publish: which anchor layer the item used, and the competency anchors in force then.</summary>
    public AnchorSource? AnchorSourceSnapshot { get; set; }

    /// <summary>The question's "listen for" points as the rater saw them, frozen at publish.</summary>
    public List<string>? ListenForSnapshot { get; set; }
    public string? CompetencyAnchorPoorSnapshot { get; set; }
    public string? CompetencyAnchorMeetsSnapshot { get; set; }
    public string? CompetencyAnchorExcellentSnapshot { get; set; }

    public string? GuidanceOverride { get; set; }
    public string? AnchorPoorOverride { get; set; }
    public string? AnchorMeetsOverride { get; set; }
    public string? AnchorExcellentOverride { get; set; }

    /// <summary>When non-empty, replaces the question's own red flags in this kit.</summary>
    public List<KitItemRedFlag> RedFlagOverrides { get; set; } = [];
}

public class KitItemRedFlag
{
    public int Id { get; set; }
    public int KitItemId { get; set; }
    public required string Text { get; set; }
    public RedFlagSeverity Severity { get; set; }
}

public class KitCompetencyWeight
{
    public int Id { get; set; }
    public int KitVersionId { get; set; }
    public int CompetencyId { get; set; }
    public Competency? Competency { get; set; }
    public double Weight { get; set; } = 1;
}

/// <summary>A competency as a published version scores it: name, code, hurdle status and weight copied at publish.</summary>
public class FrozenCompetency
{
    public int Id { get; set; }
    public int KitVersionId { get; set; }
    public int CompetencyId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public bool IsHurdle { get; set; }
    public double Weight { get; set; } = 1;
    public int SortOrder { get; set; }
}

/// <summary>
/// A red flag as a published version offers it, copied at publish. <see cref="Key"/> is the key scorecards, checks and
/// reviews use: <c>g{RedFlag.Id}</c> global, <c>q{RedFlag.Id}</c> a question's own, <c>k{KitItemRedFlag.Id}</c> a kit override.
/// </summary>
public class FrozenRedFlag
{
    public int Id { get; set; }
    public int KitVersionId { get; set; }

    /// <summary>The item it belongs to; null for a global red flag.</summary>
    public int? KitItemId { get; set; }

    public required string Key { get; set; }
    public int? RedFlagId { get; set; }
    public int? KitItemRedFlagId { get; set; }
    public required string Text { get; set; }
    public RedFlagSeverity Severity { get; set; }
    public int Order { get; set; }
}
