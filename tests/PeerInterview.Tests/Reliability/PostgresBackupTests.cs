using System.Data.Common;
using System.Diagnostics;
using PeerInterview.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PeerInterview.Tests.Reliability;

/// <summary>
/// The backup and restore commands on PostgreSQL (pg_dump custom format, pg_restore) against the server in
/// PEERINTERVIEW_TEST_PG (a connection string whose role may create databases). Without that server or pg_dump the
/// test says so and does nothing.
/// </summary>
[Trait("Provider", "Postgres")]
public class PostgresBackupTests(ITestOutputHelper log)
{
    [Fact]
    public async Task Backup_WithPgDump_RestoresIntoAnEmptyDatabase_AndRefusesToOverwriteWithoutForce()
    {
        var server = Environment.GetEnvironmentVariable("PEERINTERVIEW_TEST_PG");
        if (string.IsNullOrWhiteSpace(server) || !OnPath("pg_dump") || !OnPath("pg_restore") || !OnPath("psql"))
        {
            log.WriteLine("Skipped: set PEERINTERVIEW_TEST_PG and install the PostgreSQL client tools (pg_dump, pg_restore, psql).");
            return;
        }

        var suffix = Guid.NewGuid().ToString("N")[..12];
        var (source, target) = ($"pi_backup_{suffix}", $"pi_restore_{suffix}");
        var file = Path.Combine(Path.GetTempPath(), $"peerinterview-{suffix}.dump");
        try
        {
            await PsqlAsync(server, "postgres", $"CREATE DATABASE {source}");
            await PsqlAsync(server, "postgres", $"CREATE DATABASE {target}");
            await PsqlAsync(server, source, "CREATE TABLE scorecards (id int PRIMARY KEY, summary text); INSERT INTO scorecards VALUES (1, 'Backed-up summary');");

            var backup = await AppProcess.RunCommandAsync(Settings(server, source), "backup", file);
            Assert.True(backup.ExitCode == 0, backup.Output);
            Assert.Equal("PGDMP", System.Text.Encoding.ASCII.GetString((await File.ReadAllBytesAsync(file))[..5]));

            var restore = await AppProcess.RunCommandAsync(Settings(server, target), "restore", file);
            Assert.True(restore.ExitCode == 0, restore.Output);
            Assert.Equal("Backed-up summary", (await PsqlAsync(server, target, "SELECT summary FROM scorecards WHERE id = 1")).Trim());

            var refused = await AppProcess.RunCommandAsync(Settings(server, target), "restore", file);
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("--force", refused.Output, StringComparison.Ordinal);

            await PsqlAsync(server, target, "UPDATE scorecards SET summary = 'changed after the backup'");
            var forced = await AppProcess.RunCommandAsync(Settings(server, target), "restore", file, "--force");
            Assert.True(forced.ExitCode == 0, forced.Output);
            Assert.Equal("Backed-up summary", (await PsqlAsync(server, target, "SELECT summary FROM scorecards WHERE id = 1")).Trim());
        }
        finally
        {
            File.Delete(file);
            await PsqlAsync(server, "postgres", $"DROP DATABASE IF EXISTS {source} WITH (FORCE)", check: false);
            await PsqlAsync(server, "postgres", $"DROP DATABASE IF EXISTS {target} WITH (FORCE)", check: false);
        }
    }

    private static Dictionary<string, string?> Settings(string server, string database) => new()
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:Default"] = $"{server.TrimEnd(';')};Database={database}",
    };

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, tool)));

    private static async Task<string> PsqlAsync(string server, string database, string sql, bool check = true)
    {
        var parts = new DbConnectionStringBuilder { ConnectionString = server };
        string Part(string key, string fallback) => parts.TryGetValue(key, out var v) ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)! : fallback;
        var start = new ProcessStartInfo("psql") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--no-psqlrc", "-v", "ON_ERROR_STOP=1", "--tuples-only", "--no-align", "--dbname", database, "--command", sql })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PGHOST"] = Part("Host", "127.0.0.1");
        start.Environment["PGPORT"] = Part("Port", "5432");
        start.Environment["PGUSER"] = Part("Username", "postgres");
        start.Environment["PGPASSWORD"] = Part("Password", "");
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"psql '{sql}' failed: {errors}");
        }

        return output;
    }
}
