namespace PeerInterview.Web.Domain;

/// <summary>An interview dimension. Competencies are data: hiring managers rename, add, retire and choose hurdles.</summary>
public class Competency
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }

    /// <summary>A hurdle must reach 3.0 on its own; weights never rescue it.</summary>
    public bool IsHurdle { get; set; }

    public bool IsRetired { get; set; }
    public int SortOrder { get; set; }

    /// <summary>What a 1, a 3 and a 5 look like for any question of this competency that has no anchors of its own.</summary>
    public string? AnchorPoor { get; set; }
    public string? AnchorMeets { get; set; }
    public string? AnchorExcellent { get; set; }
}
