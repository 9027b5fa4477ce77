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

    public List<KitSection> Sections { get; set; } = [];
    public List<KitItem> Items { get; set; } = [];
    public List<KitCompetencyWeight> Weights { get; set; } = [];
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

    /// <summary>Frozen at publish so later bank edits never change a published version.</summary>
    public string? QuestionTextSnapshot { get; set; }
    public int? CompetencyIdSnapshot { get; set; }

    /// <summary>Frozen at publish: which anchor layer the item used, and the competency anchors in force then.</summary>
    public AnchorSource? AnchorSourceSnapshot { get; set; }
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
