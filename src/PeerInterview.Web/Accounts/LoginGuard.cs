using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Accounts;

/// <summary>
/// Turns sign-in results into the messages people see, the same for the login page and the API, without telling whether an
/// email has an account: Identity locks a real account after <c>MaxFailedAccessAttempts</c> failures, and this guard
/// "locks" an unknown email the same way (counted in the database by <see cref="SignInCounters"/>, so every instance
/// agrees), with the same message and a password hash computed either way.
/// </summary>
public sealed class LoginGuard(IOptions<IdentityOptions> identity, SignInCounters counters, TimeProvider clock)
{
    public const string WrongCredentials = "The email or password is not right.";

    /// <summary>Shown only to someone who typed the right password, so it tells a stranger nothing.</summary>
    public const string Deactivated = "This account has been deactivated and cannot sign in. Ask an administrator if you need access again.";

    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), "not-a-real-password"));

    private LockoutOptions Lockout => identity.Value.Lockout;

    public static string LockedMessage(int minutes) =>
        $"This account is locked after too many failed sign-in attempts. Try again in {minutes} minute{(minutes == 1 ? "" : "s")}.";

    /// <summary>Before signing in: the locked message when <paramref name="email"/> has no account and has been "locked".</summary>
    public async Task<string?> RefuseUnknownAsync(UserManager<AppUser> users, string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || await users.FindByNameAsync(email) is not null)
        {
            return null;
        }

        return await counters.LockedUntilAsync(email) is { } until ? LockedMessage(MinutesUntil(until)) : null;
    }

    /// <summary>After a failed sign-in: the message to show (locked with the minutes left, or wrong email or password).</summary>
    public async Task<string> FailedAsync(UserManager<AppUser> users, string? email, string? password, SignInResult result)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByNameAsync(email);
        if (user is not null)
        {
            if (result.IsNotAllowed)
            {
                return user.DeactivatedAt is not null && await users.CheckPasswordAsync(user, password ?? "") ? Deactivated : WrongCredentials;
            }

            return result.IsLockedOut && await users.GetLockoutEndDateAsync(user) is { } end
                ? LockedMessage(MinutesUntil(end))
                : WrongCredentials;
        }

        // Identity returns at once for an unknown name; hashing here keeps the answer time close to a real account's.
        new PasswordHasher<AppUser>().VerifyHashedPassword(new AppUser(), DummyHash.Value, password ?? "");
        if (string.IsNullOrWhiteSpace(email) || !Lockout.AllowedForNewUsers)
        {
            return WrongCredentials;
        }

        return await counters.FailedAsync(email, Lockout.MaxFailedAccessAttempts, Lockout.DefaultLockoutTimeSpan) is { } until
            ? LockedMessage(MinutesUntil(until))
            : WrongCredentials;
    }

    private int MinutesUntil(DateTimeOffset end) => Math.Max(1, (int)Math.Ceiling((end - clock.GetUtcNow()).TotalMinutes));
}
