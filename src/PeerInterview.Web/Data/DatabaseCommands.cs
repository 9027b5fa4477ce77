using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace PeerInterview.Web.Data;

/// <summary>
/// Command-line verbs handled before the web host starts:
/// <c>backup &lt;file&gt; [--force]</c> writes a consistent copy of the configured database while the app may be running
/// (SQLite: the online backup API; PostgreSQL: <c>pg_dump</c> custom format);
/// <c>restore &lt;file&gt; [--force]</c> loads one into the configured database, refusing to replace existing data
/// without <c>--force</c>. Exit codes: 0 done, 1 failed, 2 refused.
/// </summary>
public static class DatabaseCommands
{
    public const int Done = 0;
    public const int Failed = 1;
    public const int Refused = 2;

    /// <summary>Runs the verb in <paramref name="args"/>, if any, and sets the exit code. False: not a command, start the app.</summary>
    public static async Task<bool> TryRunAsync(string[] args, IConfiguration configuration)
    {
        if (args.Length == 0 || args[0] is not ("backup" or "restore"))
        {
            return false;
        }

        Environment.ExitCode = await RunAsync(args, configuration, Console.Out, Console.Error);
        return true;
    }

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter output, TextWriter errors)
    {
        var verb = args[0];
        var force = args.Contains("--force");
        var files = args.Skip(1).Where(a => a != "--force").ToList();
        if (files.Count != 1)
        {
            await errors.WriteLineAsync($"Usage: {verb} <file> [--force]");
            return Failed;
        }

        var file = Path.GetFullPath(files[0]);
        var provider = (configuration["Database:Provider"] ?? "Sqlite").ToLowerInvariant();
        var connectionString = configuration.GetConnectionString("Default") ?? DatabaseSetup.DefaultSqliteConnection;
        try
        {
            return (provider, verb) switch
            {
                ("sqlite", "backup") => await SqliteBackupAsync(connectionString, file, force, output, errors),
                ("sqlite", _) => await SqliteRestoreAsync(connectionString, file, force, output, errors),
                ("postgres" or "postgresql" or "npgsql", "backup") => await PostgresBackupAsync(connectionString, file, force, output, errors),
                ("postgres" or "postgresql" or "npgsql", _) => await PostgresRestoreAsync(connectionString, file, force, output, errors),
                _ => await FailAsync(errors, $"Database:Provider '{provider}' has no {verb} command."),
            };
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return await FailAsync(errors, $"{verb} failed: {e.Message}");
        }
    }

    private static async Task<int> SqliteBackupAsync(string connectionString, string file, bool force, TextWriter output, TextWriter errors)
    {
        var source = SqlitePath(connectionString);
        if (!File.Exists(source))
        {
            return await FailAsync(errors, $"There is no database at {source} to back up.");
        }

        if (File.Exists(file) && !force)
        {
            return await RefuseAsync(errors, $"{file} already exists. Run again with --force to replace it.");
        }

        // Copy into a temporary file beside the target, check it, then move it into place: a failed backup never leaves
        // a half-written file under the target's name.
        var temporary = file + $".partial-{Guid.NewGuid():N}";
        try
        {
            await using (var from = Open(source, SqliteOpenMode.ReadWrite))
            await using (var to = Open(temporary, SqliteOpenMode.ReadWriteCreate))
            {
                // One backup step copies every page inside one read transaction: a consistent snapshot, while the app
                // keeps writing to the WAL beside it.
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        from.BackupDatabase(to);
                        break;
                    }
                    catch (SqliteException e) when (SqliteRetry.IsTransient(e) && attempt < SqliteRetry.MaxAttempts)
                    {
                        await Task.Delay(200 * attempt);
                    }
                }

                // A self-contained single file (no -wal beside it), checked before it replaces anything.
                await ExecuteAsync(to, "PRAGMA journal_mode=DELETE;");
                if (await IntegrityAsync(to) is { } problem)
                {
                    return await FailAsync(errors, $"The copy failed its integrity check: {problem}");
                }
            }

            File.Move(temporary, file, overwrite: force);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(temporary);
            File.Delete(temporary + "-journal");
        }

        await output.WriteLineAsync($"Backed up {source} to {file} ({new FileInfo(file).Length:N0} bytes).");
        return Done;
    }

    private static async Task<int> SqliteRestoreAsync(string connectionString, string file, bool force, TextWriter output, TextWriter errors)
    {
        if (!File.Exists(file))
        {
            return await FailAsync(errors, $"There is no backup file at {file}.");
        }

        var target = SqlitePath(connectionString);
        await using var from = Open(file, SqliteOpenMode.ReadOnly);
        try
        {
            if (await IntegrityAsync(from) is { } problem)
            {
                return await FailAsync(errors, $"{file} is damaged: {problem}");
            }

            if (!await HasTableAsync(from, "__EFMigrationsHistory"))
            {
                return await FailAsync(errors, $"{file} is not a PeerInterview database backup.");
            }
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 26 or 11)
        {
            return await FailAsync(errors, $"{file} is not a SQLite database backup.");
        }

        if (File.Exists(target) && new FileInfo(target).Length > 0 && !force)
        {
            return await RefuseAsync(errors,
                $"The database {target} already exists; restoring would replace everything in it. Stop the app, then run again with --force to overwrite it.");
        }

        await using (var to = Open(target, SqliteOpenMode.ReadWriteCreate))
        {
            // The backup API writes through SQLite's own pager, so it replaces the target (and its WAL) atomically.
            from.BackupDatabase(to);
        }

        SqliteConnection.ClearAllPools();
        await output.WriteLineAsync($"Restored {file} into {target}.");
        return Done;
    }

    private static async Task<int> PostgresBackupAsync(string connectionString, string file, bool force, TextWriter output, TextWriter errors)
    {
        if (File.Exists(file) && !force)
        {
            return await RefuseAsync(errors, $"{file} already exists. Run again with --force to replace it.");
        }

        var pg = PostgresTarget.Parse(connectionString);
        var temporary = file + $".partial-{Guid.NewGuid():N}";
        try
        {
            // pg_dump reads inside one repeatable-read transaction: a consistent snapshot while the app keeps writing.
            var (code, text) = await RunToolAsync("pg_dump", pg, ["--format=custom", "--no-owner", "--file", temporary, "--dbname", pg.Database]);
            if (code != 0)
            {
                return await FailAsync(errors, $"pg_dump failed ({code}): {text}");
            }

            File.Move(temporary, file, overwrite: force);
        }
        finally
        {
            File.Delete(temporary);
        }

        await output.WriteLineAsync($"Backed up PostgreSQL database {pg.Database} on {pg.Host} to {file} ({new FileInfo(file).Length:N0} bytes, pg_dump custom format).");
        return Done;
    }

    private static async Task<int> PostgresRestoreAsync(string connectionString, string file, bool force, TextWriter output, TextWriter errors)
    {
        if (!File.Exists(file))
        {
            return await FailAsync(errors, $"There is no backup file at {file}.");
        }

        var pg = PostgresTarget.Parse(connectionString);
        var (code, text) = await RunToolAsync("psql", pg, ["--no-psqlrc", "--tuples-only", "--no-align", "--dbname", pg.Database, "--command",
            "select count(*) from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')"]);
        var empty = code == 0 && text.Trim() == "0";
        if (!empty && !force)
        {
            return await RefuseAsync(errors, code == 0
                ? $"The database {pg.Database} on {pg.Host} already has tables; restoring would replace everything in it. Stop the app, then run again with --force to overwrite it."
                : $"Could not check whether {pg.Database} on {pg.Host} is empty ({text.Trim()}). Run again with --force to restore over whatever is there.");
        }

        (code, text) = await RunToolAsync("pg_restore", pg, ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error", "--dbname", pg.Database, file]);
        if (code != 0)
        {
            return await FailAsync(errors, $"pg_restore failed ({code}): {text}");
        }

        await output.WriteLineAsync($"Restored {file} into PostgreSQL database {pg.Database} on {pg.Host}.");
        return Done;
    }

    /// <summary>Runs a PostgreSQL client tool with the connection in PG* environment variables (the password never on the command line).</summary>
    private static async Task<(int Code, string Output)> RunToolAsync(string tool, PostgresTarget pg, string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PGHOST"] = pg.Host;
        start.Environment["PGPORT"] = pg.Port;
        start.Environment["PGUSER"] = pg.Username;
        start.Environment["PGPASSWORD"] = pg.Password;
        start.Environment["PGSSLMODE"] = pg.SslMode;
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException($"{tool} was not found on PATH; install the PostgreSQL client tools (apt-get install postgresql-client).");
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, (await stdout) + (await stderr));
        }
    }

    /// <summary>The parts of an Npgsql connection string the client tools need, read without Npgsql.</summary>
    private sealed record PostgresTarget(string Host, string Port, string Database, string? Username, string? Password, string? SslMode)
    {
        public static PostgresTarget Parse(string connectionString)
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
            string? Get(params string[] keys) =>
                keys.Select(k => builder.TryGetValue(k, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null)
                    .FirstOrDefault(v => !string.IsNullOrEmpty(v));
            var database = Get("Database", "DB") ?? throw new InvalidOperationException("The connection string names no Database.");
            return new PostgresTarget(
                Get("Host", "Server") ?? "localhost",
                Get("Port") ?? "5432",
                database,
                Get("Username", "User ID", "User", "UserName", "UID"),
                Get("Password", "PWD"),
                Get("SSL Mode", "SslMode")?.ToLowerInvariant());
        }
    }

    private static string SqlitePath(string connectionString) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout=30000;";
        command.ExecuteNonQuery();
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string?> IntegrityAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        var result = Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        return result == "ok" ? null : result;
    }

    private static async Task<bool> HasTableAsync(SqliteConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name;";
        command.Parameters.AddWithValue("$name", table);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static async Task<int> FailAsync(TextWriter errors, string message)
    {
        await errors.WriteLineAsync(message);
        return Failed;
    }

    private static async Task<int> RefuseAsync(TextWriter errors, string message)
    {
        await errors.WriteLineAsync(message);
        return Refused;
    }
}
