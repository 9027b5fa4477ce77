using Microsoft.EntityFrameworkCore;

namespace PeerInterview.Web.Data;

/// <summary>
/// SQLite allows one writer at a time; when many autosaves arrive together, letting them all race for the file lock
/// makes SQLite's busy handler sleep in coarse steps (1, 2, 5 … 100 ms) that do not end when the lock frees. Queueing
/// the short write transactions of this process in an async gate instead keeps the tail latency low (measured in
/// docs/PERFORMANCE.md, "Live-scoring autosave"). Other providers take row locks and need no gate; several instances
/// on one SQLite file still fall back on the busy timeout.
/// </summary>
public static class WriteGate
{
    private static readonly SemaphoreSlim Sqlite = new(1, 1);

    public static async Task<IAsyncDisposable> EnterAsync(AppDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            return NoGate.Instance;
        }

        await Sqlite.WaitAsync(ct);
        return new Releaser();
    }

    /// <summary>
    /// Inside a transaction: makes concurrent writers of one scorecard take turns until commit, which SQLite's single
    /// writer (and the gate above) already guarantee. On PostgreSQL this takes the scorecard's row lock, so two first
    /// checks of the same red flag (no unique index) cannot both insert, on one instance or across several.
    /// </summary>
    public static async Task LockScorecardAsync(AppDbContext db, int scorecardId, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Scorecards\" WHERE \"Id\" = {scorecardId} FOR UPDATE", ct);
        }
    }

    private sealed class Releaser : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Sqlite.Release();
            }

            return ValueTask.CompletedTask;
        }
    }

    private sealed class NoGate : IAsyncDisposable
    {
        public static readonly NoGate Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
