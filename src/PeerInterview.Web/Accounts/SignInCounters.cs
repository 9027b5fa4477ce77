using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Accounts;

/// <summary>
/// The sign-in rate limit and the lockout of unknown emails, counted in the database so that every instance behind a proxy
/// shares one budget (DESIGN: nothing lives only in one instance's memory). Each count is one atomic upsert, the same SQL on
/// SQLite and PostgreSQL; addresses and emails are stored only as SHA-256 hashes.
/// </summary>
public sealed class SignInCounters(AppDbContext db, TimeProvider clock)
{
    /// <summary>Counts a sign-in attempt from <paramref name="clientAddress"/>: null while within the limit, else how long to wait.</summary>
    public async Task<TimeSpan?> CountAttemptAsync(string clientAddress, int limit, TimeSpan window, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var windowEnds = now + (long)window.TotalMilliseconds;
        var state = await UpsertAsync(
            """
            INSERT INTO "SignInCounters" ("Key", "Count", "WindowEndsAt", "LockedUntil", "ExpiresAt") VALUES ({0}, 1, {1}, NULL, {1})
            ON CONFLICT ("Key") DO UPDATE SET
                "Count" = CASE WHEN "SignInCounters"."WindowEndsAt" <= {2} THEN 1 ELSE "SignInCounters"."Count" + 1 END,
                "WindowEndsAt" = CASE WHEN "SignInCounters"."WindowEndsAt" <= {2} THEN {1} ELSE "SignInCounters"."WindowEndsAt" END,
                "ExpiresAt" = CASE WHEN "SignInCounters"."WindowEndsAt" <= {2} THEN {1} ELSE "SignInCounters"."WindowEndsAt" END
            RETURNING "Count", "WindowEndsAt", "LockedUntil"
            """,
            [Key("address", clientAddress), windowEnds, now],
            ct);

        if (state.Count == 1)
        {
            // A new window for this address: a good moment to drop counters nobody needs any more.
            await db.SignInCounters.Where(c => c.ExpiresAt < now).ExecuteDeleteAsync(ct);
        }

        return state.Count > limit ? TimeSpan.FromMilliseconds(Math.Max(1, state.WindowEndsAt - now)) : null;
    }

    /// <summary>When an email with no account is "locked" until, if it is locked now.</summary>
    public async Task<DateTimeOffset?> LockedUntilAsync(string email, CancellationToken ct = default)
    {
        var key = Key("email", Normalise(email));
        var until = await db.SignInCounters.AsNoTracking().Where(c => c.Key == key).Select(c => c.LockedUntil).FirstOrDefaultAsync(ct);
        return until is { } ms && ms > clock.GetUtcNow().ToUnixTimeMilliseconds() ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    /// <summary>
    /// Counts a failed sign-in for an email with no account, as Identity counts a real account's: the
    /// <paramref name="maxFailures"/>th failure locks it for <paramref name="lockout"/>, and counting starts again once a lock
    /// has ended. Returns the end of the lock when the email is locked after this failure.
    /// </summary>
    public async Task<DateTimeOffset?> FailedAsync(string email, int maxFailures, TimeSpan lockout, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var lockEnds = now + (long)lockout.TotalMilliseconds;
        var expires = now + (long)Math.Max(lockout.TotalMilliseconds, TimeSpan.FromDays(1).TotalMilliseconds);
        var firstCount = maxFailures <= 1 ? 0 : 1;

        // "Failures so far" is the count while unlocked, and 0 once a lock has ended.
        const string Failures = """(CASE WHEN "SignInCounters"."LockedUntil" IS NULL THEN "SignInCounters"."Count" ELSE 0 END)""";
        var state = await UpsertAsync(
            $$"""
            INSERT INTO "SignInCounters" ("Key", "Count", "WindowEndsAt", "LockedUntil", "ExpiresAt")
            VALUES ({0}, {1}, 0, CASE WHEN {1} = 0 THEN {2} ELSE NULL END, {3})
            ON CONFLICT ("Key") DO UPDATE SET
                "Count" = CASE WHEN "SignInCounters"."LockedUntil" > {4} THEN "SignInCounters"."Count"
                               WHEN {{Failures}} + 1 >= {5} THEN 0
                               ELSE {{Failures}} + 1 END,
                "LockedUntil" = CASE WHEN "SignInCounters"."LockedUntil" > {4} THEN "SignInCounters"."LockedUntil"
                                     WHEN {{Failures}} + 1 >= {5} THEN {2}
                                     ELSE NULL END,
                "ExpiresAt" = {3}
            RETURNING "Count", "WindowEndsAt", "LockedUntil"
            """,
            [Key("email", Normalise(email)), firstCount, lockEnds, expires, now, maxFailures],
            ct);
        return state.LockedUntil is { } until && until > now ? DateTimeOffset.FromUnixTimeMilliseconds(until) : null;
    }

    private async Task<CounterState> UpsertAsync(string sql, object[] parameters, CancellationToken ct) =>
        // Not composed (no First/Single), so EF sends the statement as written rather than wrapping it in a SELECT.
        (await db.Database.SqlQueryRaw<CounterState>(sql, parameters).ToListAsync(ct))[0];

    private static string Normalise(string email) => email.Trim().ToUpperInvariant();

    private static string Key(string kind, string value) =>
        $"{kind}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)))}";

    private sealed class CounterState
    {
        public int Count { get; set; }

        public long WindowEndsAt { get; set; }

        public long? LockedUntil { get; set; }
    }
}
