using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PeerInterview.Web.Data;

/// <summary>The one place the database provider is chosen (<c>Database:Provider</c>: Sqlite, the default, or Postgres).</summary>
public static class DatabaseSetup
{
    public const string DefaultSqliteConnection = "Data Source=peerinterview.db";

    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        var connectionString = configuration.GetConnectionString("Default") ?? DefaultSqliteConnection;

        switch (provider.ToLowerInvariant())
        {
            case "sqlite":
                // How long one statement waits for SQLite's write lock before "database is locked" (then SqliteRetry
                // re-runs scorecard writes); 30 s unless Database:BusyTimeoutSeconds says otherwise.
                var busySeconds = Math.Max(1, configuration.GetValue("Database:BusyTimeoutSeconds", 30));
                services.AddDbContext<SqliteAppDbContext>(o => o
                    .UseSqlite(WithSqliteDefaults(connectionString, busySeconds), sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                    .AddInterceptors(new SqlitePragmaInterceptor(busySeconds), new SavedText()));
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>());
                break;
            case "postgres" or "postgresql" or "npgsql":
                if (configuration.GetConnectionString("Default") is null)
                {
                    throw new InvalidOperationException("Database:Provider 'Postgres' needs ConnectionStrings:Default (e.g. Host=…;Database=peerinterview;Username=…;Password=…).");
                }

                services.AddDbContext<PostgresAppDbContext>(o => o
                    .UseNpgsql(connectionString, pg => pg.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                    .AddInterceptors(new SavedText()));
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<PostgresAppDbContext>());
                break;
            default:
                throw new InvalidOperationException(
                    $"Database:Provider '{provider}' is not supported. Use 'Sqlite' or 'Postgres'.");
        }

        return services;
    }

    /// <summary>Busy timeout: writers wait for the lock instead of failing with "database is locked".</summary>
    private static string WithSqliteDefaults(string connectionString, int busySeconds)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = busySeconds };

        return builder.ToString();
    }

    /// <summary>Provider-specific settings that live in the database itself, applied once at start after migrations.</summary>
    public static async Task ConfigureDatabaseAsync(AppDbContext db, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            // WAL lets readers run beside the single writer; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }

    /// <summary>Per-connection settings: busy_timeout makes SQLite itself wait for locks. No writes here: EF opens read-only connections too.</summary>
    private sealed class SqlitePragmaInterceptor(int busySeconds) : DbConnectionInterceptor
    {
        private readonly string _pragmas = $"PRAGMA busy_timeout={busySeconds * 1000}; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
