using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Interviews;
using PeerInterview.Web.Kits;
using PeerInterview.Web.People;

namespace PeerInterview.Web.Seeding;

/// <summary>
/// Development demo: a published kit, a position, three candidates and one scheduled panel, so every page has something
/// to show. Runs once, when the database has no kits and no positions; goes through the same services as the UI.
/// </summary>
public sealed class DemoHiring(AppDbContext db, KitService kits, PositionService positions, CandidateService candidates, SchedulingService scheduling, TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (await db.Kits.AnyAsync(ct) || await db.Positions.AnyAsync(ct))
        {
            return;
        }

        var manager = await db.Users.Where(u => u.Email == DemoAccounts.All[1].Email).Select(u => u.Id).FirstOrDefaultAsync(ct);
        var interviewers = await db.Users.Where(u => u.Email == DemoAccounts.All[2].Email || u.Email == DemoAccounts.All[3].Email).Select(u => u.Id).ToListAsync(ct);
        if (manager is null || interviewers.Count < 2)
        {
            return;
        }

        var kit = await kits.CreateAsync("Peer Support Specialist — standard interview", "Peer Support Specialist", 60, manager, ct);
        if (kit.Value is not { } created)
        {
            return;
        }

        // Two active questions per competency, in framework order: behavioural ones first, situational ones as scenarios.
        var picks = await db.Questions.AsNoTracking()
            .Where(q => q.Status == QuestionStatus.Active && !q.HasLintWarning)
            .OrderBy(q => q.Competency!.SortOrder).ThenBy(q => q.Id)
            .Select(q => new { q.Id, q.CompetencyId, q.Type })
            .ToListAsync(ct);
        foreach (var pick in picks.GroupBy(p => p.CompetencyId).SelectMany(g => g.Take(2)))
        {
            await kits.AddItemAsync(created.KitId, pick.Id, pick.Type == QuestionType.Situational ? "Scenarios" : "Behavioural", 4, manager, ct);
        }

        var published = await kits.PublishAsync(created.KitId, manager, ct);
        var position = await positions.CreateAsync(new PositionInput("Peer Support Specialist", "Eastside Recovery Centre", manager, created.KitId), manager, ct);
        if (published.Value is null || position.Value is null)
        {
            return;
        }

        var people = new[] { ("Alex Rivera", "alex.rivera@example.org"), ("Sam Okafor", "sam.okafor@example.org"), ("Jordan Lee", "jordan.lee@example.org") };
        var first = (int?)null;
        foreach (var (name, email) in people)
        {
            var candidate = await candidates.CreateAsync(new CandidateInput(name, email, null, position.Value.Id), manager, ct);
            first ??= candidate.Value?.Id;
        }

        var tomorrow = clock.GetUtcNow().Date.AddDays(1).AddHours(10);
        await scheduling.ScheduleAsync(new ScheduleCommand(first, published.Value.VersionId, new DateTimeOffset(tomorrow, TimeSpan.Zero), interviewers, "Room 2"), manager, ct);
    }
}
