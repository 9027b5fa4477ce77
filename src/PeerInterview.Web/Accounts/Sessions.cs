using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Accounts;

/// <summary>Sign-in sessions: cookie lifetime and how often an instance re-reads an account's state (<c>Security:Sessions</c>, <c>Security:Cookies</c>).</summary>
public sealed class SessionCheckOptions
{
    public const string Section = "Security:Sessions";

    /// <summary>The longest an instance trusts what it last read about an account or session (deactivated, signed out): at most 60 s.</summary>
    public int ValidationIntervalSeconds { get; set; } = 60;

    public TimeSpan ValidationInterval => TimeSpan.FromSeconds(Math.Clamp(ValidationIntervalSeconds, 0, 60));
}

/// <summary>
/// Every cookie and bearer token carries a random session id (<see cref="SessionIdClaim"/>) and the account's security
/// stamp. A request is let through only while the account is active, the stamp unchanged (a password, role or
/// activation change, or a forced reset, replaces it) and the session not ended (<see cref="EndedSession"/>: signed out,
/// or its refresh token used). What an instance read is cached for at most <see cref="SessionCheckOptions.ValidationInterval"/>
/// (one minute), so an autosave costs two memory lookups; the state itself lives in the database, so every instance agrees
/// within that minute, and the instance that made a change forgets its cache at once.
/// </summary>
public sealed class SessionGuard(AppDbContext db, IMemoryCache cache, IOptions<SessionCheckOptions> options, IOptions<IdentityOptions> identity,
    IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock)
{
    public const string SessionIdClaim = "peerinterview:session";

    private sealed record AccountState(string? Stamp, bool Deactivated);

    private static readonly object Ended = new();
    private static readonly object Open = new();

    public static string NewSessionId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>True while the principal's account is active, its security stamp current and its session not ended.</summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var userId = principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        var session = principal.FindFirstValue(SessionIdClaim);
        if (userId is null || stamp is null || session is null)
        {
            return false; // issued before sessions were tracked, or not by this app's sign-in
        }

        var account = await CachedAsync(("account", userId), () => db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new AccountState(u.SecurityStamp, u.DeactivatedAt != null))
            .FirstOrDefaultAsync(ct));
        if (account is null || account.Deactivated || account.Stamp != stamp)
        {
            return false;
        }

        var ended = await CachedAsync(("ended", session), async () => await db.EndedSessions.AnyAsync(s => s.Id == session, ct) ? Ended : Open);
        return ended == Open;
    }

    /// <summary>Ends the principal's session for every instance (sign-out). Idempotent.</summary>
    public async Task EndAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (principal.FindFirstValue(SessionIdClaim) is { } session && principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType) is { } userId)
        {
            await TryEndAsync(session, userId, ct);
        }
    }

    /// <summary>Ends <paramref name="session"/>; false when it had already ended (a refresh token used a second time).</summary>
    public async Task<bool> TryEndAsync(string session, string userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var forgetAfter = now + Longest();
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "EndedSessions" ("Id", "UserId", "EndedAt", "ForgetAfter") VALUES ({session}, {userId}, {now.ToUnixTimeMilliseconds()}, {forgetAfter.ToUnixTimeMilliseconds()})
            ON CONFLICT ("Id") DO NOTHING
            """,
            ct);
        cache.Set(("ended", session), Ended, options.Value.ValidationInterval);
        if (inserted == 1)
        {
            var cutoff = now.ToUnixTimeMilliseconds();
            await db.EndedSessions.Where(s => s.ForgetAfter < cutoff).ExecuteDeleteAsync(ct);
        }

        return inserted == 1;
    }

    /// <summary>Drops what this instance cached about an account, after changing it here.</summary>
    public void Forget(string userId) => cache.Remove(("account", userId));

    /// <summary>How long a cookie or token of a session may live: after that an ended session need not be remembered.</summary>
    private TimeSpan Longest()
    {
        var tokens = bearer.Get(IdentityConstants.BearerScheme);
        var longest = tokens.RefreshTokenExpiration > tokens.BearerTokenExpiration ? tokens.RefreshTokenExpiration : tokens.BearerTokenExpiration;
        return (longest > CookieLifetime.Maximum ? longest : CookieLifetime.Maximum) + TimeSpan.FromDays(1);
    }

    private async Task<T?> CachedAsync<T>((string, string) key, Func<Task<T?>> load)
        where T : class
    {
        if (cache.TryGetValue(key, out T? value))
        {
            return value;
        }

        value = await load();
        var interval = options.Value.ValidationInterval;
        if (value is not null && interval > TimeSpan.Zero)
        {
            cache.Set(key, value, interval);
        }

        return value;
    }
}

/// <summary>The application cookie's lifetime (<c>Security:Cookies:LifetimeMinutes</c>, absolute from sign-in unless <c>Security:Cookies:Sliding</c>).</summary>
public static class CookieLifetime
{
    public const int DefaultMinutes = 480;

    /// <summary>No setting makes a cookie live longer than a day.</summary>
    public static readonly TimeSpan Maximum = TimeSpan.FromHours(24);

    public static TimeSpan From(IConfiguration configuration) =>
        TimeSpan.FromMinutes(Math.Clamp(configuration.GetValue("Security:Cookies:LifetimeMinutes", DefaultMinutes), 1, (int)Maximum.TotalMinutes));

    public static bool Sliding(IConfiguration configuration) => configuration.GetValue("Security:Cookies:Sliding", false);
}

/// <summary>Identity's principal with a fresh session id: each sign-in (page, API login, token refresh) is its own session.</summary>
/// <remarks>A sign-in also drops what this instance cached about the account, so someone reactivated on another instance is not
/// turned away here for the rest of the cache interval (forgetting only costs one database read).</remarks>
public sealed class SessionClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, IMemoryCache cache)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        cache.Remove(("account", user.Id));
        var claims = await base.GenerateClaimsAsync(user);
        claims.AddClaim(new Claim(SessionGuard.SessionIdClaim, SessionGuard.NewSessionId()));
        return claims;
    }
}
