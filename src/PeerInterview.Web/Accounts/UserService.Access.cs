using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;

namespace PeerInterview.Web.Accounts;

/// <summary>
/// Access that can be taken away: deactivate and reactivate an account, change its roles, force a password reset. Each is
/// one transaction with its audit entry (ids and role names only), and each that takes access away replaces the account's
/// security stamp, so its cookies and tokens stop working on every instance within <see cref="SessionCheckOptions.ValidationInterval"/>.
/// </summary>
public sealed partial class UserService
{
    /// <summary>A forced reset: the link (with its one-time token) to give the person, and when it stops working.</summary>
    public sealed record PasswordReset(string UserId, string ResetUrl, DateTimeOffset ExpiresAt);

    /// <summary>How long a reset link works (Identity's data-protection token lifespan, set in Program.cs).</summary>
    public static readonly TimeSpan ResetLinkLifetime = TimeSpan.FromHours(24);

    public static string? RoleErrors(IReadOnlyCollection<string>? roles)
    {
        if (roles is { Count: > RequestLimits.MaxListItems })
        {
            return RequestLimits.TooMany(RequestLimits.MaxListItems);
        }

        var unknown = (roles ?? []).Where(r => !Roles.All.Contains(r)).Distinct().ToList();
        return roles is null || roles.Count == 0 || unknown.Count > 0
            ? $"Choose one or more of: {string.Join(", ", Roles.All)}." + (unknown.Count > 0 ? $" Unknown: {string.Join(", ", unknown.Take(10))}." : "")
            : null;
    }

    public async Task<Outcome<AccountEndpoints.UserResponse>> DeactivateAsync(string id, string? byUserId)
    {
        if (id == byUserId)
        {
            return Failure.Conflict("You cannot deactivate your own account", "Ask another administrator: this keeps an organisation from locking itself out by mistake.");
        }

        await using var tx = await db.Database.BeginTransactionAsync();
        if (await userManager.FindByIdAsync(id) is not { } user)
        {
            return NotFound(id);
        }

        if (user.DeactivatedAt is not null)
        {
            return await ResponseAsync(user); // already deactivated: nothing to change
        }

        if (await IsLastActiveAdminAsync(user))
        {
            return LastAdmin();
        }

        user.DeactivatedAt = clock.GetUtcNow();
        await userManager.UpdateSecurityStampAsync(user); // saves the user too; ends every cookie and token
        audit.Record(byUserId, "user.deactivate", nameof(AppUser), user.Id);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        sessions.Forget(user.Id);
        return await ResponseAsync(user);
    }

    public async Task<Outcome<AccountEndpoints.UserResponse>> ReactivateAsync(string id, string? byUserId)
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        if (await userManager.FindByIdAsync(id) is not { } user)
        {
            return NotFound(id);
        }

        if (user.DeactivatedAt is not null)
        {
            user.DeactivatedAt = null;
            await userManager.UpdateAsync(user);
            audit.Record(byUserId, "user.reactivate", nameof(AppUser), user.Id);
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            sessions.Forget(user.Id);
        }

        return await ResponseAsync(user);
    }

    public async Task<Outcome<AccountEndpoints.UserResponse>> SetRolesAsync(string id, IReadOnlyList<string>? roles, string? byUserId)
    {
        if (RoleErrors(roles) is { } error)
        {
            return Failure.Invalid("roles", error);
        }

        var wanted = roles!.Distinct().Order(StringComparer.Ordinal).ToList();
        await using var tx = await db.Database.BeginTransactionAsync();
        if (await userManager.FindByIdAsync(id) is not { } user)
        {
            return NotFound(id);
        }

        var current = (await userManager.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
        if (current.SequenceEqual(wanted))
        {
            return await ResponseAsync(user);
        }

        if (current.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin))
        {
            if (id == byUserId)
            {
                return Failure.Conflict("You cannot remove your own Admin role", "Ask another administrator, so nobody removes the last administrator by mistake.");
            }

            if (await IsLastActiveAdminAsync(user))
            {
                return LastAdmin();
            }
        }

        var removed = await userManager.RemoveFromRolesAsync(user, current.Except(wanted));
        var added = removed.Succeeded ? await userManager.AddToRolesAsync(user, wanted.Except(current)) : removed;
        if (!added.Succeeded)
        {
            return Failure.Invalid("roles", string.Join(" ", added.Errors.Select(e => e.Description)));
        }

        await userManager.UpdateSecurityStampAsync(user); // sessions carry the roles they signed in with: end them
        audit.Record(byUserId, "user.roles", nameof(AppUser), user.Id, before: new { roles = current }, after: new { roles = wanted });
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        sessions.Forget(user.Id);
        return await ResponseAsync(user);
    }

    /// <summary>
    /// Forces a password reset: the current password stops working, every session ends, and the answer carries a one-time
    /// reset link (valid <see cref="ResetLinkLifetime"/>) for the administrator to hand over. The link is not stored: the
    /// token inside it is data-protected and tied to the new security stamp, so it works once.
    /// </summary>
    public async Task<Outcome<PasswordReset>> ResetPasswordAsync(string id, string? byUserId, string resetPage)
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        if (await userManager.FindByIdAsync(id) is not { } user)
        {
            return NotFound(id);
        }

        var removed = await userManager.RemovePasswordAsync(user); // also replaces the security stamp
        if (!removed.Succeeded)
        {
            return Failure.Conflict("The password could not be reset", string.Join(" ", removed.Errors.Select(e => e.Description)));
        }

        var token = await userManager.GeneratePasswordResetTokenAsync(user);
        audit.Record(byUserId, "user.reset-password", nameof(AppUser), user.Id);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        sessions.Forget(user.Id);
        var url = $"{resetPage}?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
        return new PasswordReset(user.Id, url, clock.GetUtcNow() + ResetLinkLifetime);
    }

    /// <summary>True when <paramref name="user"/> is an active admin and no other active admin exists.</summary>
    private async Task<bool> IsLastActiveAdminAsync(AppUser user)
    {
        var admins = from ur in db.UserRoles
                     join r in db.Roles on ur.RoleId equals r.Id
                     join u in db.Users on ur.UserId equals u.Id
                     where r.Name == Roles.Admin && u.DeactivatedAt == null
                     select u.Id;
        var ids = await admins.ToListAsync();
        return ids.Contains(user.Id) && ids.Count == 1;
    }

    private async Task<AccountEndpoints.UserResponse> ResponseAsync(AppUser user) =>
        new(user.Id, user.Email ?? "", user.DisplayName, [.. (await userManager.GetRolesAsync(user)).Order(StringComparer.Ordinal)],
            user.LockoutEnd > clock.GetUtcNow(), user.DeactivatedAt is not null);

    private static Failure NotFound(string id) => Failure.NotFound("Account not found", $"There is no account {id}.");

    private static Failure LastAdmin() =>
        Failure.Conflict("This is the last administrator", "Make another account an administrator first: without one, nobody could manage accounts.");
}
