using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace PeerInterview.Tests.Infrastructure;

/// <summary>
/// Which database the integration tests run on: SQLite (the default) or, with <c>PEERINTERVIEW_TEST_PROVIDER=Postgres</c>,
/// the PostgreSQL server in <c>PEERINTERVIEW_TEST_PG</c> (a connection string whose role may create databases; test.sh
/// starts one). Each test app gets a database of its own, copied from one seeded once per run.
/// </summary>
public static class TestDatabase
{
    public const string ProviderVariable = "PEERINTERVIEW_TEST_PROVIDER";
    public const string PostgresVariable = "PEERINTERVIEW_TEST_PG";
    private const string DefaultPostgres = "Host=127.0.0.1;Port=5432;Username=peerinterview;Password=peerinterview-test";

    public static bool IsPostgres { get; } =
        string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>"Sqlite" or "Postgres", as in <c>Database:Provider</c> and the test traits.</summary>
    public static string Provider => IsPostgres ? "Postgres" : "Sqlite";

    /// <summary>The server connection string for a database name (no database name: the maintenance database).</summary>
    public static string PostgresConnection(string? database = null, bool pooling = true) =>
        new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs ? cs : DefaultPostgres)
        {
            Database = database ?? "postgres",
            Pooling = pooling,
        }.ConnectionString;

    /// <summary>A new, empty or seeded, PostgreSQL database; returns its connection string.</summary>
    public static string CreatePostgres(bool seeded)
    {
        var name = NewName("t");
        Execute(seeded ? $"CREATE DATABASE \"{name}\" TEMPLATE \"{PostgresTemplate.Name}\"" : $"CREATE DATABASE \"{name}\"");
        return PostgresConnection(name);
    }

    public static void DropPostgres(string connectionString)
    {
        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        try
        {
            Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
        catch (NpgsqlException)
        {
            // Best effort: a leftover is dropped by the next run (see DropLeftovers).
        }
    }

    internal static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(PostgresConnection(pooling: false));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Names carry the test process id, so a later run can drop what a killed run left behind.</summary>
    private static string NewName(string kind) => $"pi_{kind}_{Environment.ProcessId}_{Guid.NewGuid():N}";

    /// <summary>Drops the databases of earlier test processes that no longer run.</summary>
    internal static void DropLeftovers()
    {
        var stale = new List<string>();
        using (var connection = new NpgsqlConnection(PostgresConnection(pooling: false)))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT datname FROM pg_database WHERE datname LIKE 'pi\\_%' AND datistemplate = false";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var parts = reader.GetString(0).Split('_');
                if (parts.Length == 4 && int.TryParse(parts[2], out var pid) && pid != Environment.ProcessId && !IsRunning(pid))
                {
                    stale.Add(reader.GetString(0));
                }
            }
        }

        foreach (var name in stale)
        {
            try
            {
                Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            }
            catch (NpgsqlException)
            {
                // Someone else's or in use: leave it.
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>A PostgreSQL database migrated and seeded once per test run, then used as <c>TEMPLATE</c>.</summary>
    private static class PostgresTemplate
    {
        private static readonly Lazy<string> Template = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

        public static string Name => Template.Value;

        private static string Create()
        {
            DropLeftovers();
            var name = NewName("template");
            Execute($"CREATE DATABASE \"{name}\"");

            // No pooling: CREATE DATABASE … TEMPLATE refuses while any session is connected to the template.
            using (var app = new TemplateApp(PostgresConnection(name, pooling: false)))
            {
                _ = app.Services; // starting the host migrates and seeds
            }

            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try
                {
                    Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                }
                catch (NpgsqlException)
                {
                    // The next run drops it.
                }
            };
            return name;
        }
    }

    private sealed class TemplateApp(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Default", connectionString);
            builder.UseSetting("Seed:DemoData", "true");
            builder.UseSetting("Seed:Folder", RepoPaths.SeedData);
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        }
    }
}
