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
                services.AddDbContext<SqliteAppDbContext>(o => o
                    .UseSqlite(WithSqliteDefaults(connectionString), sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                    .AddInterceptors(new SqlitePragmaInterceptor()));
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>());
                break;
            case "postgres" or "postgresql" or "npgsql":
                if (configuration.GetConnectionString("Default") is null)
                {
                    throw new InvalidOperationException("Database:Provider 'Postgres' needs ConnectionStrings:Default (e.g. Host=…;Database=peerinterview;Username=…;Password=…).");
                }

                services.AddDbContext<PostgresAppDbContext>(o => o
                    .UseNpgsql(connectionString, pg => pg.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)));
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<PostgresAppDbContext>());
                break;
            default:
                throw new InvalidOperationException(
                    $"Database:Provider '{provider}' is not supported. Use 'Sqlite' or 'Postgres'.");
        }

        return services;
    }

    /// <summary>Busy timeout: writers wait for the lock instead of failing with "database is locked".</summary>
    private static string WithSqliteDefaults(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DefaultTimeout < 30)
        {
            builder.DefaultTimeout = 30;
        }

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
    private sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
    {
        private const string Pragmas = "PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
