namespace PeerInterview.Web.Domain;

/// <summary>
/// A sign-in session that has ended before its cookie or token expired: signed out, or a refresh token already used.
/// Every cookie and bearer token carries its session id (<c>Accounts/Sessions</c>); one listed here is refused by every
/// instance. Times are Unix milliseconds, so one portable <c>INSERT … ON CONFLICT DO NOTHING</c> records it on SQLite and
/// PostgreSQL alike.
/// </summary>
public class EndedSession
{
    /// <summary>The random session id from the cookie or token (not a secret: it only lets the session be refused).</summary>
    public required string Id { get; set; }

    public required string UserId { get; set; }

    public long EndedAt { get; set; }

    /// <summary>After this no cookie or token of the session can still be valid, and the row is deleted.</summary>
    public long ForgetAfter { get; set; }
}
