using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;

namespace PeerInterview.Web.People;

public sealed record StaffMember(string Id, string Name, string? Email);

/// <summary>Who may own a position and who may sit on an interview panel, by role (active accounts only).</summary>
public sealed class StaffDirectory(AppDbContext db)
{
    public static readonly IReadOnlyList<string> HiringManagerRoles = [Roles.HiringManager, Roles.Admin];
    public static readonly IReadOnlyList<string> InterviewerRoles = [Roles.Interviewer, Roles.HiringManager];

    public Task<List<StaffMember>> HiringManagersAsync(CancellationToken ct = default) => InRolesAsync(HiringManagerRoles, null, ct);

    public Task<List<StaffMember>> InterviewersAsync(CancellationToken ct = default) => InRolesAsync(InterviewerRoles, null, ct);

    /// <summary>The users among <paramref name="ids"/> that hold one of <paramref name="roles"/>.</summary>
    public async Task<List<StaffMember>> InRolesAsync(IReadOnlyList<string> roles, IReadOnlyCollection<string>? ids, CancellationToken ct = default)
    {
        var names = roles.ToArray();
        var query = db.Users.AsNoTracking()
            .Where(u => u.DeactivatedAt == null) // a deactivated account owns nothing new and sits on no new panel
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && names.Contains(r.Name!))));
        if (ids is not null)
        {
            var wanted = ids.ToArray();
            query = query.Where(u => wanted.Contains(u.Id));
        }

        return await query
            .OrderBy(u => u.DisplayName ?? u.Email)
            .Select(u => new StaffMember(u.Id, u.DisplayName ?? u.Email ?? u.Id, u.Email))
            .ToListAsync(ct);
    }

    /// <summary>Display names for any users (role or not), for messages about ids that failed a role check.</summary>
    public async Task<Dictionary<string, string>> NamesAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default)
    {
        var wanted = ids.ToArray();
        return await db.Users.AsNoTracking()
            .Where(u => wanted.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName ?? u.Email ?? u.Id, ct);
    }
}
