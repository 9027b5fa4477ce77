using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Tests.Scoring;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.Reliability;

/// <summary>The documented <c>backup</c> and <c>restore</c> commands, run as the real app's command line.</summary>
[Trait("Provider", "Sqlite")]
public class BackupRestoreTests
{
    [Fact]
    public async Task Backup_WhileTheAppRunsAndWrites_RestoresIntoAFreshFile_WhereTheAppFindsTheData()
    {
        var backup = Path.Combine(Path.GetTempPath(), $"peerinterview-backup-{Guid.NewGuid():N}.db");
        var restoredPath = Path.Combine(Path.GetTempPath(), $"peerinterview-restored-{Guid.NewGuid():N}.db");
        try
        {
            using var app = new TestApp();
            var p = await ScoringSetup.PanelAsync(app);
            await p.A.CompleteAndSubmitAsync(p, p.CardA, notes: "Backed-up evidence", summary: "Backed-up summary");
            var questions = app.WithScope(db => db.Questions.Count());
            var livePath = app.WithScope(db => new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);

            // The second interviewer keeps autosaving while the backup runs.
            using var stop = new CancellationTokenSource();
            var acknowledged = 0;
            var writer = Task.Run(async () =>
            {
                for (var version = 0; !stop.IsCancellationRequested; version++)
                {
                    var response = await p.B.RateAsync(p.CardB, p.Item1, version % 5 + 1, notes: $"draft {version}", version: version);
                    Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
                    acknowledged++;
                }
            });
            while (acknowledged < 3)
            {
                await Task.Delay(20);
            }

            var (code, output) = await AppProcess.RunCommandAsync(livePath, "backup", backup);
            var duringBackup = acknowledged;
            await stop.CancelAsync();
            await writer;

            Assert.True(code == 0, output);
            Assert.Contains("Backed up", output, StringComparison.Ordinal);
            Assert.True(acknowledged > 3 || duringBackup > 3, "The app was not writing during the backup.");
            Assert.False(File.Exists(backup + "-wal"), "The backup should be one self-contained file.");

            // A backup file is never overwritten by accident either.
            var again = await AppProcess.RunCommandAsync(livePath, "backup", backup);
            Assert.Equal(2, again.ExitCode);
            Assert.Contains("--force", again.Output, StringComparison.Ordinal);

            // Restore into a fresh file.
            var restore = await AppProcess.RunCommandAsync(restoredPath, "restore", backup);
            Assert.True(restore.ExitCode == 0, restore.Output);

            // Restoring over an existing database is refused without --force, and says so; with --force it goes ahead.
            var refused = await AppProcess.RunCommandAsync(restoredPath, "restore", backup);
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("already exists", refused.Output, StringComparison.Ordinal);
            Assert.Contains("--force", refused.Output, StringComparison.Ordinal);
            var forced = await AppProcess.RunCommandAsync(restoredPath, "restore", backup, "--force");
            Assert.True(forced.ExitCode == 0, forced.Output);

            // An app on the restored file finds the question bank and the submitted scorecard.
            using var restored = new TestApp(seeded: false, settings: new() { ["ConnectionStrings:Default"] = $"Data Source={restoredPath};Pooling=False" });
            Assert.Equal(questions, restored.WithScope(db => db.Questions.Count()));
            using var interviewer = await restored.ApiClientAsAsync(Roles.Interviewer);
            var card = await interviewer.GetJsonAsync($"/api/v1/scorecards/{p.CardA}");
            Assert.Equal("Submitted", card.GetProperty("state").GetString());
            Assert.Equal("Backed-up summary", card.GetProperty("summary").GetString());
            Assert.Equal(3, ScoringSetup.Item(card, p.Item1).GetProperty("rating").GetProperty("value").GetInt32());
            Assert.Equal(4, ScoringSetup.Item(card, p.Item2).GetProperty("rating").GetProperty("value").GetInt32());
            Assert.Equal("Backed-up evidence", ScoringSetup.Item(card, p.Item1).GetProperty("rating").GetProperty("notes").GetString());
            var search = await interviewer.GetJsonAsync("/api/v1/questions?q=support");
            Assert.NotEqual(0, search.GetProperty("total").GetInt32());
        }
        finally
        {
            AppProcess.DeleteDatabase(backup);
            AppProcess.DeleteDatabase(restoredPath);
        }
    }

    [Fact]
    public async Task Restore_OfAFileThatIsNotABackup_FailsClearly_AndCreatesNothing()
    {
        var notABackup = Path.Combine(Path.GetTempPath(), $"peerinterview-notabackup-{Guid.NewGuid():N}.db");
        var target = Path.Combine(Path.GetTempPath(), $"peerinterview-target-{Guid.NewGuid():N}.db");
        await File.WriteAllTextAsync(notABackup, "These are interview notes, not a database.");
        try
        {
            var (code, output) = await AppProcess.RunCommandAsync(target, "restore", notABackup);

            Assert.Equal(1, code);
            Assert.Contains("not a SQLite database backup", output, StringComparison.Ordinal);
            Assert.False(File.Exists(target));
        }
        finally
        {
            File.Delete(notABackup);
            AppProcess.DeleteDatabase(target);
        }
    }
}
