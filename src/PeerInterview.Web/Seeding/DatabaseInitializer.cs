using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Import;
using PeerInterview.Web.Kits;

namespace PeerInterview.Web.Seeding;

/// <summary>
/// Runs at start: applies migrations, then seeds what is missing. Every step is idempotent so restarts
/// (and several instances starting at once) never duplicate anything.
/// </summary>
public sealed class DatabaseInitializer(
    AppDbContext db,
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    ImportService importer,
    IConfiguration configuration,
    IHostEnvironment environment,
    DemoHiring demoHiring,
    IDataProtectionProvider dataProtection,
    TimeProvider clock,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        if (configuration.GetValue("Database:MigrateOnStart", true))
        {
            await db.Database.MigrateAsync(ct);
        }

        await DatabaseSetup.ConfigureDatabaseAsync(db, ct);
        await DataProtectionSetup.EnsureKeyRingAsync(db, dataProtection, ct);

        // Versions published before publishing froze everything get their frozen copy once, from the data as it stands.
        var backfilled = await KitFreezer.BackfillAsync(db, clock.GetUtcNow(), ct);
        if (backfilled > 0)
        {
            logger.LogInformation("Froze the content of {Count} kit versions published before this release", backfilled);
        }

        await SeedCompetenciesAsync(ct);
        await SeedRolesAsync();
        await BootstrapAdminAsync();
        if (environment.IsDevelopment() || configuration.GetValue("Seed:DemoData", false))
        {
            await SeedDemoUsersAsync();
        }

        if (configuration.GetValue("Seed:Documents", true))
        {
            await SeedDocumentsAsync(ct);
        }

        if (configuration.GetValue("Seed:DemoHiring", false))
        {
            await demoHiring.SeedAsync(ct);
        }
    }

    private async Task SeedCompetenciesAsync(CancellationToken ct)
    {
        if (await db.Competencies.AnyAsync(ct))
        {
            return;
        }

        db.Competencies.AddRange(DefaultCompetencies.Create());
        await db.SaveChangesAsync(ct);
    }

    private async Task SeedRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    private async Task BootstrapAdminAsync()
    {
        var email = configuration["Bootstrap:AdminEmail"];
        var password = configuration["Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password) || await users.Users.AnyAsync())
        {
            return;
        }

        var admin = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Administrator" };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Bootstrap admin could not be created: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(admin, Roles.Admin);
        logger.LogInformation("Bootstrap admin account created");
    }

    private async Task SeedDemoUsersAsync()
    {
        foreach (var demo in DemoAccounts.All)
        {
            if (await users.FindByEmailAsync(demo.Email) is not null)
            {
                continue;
            }

            var user = new AppUser { UserName = demo.Email, Email = demo.Email, EmailConfirmed = true, DisplayName = demo.DisplayName };
            var result = await users.CreateAsync(user, DemoAccounts.Password);
            if (result.Succeeded)
            {
                await users.AddToRoleAsync(user, demo.Role);
            }
        }
    }

    private async Task SeedDocumentsAsync(CancellationToken ct)
    {
        var folder = FindSeedFolder();
        if (folder is null)
        {
            logger.LogWarning("No seed-data folder found; the question bank starts empty");
            return;
        }

        foreach (var path in Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            var bytes = await File.ReadAllBytesAsync(path, ct);
            var hash = QuestionDocumentImporter.Sha256Hex(bytes);
            if (await db.SourceDocuments.AnyAsync(d => d.Sha256 == hash, ct))
            {
                continue;
            }

            var name = Path.GetFileName(path);
            try
            {
                var outcome = await importer.ImportAsync(bytes, name, dryRun: false, userId: null, ct);
                var count = outcome.Document.Questions.Count;
                logger.LogInformation("Seeded {File}: {Count} questions", name, count);
            }
            catch (ImportRejectedException ex)
            {
                logger.LogWarning("Seed document {File} was rejected: {Reason}", name, ex.Reason);
            }
            catch (DbUpdateException)
            {
                // Another instance may have seeded the same document at the same moment; anything else is a real failure.
                db.ChangeTracker.Clear();
                if (!await db.SourceDocuments.AnyAsync(d => d.Sha256 == hash, ct))
                {
                    throw;
                }
            }
        }
    }

    private string? FindSeedFolder()
    {
        var configured = configuration["Seed:Folder"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Directory.Exists(configured) ? configured : null;
        }

        // Published and built apps carry seed-data beside the binaries; dotnet run from the repo also finds it upwards.
        foreach (var start in new[] { AppContext.BaseDirectory, environment.ContentRootPath })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "seed-data");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
