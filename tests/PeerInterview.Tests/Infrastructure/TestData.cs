using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Kits;

namespace PeerInterview.Tests.Infrastructure;

/// <summary>Builders with valid defaults for people and scheduling tests, written straight to the test's database.</summary>
public static class TestData
{
    public const string SecondInterviewerEmail = "interviewer2@demo.peerinterview.test";

    /// <summary>An interview kit with one version of <paramref name="status"/> (two items on seeded questions); returns the version.</summary>
    public static Task<KitVersionRef> PublishedKitVersionAsync(TestApp app, string name = "Peer Support Specialist kit", KitStatus status = KitStatus.Published, bool retired = false) =>
        app.WithScopeAsync(async db =>
        {
            var questionIds = await db.Questions.OrderBy(q => q.Id).Select(q => q.Id).Take(2).ToListAsync();
            var now = DateTimeOffset.UtcNow;
            var kit = new InterviewKit { Name = name, Role = "Peer Support Specialist", IsRetired = retired, CreatedAt = now };
            var version = new KitVersion { Number = 1, Status = status, CreatedAt = now, PublishedAt = status == KitStatus.Draft ? null : now };
            kit.Versions.Add(version);
            db.Kits.Add(kit);
            await db.SaveChangesAsync();

            var section = new KitSection { KitVersionId = version.Id, Name = "Core", Order = 0 };
            db.KitSections.Add(section);
            await db.SaveChangesAsync();
            db.KitItems.AddRange(questionIds.Select((q, i) => new KitItem { KitVersionId = version.Id, KitSectionId = section.Id, QuestionId = q, Order = i, Minutes = 10 }));
            await db.SaveChangesAsync();

            // Like publishing: a version that is not a draft carries its frozen copy of the bank.
            await KitFreezer.BackfillAsync(db, now);
            return new KitVersionRef(kit.Id, version.Id);
        });

    /// <summary>
    /// For set-ups that add flags or overrides to a version straight in the database after creating it: freezes the
    /// version again from the bank as it now stands, as if it had been published with them.
    /// </summary>
    public static Task RefreezeAsync(TestApp app, int versionId) =>
        app.WithScopeAsync(async db =>
        {
            await db.FrozenRedFlags.Where(f => f.KitVersionId == versionId).ExecuteDeleteAsync();
            await db.FrozenCompetencies.Where(c => c.KitVersionId == versionId).ExecuteDeleteAsync();
            await db.KitItems.Where(i => i.KitVersionId == versionId).ExecuteUpdateAsync(u => u
                .SetProperty(i => i.QuestionTextSnapshot, (string?)null)
                .SetProperty(i => i.CompetencyIdSnapshot, (int?)null));
            await db.KitVersions.Where(v => v.Id == versionId).ExecuteUpdateAsync(u => u.SetProperty(v => v.FrozenAt, (DateTimeOffset?)null));
            return await KitFreezer.BackfillAsync(db, DateTimeOffset.UtcNow);
        });

    /// <summary>Adds a version (draft by default) to an existing kit.</summary>
    public static Task<int> AddKitVersionAsync(TestApp app, int kitId, int number, KitStatus status) =>
        app.WithScopeAsync(async db =>
        {
            var version = new KitVersion { KitId = kitId, Number = number, Status = status, CreatedAt = DateTimeOffset.UtcNow };
            db.KitVersions.Add(version);
            await db.SaveChangesAsync();
            await KitFreezer.BackfillAsync(db, DateTimeOffset.UtcNow);
            return version.Id;
        });

    public static Task<int> PositionAsync(TestApp app, string title = "Peer Support Specialist", int? kitId = null, string? location = "Riverside Clinic") =>
        app.WithScopeAsync(async db =>
        {
            var position = new Position { Title = title, Location = location, KitId = kitId, CreatedAt = DateTimeOffset.UtcNow };
            db.Positions.Add(position);
            await db.SaveChangesAsync();
            return position.Id;
        });

    public static Task<int> CandidateAsync(TestApp app, int positionId, string name = "Sam Rivera", string? email = null, CandidateStage stage = CandidateStage.Applied) =>
        app.WithScopeAsync(async db =>
        {
            var candidate = new Candidate
            {
                Name = name,
                Email = email ?? $"{name.Replace(' ', '.').ToLowerInvariant()}@example.org",
                PositionId = positionId,
                Stage = stage,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Candidates.Add(candidate);
            await db.SaveChangesAsync();
            return candidate.Id;
        });

    public static Task<string> UserIdAsync(TestApp app, string email) =>
        app.WithScopeAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public static Task<string> UserIdForRoleAsync(TestApp app, string role) => UserIdAsync(app, Demo.EmailFor(role));

    /// <summary>A position using a published kit, an applied candidate for it, and the two demo interviewers' ids.</summary>
    public static async Task<Scenario> ScenarioAsync(TestApp app)
    {
        var kit = await PublishedKitVersionAsync(app);
        var positionId = await PositionAsync(app, kitId: kit.KitId);
        var candidateId = await CandidateAsync(app, positionId);
        var first = await UserIdForRoleAsync(app, Roles.Interviewer);
        var second = await UserIdAsync(app, SecondInterviewerEmail);
        return new Scenario(kit, positionId, candidateId, first, second);
    }
}

public sealed record KitVersionRef(int KitId, int VersionId);

public sealed record Scenario(KitVersionRef Kit, int PositionId, int CandidateId, string InterviewerId, string SecondInterviewerId);
