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
}
