namespace PeerInterview.Web.Domain;

/// <summary>
/// A sign-in counter shared by every app instance (DESIGN: nothing lives only in one instance's memory): attempts per
/// client address in a fixed window, or failures of an email that has no account (so it "locks" like a real one).
/// The key is a prefix and a SHA-256 of the address or email, never the value itself. Times are Unix milliseconds, so the
/// counters are updated with one portable upsert on SQLite and PostgreSQL alike.
/// </summary>
public class SignInCounter
{
    public required string Key { get; set; }

    public int Count { get; set; }

    /// <summary>Rate limit: when the current window ends.</summary>
    public long WindowEndsAt { get; set; }

    /// <summary>Unknown email: locked until then, or null.</summary>
    public long? LockedUntil { get; set; }

    /// <summary>After this the row means nothing and is deleted.</summary>
    public long ExpiresAt { get; set; }
}
