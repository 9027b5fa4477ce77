using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace PeerInterview.Web.Data;

/// <summary>
/// Re-runs a whole unit of work (its reads, its checks and its transaction) when SQLite reports the database busy or
/// locked (result codes 5 and 6) after the busy timeout has run out — for instance while a backup, a second instance or
/// a long import holds the write lock. The failed attempt's transaction has rolled back and its tracked changes are
/// discarded before the next attempt, so a retry never applies half a unit of work. Other providers pass straight through.
/// </summary>
public static class SqliteRetry
{
    public const int MaxAttempts = 6;

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static async Task<T> RunAsync<T>(AppDbContext db, Func<Task<T>> unitOfWork, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await unitOfWork();
            }
            catch (Exception e) when (attempt < MaxAttempts && IsTransient(e) && db.Database.CurrentTransaction is null)
            {
                db.ChangeTracker.Clear();
                await Task.Delay(Backoff(attempt), ct);
            }
        }
    }

    /// <summary>True for "database is busy" / "database is locked", also when EF wrapped it in a DbUpdateException.</summary>
    public static bool IsTransient(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is SqliteException sqlite && (sqlite.SqliteErrorCode & 0xFF) is SqliteBusy or SqliteLocked)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>50, 100, 200, 400 … ms with jitter, so queued writers do not all come back at once.</summary>
    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds((25 << Math.Min(attempt, 6)) + Random.Shared.Next(0, 50));
}
