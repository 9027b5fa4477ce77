namespace PeerInterview.Web.Domain;

public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }

    /// <summary>JSON snapshots; never note text or personal data beyond ids.</summary>
    public string? Before { get; set; }
    public string? After { get; set; }
}
