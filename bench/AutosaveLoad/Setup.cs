using System.Globalization;
using System.Text.Json.Nodes;

namespace AutosaveLoad;

/// <summary>One interviewer account and the scorecard it owns.</summary>
internal sealed record Seat(int Number, string Email, string UserId, int ScorecardId, int InterviewId);

/// <summary>What the setup created, through the public API only (as an admin): the numbers quoted in the report.</summary>
internal sealed record World(int KitId, int KitVersionId, IReadOnlyList<string> Competencies, int PositionId, IReadOnlyList<Seat> Seats);

/// <summary>
/// Builds the scenario: a published kit (one active question per hurdle competency, topped up to six questions),
/// <c>clients</c> interviewer accounts, a position, and one interview per pair of interviewers, so that every client
/// owns exactly one scorecard and no two clients share one.
/// </summary>
internal static class Setup
{
    public const int KitQuestions = 6;

    private static readonly string[] InterviewerRole = ["Interviewer"];

    public static async Task<World> CreateAsync(ApiClient admin, int clients, string password, string tag, CancellationToken ct)
    {
        if (clients < 2 || clients % 2 != 0)
        {
            throw new ArgumentException("Use an even number of clients: interviews have two interviewers each.", nameof(clients));
        }

        var (kitId, versionId, competencies) = await PublishedKitAsync(admin, tag, ct);
        var userIds = await InterviewersAsync(admin, clients, password, tag, ct);

        var position = await admin.PostAsync("/api/v1/positions", new { title = $"Peer Support Specialist (autosave bench {tag})", kitId }, ct);
        var positionId = Int(position, "id");

        var seats = new List<Seat>(clients);
        var scheduledAt = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        for (var pair = 0; pair < clients / 2; pair++)
        {
            var candidate = await admin.PostAsync("/api/v1/candidates", new
            {
                name = $"Bench Candidate {pair + 1:D2}",
                email = $"bench-candidate-{tag}-{pair + 1:D2}@example.org",
                positionId,
            }, ct);
            var panel = new[] { userIds[2 * pair], userIds[(2 * pair) + 1] };
            var interview = await admin.PostAsync("/api/v1/interviews", new
            {
                candidateId = Int(candidate, "id"),
                kitVersionId = versionId,
                scheduledAt,
                interviewerIds = panel,
            }, ct);
            var scorecards = interview["scorecards"]!.AsArray()
                .ToDictionary(s => s!["interviewerId"]!.GetValue<string>(), s => Int(s!, "id"), StringComparer.Ordinal);
            for (var i = 0; i < 2; i++)
            {
                var number = (2 * pair) + i + 1;
                seats.Add(new Seat(number, InterviewerEmail(tag, number), panel[i], scorecards[panel[i]], Int(interview, "id")));
            }
        }

        return new World(kitId, versionId, competencies, positionId, seats);
    }

    public static string InterviewerEmail(string tag, int number) => $"bench-interviewer-{tag}-{number:D2}@bench.test";

    private static async Task<(int KitId, int VersionId, List<string> Competencies)> PublishedKitAsync(ApiClient admin, string tag, CancellationToken ct)
    {
        // Publishing needs every hurdle competency covered, so take one active question per hurdle first.
        var hurdles = (await admin.GetAsync("/api/v1/competencies", ct)).AsArray()
            .Where(c => c!["isHurdle"]!.GetValue<bool>() && !c["isRetired"]!.GetValue<bool>())
            .Select(c => c!["code"]!.GetValue<string>())
            .ToList();
        var chosen = new List<(int Id, string Competency)>();
        foreach (var code in hurdles)
        {
            var page = await admin.GetAsync($"/api/v1/questions?competency={Uri.EscapeDataString(code)}&status=active&pageSize=5", ct);
            var first = page["items"]!.AsArray().FirstOrDefault(q => chosen.All(c => c.Id != Int(q!, "id")))
                ?? throw new InvalidOperationException($"No active question for the hurdle competency {code}.");
            chosen.Add((Int(first, "id"), code));
        }

        var others = await admin.GetAsync("/api/v1/questions?status=active&pageSize=50", ct);
        foreach (var question in others["items"]!.AsArray())
        {
            if (chosen.Count >= KitQuestions)
            {
                break;
            }

            if (chosen.All(c => c.Id != Int(question!, "id")))
            {
                chosen.Add((Int(question!, "id"), question!["competencyCode"]!.GetValue<string>()));
            }
        }

        var kit = await admin.PostAsync("/api/v1/kits", new { name = $"Autosave bench kit {tag}", role = "Peer Support Specialist", targetMinutes = 60 }, ct);
        var kitId = Int(kit, "kitId");
        for (var i = 0; i < chosen.Count; i++)
        {
            await admin.PostAsync($"/api/v1/kits/{kitId}/items", new
            {
                questionId = chosen[i].Id,
                section = i < chosen.Count / 2 ? "Opening" : "Lived experience",
                minutes = 8,
            }, ct);
        }

        var published = await admin.PostAsync($"/api/v1/kits/{kitId}/publish", new { }, ct);
        return (kitId, Int(published, "versionId"), [.. chosen.Select(c => c.Competency)]);
    }

    private static async Task<string[]> InterviewersAsync(ApiClient admin, int clients, string password, string tag, CancellationToken ct)
    {
        var ids = new string[clients];
        // Password hashing dominates; four at a time keeps setup short without starving the app.
        await Parallel.ForEachAsync(Enumerable.Range(1, clients), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (number, token) =>
        {
            var user = await admin.PostAsync("/api/v1/users", new
            {
                email = InterviewerEmail(tag, number),
                password,
                roles = InterviewerRole,
                displayName = $"Bench Interviewer {number:D2}",
            }, token);
            ids[number - 1] = user["id"]!.GetValue<string>();
        });
        return ids;
    }

    private static int Int(JsonNode node, string property) =>
        node[property]?.GetValue<int>() ?? throw new InvalidOperationException($"The response has no '{property}': {node.ToJsonString()}");
}
