using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Import;
using PeerInterview.Web.Kits;
using PeerInterview.Web.Questions;

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
    StarterAnchors starterAnchors,
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
        if (!await db.Competencies.AnyAsync(ct))
        {
            db.Competencies.AddRange(DefaultCompetencies.Create());
            await db.SaveChangesAsync(ct);
            return;
        }

        // Databases from before competency anchors: fill the default competencies' anchors where they were never set
        // (null; a person who cleared them stored ""), so this is idempotent and never overwrites anyone's words.
        var defaults = DefaultCompetencies.Create().ToDictionary(c => c.Code);
        var codes = defaults.Keys.ToList();
        var unset = await db.Competencies
            .Where(c => codes.Contains(c.Code) && c.AnchorPoor == null && c.AnchorMeets == null && c.AnchorExcellent == null)
            .ToListAsync(ct);
        foreach (var competency in unset)
        {
            var d = defaults[competency.Code];
            (competency.AnchorPoor, competency.AnchorMeets, competency.AnchorExcellent) = (d.AnchorPoor, d.AnchorMeets, d.AnchorExcellent);
        }

        if (unset.Count > 0)
        {
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Filled in anchors for {Count} default competencies", unset.Count);
        }
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
        var folder = SeedFolder.Find(configuration, environment);
        if (folder is null)
        {
            logger.LogWarning("No seed-data folder found; the question bank starts empty");
            return;
        }

        var imported = new List<string>();
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
                imported.Add(hash);
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

        // A fresh bank starts anchored: the starter sets go to the questions just imported (an existing bank is offered
        // them on the question bank page instead).
        if (imported.Count > 0)
        {
            var anchored = await starterAnchors.ApplyAsync(userId: null, imported, ct);
            logger.LogInformation("Starter anchors applied to {Count} seeded questions", anchored);
        }
    }
}
