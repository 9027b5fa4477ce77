using System.Text.Json;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Infrastructure;

/// <summary>Adds audit entries to the current unit of work, so they commit (or roll back) with the change they describe.</summary>
public sealed class AuditLog(AppDbContext db, TimeProvider clock)
{
    public void Record(string? userId, string action, string entityType, object entityId, object? before = null, object? after = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserId = userId,
            Action = action,
            EntityType = entityType,
            EntityId = Convert.ToString(entityId, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            Before = before is null ? null : JsonSerializer.Serialize(before),
            After = after is null ? null : JsonSerializer.Serialize(after),
        });
}
