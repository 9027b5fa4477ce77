using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Tests.Scoring;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.Kits;

/// <summary>
/// A kit published through the API whose first question has its own guidance, anchors and a concern red flag, and a
/// candidate both demo interviewers rated 4 on every item and flagged with that concern, then submitted: overall 4.0,
/// exactly one concern → Recommend. Everything is read back through the surfaces a user sees.
/// </summary>
internal sealed record FrozenVersionWorld(
    TestApp App,
    HttpClient Manager,
    HttpClient A,
    int KitId,
    int VersionId,
    int PositionId,
    int CandidateId,
    int CardA,
    int FlaggedQuestionId,
    int ConcernFlagId,
    IReadOnlyList<int> QuestionIds)
{
    public const string Guidance = "Listen for **who decided** what happened next.";
    public const string Poor = "Decides for the person without asking.";
    public const string Meets = "Asks what the person wants and follows it.";
    public const string Excellent = "Builds the plan with the person and checks back later.";
    public const string Concern = "Talks over the person supported";

    public static async Task<FrozenVersionWorld> CreateAsync(TestApp app)
    {
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);
        var questionIds = (await ActiveAsync(manager, "D5", 2)).Concat(await ActiveAsync(manager, "D7", 2)).Concat(await ActiveAsync(manager, "D1", 1)).ToList();
        var first = await manager.GetJsonAsync($"/api/v1/questions/{questionIds[0]}");
        var edited = await manager.PutAsJsonAsync($"/api/v1/questions/{questionIds[0]}", new
        {
            guidance = Guidance,
            anchorPoor = Poor,
            anchorMeets = Meets,
            anchorExcellent = Excellent,
            redFlags = new[] { new { text = Concern, severity = "Concern" } },
            version = first.GetProperty("version").GetInt32(),
        });
        Assert.True(edited.IsSuccessStatusCode, await edited.Content.ReadAsStringAsync());
        var concernId = (await Json.ReadAsync(edited)).GetProperty("redFlags").EnumerateArray().Single().GetProperty("id").GetInt32();

        var created = await manager.PostAsJsonAsync("/api/v1/kits", new { name = "Frozen kit", role = "Peer Support Specialist", targetMinutes = 60 });
        var kitId = (await Json.ReadAsync(created)).GetProperty("kitId").GetInt32();
        foreach (var id in questionIds)
        {
            var added = await manager.PostAsJsonAsync($"/api/v1/kits/{kitId}/items", new { questionId = id, section = "Behavioural", minutes = 5 });
            Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        }

        var published = await manager.PostAsync($"/api/v1/kits/{kitId}/publish", null);
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        var versionId = (await Json.ReadAsync(published)).GetProperty("versionId").GetInt32();

        var positionId = await TestData.PositionAsync(app, kitId: kitId);
        var candidateId = await TestData.CandidateAsync(app, positionId, "Robin Frozen");
        var a = await TestData.UserIdForRoleAsync(app, Roles.Interviewer);
        var b = await TestData.UserIdAsync(app, TestData.SecondInterviewerEmail);
        var scheduled = await manager.PostAsJsonAsync("/api/v1/interviews", new { candidateId, kitVersionId = versionId, scheduledAt = DateTimeOffset.UtcNow.AddDays(-1), interviewerIds = new[] { a, b } });
        Assert.True(scheduled.StatusCode == HttpStatusCode.Created, await scheduled.Content.ReadAsStringAsync());
        var cards = (await Json.ReadAsync(scheduled)).GetProperty("scorecards").EnumerateArray()
            .ToDictionary(c => c.GetProperty("interviewerId").GetString()!, c => c.GetProperty("id").GetInt32());

        var clientA = await app.ApiClientAsAsync(Roles.Interviewer);
        var clientB = await app.ApiClientAsync(TestData.SecondInterviewerEmail);
        foreach (var (client, card, who) in new[] { (clientA, cards[a], "A"), (clientB, cards[b], "B") })
        {
            var view = await client.GetJsonAsync($"/api/v1/scorecards/{card}");
            foreach (var item in view.GetProperty("items").EnumerateArray())
            {
                await client.RatedAsync(card, item.GetProperty("kitItemId").GetInt32(), 4, notes: $"{who}: a clear example");
            }

            Assert.Equal(HttpStatusCode.OK, (await client.FlagAsync(card, $"q{concernId}", true, $"{who}: interrupted twice")).StatusCode);
            var summary = await client.SummaryAsync(card, "Yes", $"{who} would hire.", (await client.GetJsonAsync($"/api/v1/scorecards/{card}")).GetProperty("version").GetInt32());
            Assert.True(summary.IsSuccessStatusCode, await summary.Content.ReadAsStringAsync());
            var submitted = await client.SubmitAsync(card);
            Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
        }

        return new FrozenVersionWorld(app, manager, clientA, kitId, versionId, positionId, candidateId, cards[a], questionIds[0], concernId, questionIds);
    }

    /// <summary>
    /// What users see of the submitted interview, one string per surface: the report as JSON and CSV, the position
    /// report, interviewer A's scorecard, the kit version as the API shows it and the interview guide's text.
    /// The time a report was generated is the only part left out.
    /// </summary>
    public async Task<Dictionary<string, string>> SurfacesAsync()
    {
        var guide = new HtmlParser().ParseDocument(await (await Manager.GetAsync($"/Guide/{VersionId}")).Content.ReadAsStringAsync());
        return new Dictionary<string, string>
        {
            ["report.json"] = WithoutGeneratedAt(await Manager.GetStringAsync($"/api/v1/candidates/{CandidateId}/report")),
            ["report.csv"] = await Manager.GetStringAsync($"/api/v1/candidates/{CandidateId}/report?format=csv"),
            ["position.json"] = WithoutGeneratedAt(await Manager.GetStringAsync($"/api/v1/positions/{PositionId}/report")),
            ["scorecard.json"] = await A.GetStringAsync($"/api/v1/scorecards/{CardA}"),
            ["version.json"] = await Manager.GetStringAsync($"/api/v1/kits/versions/{VersionId}"),
            ["guide"] = guide.QuerySelector(".guide")?.TextContent ?? throw new InvalidOperationException("The guide page has no .guide element."),
        };
    }

    public static string WithoutGeneratedAt(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        Assert.True(node.Remove("generatedAt"), "the report says when it was generated");
        return node.ToJsonString();
    }

    /// <summary>Edits the first question in the bank: text, guidance, anchors, its flag's text and severity, a new flag, its competency.</summary>
    public async Task EditQuestionAsync(int questionId, string tag, string? severity = "KnockOut", string? competency = "D2", bool dropFlags = false)
    {
        var current = await Manager.GetJsonAsync($"/api/v1/questions/{questionId}");
        var flags = current.GetProperty("redFlags").EnumerateArray()
            .Select(f => new { id = (int?)f.GetProperty("id").GetInt32(), text = $"{tag} {f.GetProperty("text").GetString()}", severity = severity ?? f.GetProperty("severity").GetString() })
            .ToList();
        var response = await Manager.PutAsJsonAsync($"/api/v1/questions/{questionId}", new
        {
            text = $"{tag}: what did you do when the plan changed?",
            purpose = $"{tag} purpose",
            guidance = $"{tag} guidance",
            anchorPoor = $"{tag} poor",
            anchorMeets = $"{tag} meets",
            anchorExcellent = $"{tag} excellent",
            competency,
            redFlags = (dropFlags ? flags.Take(0) : flags.Append(new { id = (int?)null, text = $"{tag} new flag", severity = (string?)"KnockOut" })).ToArray(),
            version = current.GetProperty("version").GetInt32(),
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Renames a competency and turns its hurdle status over, through the framework API.</summary>
    public async Task EditCompetencyAsync(string code, string tag)
    {
        var competency = (await Manager.GetJsonAsync("/api/v1/competencies")).EnumerateArray().Single(c => c.GetProperty("code").GetString() == code);
        var response = await Manager.PutAsJsonAsync($"/api/v1/competencies/{competency.GetProperty("id").GetInt32()}", new
        {
            name = $"{tag} {code}",
            isHurdle = !competency.GetProperty("isHurdle").GetBoolean(),
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Rewords every global red flag, turns its severity over, retires the first and adds a new one. There is no
    /// editor for global red flags yet (they come from imports), so this writes the bank directly as one would.
    /// </summary>
    public Task EditGlobalRedFlagsAsync(string tag) =>
        App.WithScopeAsync(async db =>
        {
            var flags = await db.RedFlags.Where(f => f.QuestionId == null && !f.IsRetired).OrderBy(f => f.Id).ToListAsync();
            foreach (var flag in flags)
            {
                flag.Text = $"{tag} {flag.Text}"[..Math.Min(TextLimits.RedFlagText, tag.Length + 1 + flag.Text.Length)];
                flag.Severity = flag.Severity == RedFlagSeverity.Concern ? RedFlagSeverity.KnockOut : RedFlagSeverity.Concern;
            }

            if (flags.Count > 0)
            {
                flags[0].IsRetired = true;
            }

            db.RedFlags.Add(new RedFlag { Text = $"{tag} a new global flag", Severity = RedFlagSeverity.KnockOut });
            return await db.SaveChangesAsync();
        });

    private static async Task<int[]> ActiveAsync(HttpClient client, string competency, int count)
    {
        var page = await client.GetJsonAsync($"/api/v1/questions?competency={competency}&status=active&pageSize={count}");
        return [.. page.GetProperty("items").EnumerateArray().Select(q => q.GetProperty("id").GetInt32())];
    }
}
