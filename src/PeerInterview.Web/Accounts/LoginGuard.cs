using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Accounts;

/// <summary>
/// Turns sign-in results into the messages people see, the same for the login page and the API, without telling whether an
/// email has an account: Identity locks a real account after <c>MaxFailedAccessAttempts</c> failures, and this guard
/// "locks" an unknown email the same way (counted in memory), with the same message and a password hash computed either way.
/// </summary>
public sealed class LoginGuard(IOptions<IdentityOptions> identity, TimeProvider clock) : IDisposable
{
    public const string WrongCredentials = "The email or password is not right.";

    private readonly MemoryCache _unknown = new(new MemoryCacheOptions { SizeLimit = 100_000 });
    private readonly Lock _gate = new();
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

        lock (_gate)
        {
            return _unknown.TryGetValue(Key(email), out Attempts? attempts) && attempts!.LockedUntil is { } until && until > clock.GetUtcNow()
                ? LockedMessage(MinutesUntil(until))
                : null;
        }
    }

    /// <summary>After a failed sign-in: the message to show (locked with the minutes left, or wrong email or password).</summary>
    public async Task<string> FailedAsync(UserManager<AppUser> users, string? email, string? password, SignInResult result)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByNameAsync(email);
        if (user is not null)
        {
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

        var now = clock.GetUtcNow();
        lock (_gate)
        {
            var key = Key(email);
            var attempts = _unknown.TryGetValue(key, out Attempts? found) ? found! : new Attempts();
            if (attempts.LockedUntil is { } lockedUntil)
            {
                if (lockedUntil > now)
                {
                    return LockedMessage(MinutesUntil(lockedUntil));
                }

                // The lock has ended: counting starts again, as Identity does for a real account.
                attempts.LockedUntil = null;
            }

            attempts.Failures++;
            if (attempts.Failures >= Lockout.MaxFailedAccessAttempts)
            {
                attempts.Failures = 0;
                attempts.LockedUntil = now + Lockout.DefaultLockoutTimeSpan;
            }

            _unknown.Set(key, attempts, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromDays(1) });
            return attempts.LockedUntil is { } until ? LockedMessage(MinutesUntil(until)) : WrongCredentials;
        }
    }

    public void Dispose() => _unknown.Dispose();

    private int MinutesUntil(DateTimeOffset end) => Math.Max(1, (int)Math.Ceiling((end - clock.GetUtcNow()).TotalMinutes));

    private static string Key(string email) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant())));

    private sealed class Attempts
    {
        public int Failures { get; set; }

        public DateTimeOffset? LockedUntil { get; set; }
    }
}
