using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Tests.Scoring;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.Kits;

/// <summary>A published version freezes everything raters saw and the score depends on; later edits change no past record.</summary>
public class FrozenVersionTests
{
    [Fact]
    public async Task BankGlobalFlagAndFrameworkEdits_AfterSubmission_ChangeNoReportScorecardOrGuide()
    {
        using var app = new TestApp();
        var world = await FrozenVersionWorld.CreateAsync(app);
        var before = await world.SurfacesAsync();
        var report = await world.Manager.GetJsonAsync($"/api/v1/candidates/{world.CandidateId}/report");
        Assert.Equal("Recommend", report.GetProperty("band").GetString());
        var concern = Assert.Single(report.GetProperty("flags").EnumerateArray());
        Assert.Equal(FrozenVersionWorld.Concern, concern.GetProperty("text").GetString());
        Assert.Contains(FrozenVersionWorld.Meets, before["scorecard.json"], StringComparison.Ordinal);
        Assert.Contains("who decided", before["guide"], StringComparison.Ordinal);

        // The edit that used to turn "Recommend" into "Not recommended": the checked concern becomes a knock-out two raters checked.
        await world.EditQuestionAsync(world.FlaggedQuestionId, "Edited", severity: "KnockOut", competency: "D2");
        await world.EditGlobalRedFlagsAsync("Edited");
        await world.EditCompetencyAsync("D5", "Renamed");
        await world.EditCompetencyAsync("D1", "Renamed");
        await world.EditCompetencyAsync("D7", "Renamed");
        var after = await world.SurfacesAsync();

        var bank = await world.Manager.GetJsonAsync($"/api/v1/questions/{world.FlaggedQuestionId}");
        Assert.StartsWith("Edited", bank.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains(bank.GetProperty("redFlags").EnumerateArray(), f => f.GetProperty("severity").GetString() == "KnockOut" && f.GetProperty("id").GetInt32() == world.ConcernFlagId);
        foreach (var (surface, text) in before)
        {
            Assert.True(text == after[surface], $"{surface} changed after bank and framework edits:\n{text}\n---\n{after[surface]}");
        }
    }

    [Fact]
    public async Task ANewDraft_ReadsTheBankLive_AndItsPublication_FreezesTheNewWording_LeavingTheOldVersionAlone()
    {
        using var app = new TestApp();
        var world = await FrozenVersionWorld.CreateAsync(app);
        var before = await world.SurfacesAsync();

        await world.EditQuestionAsync(world.FlaggedQuestionId, "Reworded", severity: null, competency: null);
        var retimed = await world.Manager.PutAsJsonAsync($"/api/v1/kits/{world.KitId}/weights", new { targetMinutes = 45 });
        Assert.True(retimed.IsSuccessStatusCode, await retimed.Content.ReadAsStringAsync());
        var draft = await world.Manager.GetJsonAsync($"/api/v1/kits/{world.KitId}");
        var published = await Json.ReadAsync(await world.Manager.PostAsync($"/api/v1/kits/{world.KitId}/publish", null));
        var newGuide = await (await world.Manager.GetAsync($"/Guide/{published.GetProperty("versionId").GetInt32()}")).Content.ReadAsStringAsync();

        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        Assert.Contains("Reworded: what did you do", draft.ToString(), StringComparison.Ordinal);
        Assert.Contains("Reworded: what did you do", newGuide, StringComparison.Ordinal);
        Assert.Contains("Reworded guidance", newGuide, StringComparison.Ordinal);
        Assert.Contains("Reworded poor", newGuide, StringComparison.Ordinal);
        Assert.Contains("Reworded " + FrozenVersionWorld.Concern, newGuide, StringComparison.Ordinal);
        var after = await world.SurfacesAsync();
        Assert.Equal(before["guide"], after["guide"]);
        Assert.Equal(before["report.json"], after["report.json"]);
        Assert.Equal(before["scorecard.json"], after["scorecard.json"]);
    }

    [Fact]
    public async Task ARetiredGlobalFlag_StaysCheckable_OnAVersionPublishedWithIt_AndANewOneDoesNotAppear()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);
        var global = app.WithScope(db => db.RedFlags.Where(f => f.QuestionId == null && !f.IsRetired).OrderBy(f => f.Id).First());
        await app.WithScopeAsync(async db =>
        {
            await db.RedFlags.Where(f => f.Id == global.Id).ExecuteUpdateAsync(u => u.SetProperty(f => f.IsRetired, true).SetProperty(f => f.Text, "Reworded later"));
            db.RedFlags.Add(new RedFlag { Text = "Added to the bank later", Severity = RedFlagSeverity.KnockOut });
            return await db.SaveChangesAsync();
        });

        var saved = await p.A.FlagAsync(p.CardA, $"g{global.Id}", true, "Raised their voice");
        var view = await p.A.GetJsonAsync($"/api/v1/scorecards/{p.CardA}");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var globals = view.GetProperty("globalRedFlags").EnumerateArray().ToList();
        Assert.Contains(globals, f => f.GetProperty("key").GetString() == $"g{global.Id}" && f.GetProperty("text").GetString() == global.Text && f.GetProperty("checked").GetBoolean());
        Assert.DoesNotContain(globals, f => f.GetProperty("text").GetString() == "Added to the bank later");
    }

    [Fact]
    public async Task Publishing_WhenEveryCoveredCompetencyWeighsZero_Is400_NamingWhy()
    {
        using var app = new TestApp();
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);
        var created = await manager.PostAsJsonAsync("/api/v1/kits", new { name = "Weightless", role = "Peer Support Specialist", targetMinutes = 60 });
        var kitId = (await Json.ReadAsync(created)).GetProperty("kitId").GetInt32();
        foreach (var code in new[] { "D5", "D7" })
        {
            var page = await manager.GetJsonAsync($"/api/v1/questions?competency={code}&status=active&pageSize=2");
            foreach (var q in page.GetProperty("items").EnumerateArray())
            {
                (await manager.PostAsJsonAsync($"/api/v1/kits/{kitId}/items", new { questionId = q.GetProperty("id").GetInt32(), section = "Core", minutes = 5 })).EnsureSuccessStatusCode();
            }
        }

        var weights = await manager.PutAsJsonAsync($"/api/v1/kits/{kitId}/weights", new { weights = new Dictionary<string, double> { ["D5"] = 0, ["D7"] = 0, ["D1"] = 2 } });
        Assert.True(weights.IsSuccessStatusCode, await weights.Content.ReadAsStringAsync());

        var refused = await manager.PostAsync($"/api/v1/kits/{kitId}/publish", null);
        var problem = await ScoringSetup.ProblemAsync(refused, HttpStatusCode.BadRequest);
        var message = string.Join(" ", problem.GetProperty("errors").GetProperty("kit").EnumerateArray().Select(m => m.GetString()));

        Assert.Contains("weight 0", message, StringComparison.Ordinal);
        Assert.Contains("D5", message, StringComparison.Ordinal);
        Assert.Contains("D7", message, StringComparison.Ordinal);
        Assert.Equal("Draft", (await manager.GetJsonAsync($"/api/v1/kits/{kitId}")).GetProperty("status").GetString());

        (await manager.PutAsJsonAsync($"/api/v1/kits/{kitId}/weights", new { weights = new Dictionary<string, double> { ["D7"] = 1 } })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/v1/kits/{kitId}/publish", null)).StatusCode);
    }

    /// <summary>
    /// An upgrade: a version published by an older release carries only its question text and competency. Start-up
    /// freezes the rest once from the data as it stands, so the reports it already gave do not change, and later
    /// edits no longer reach it, including a flag a rater checked that the bank has retired since.
    /// </summary>
    [Fact]
    public async Task StartUp_BackfillsVersionsPublishedBeforeFreezing_SoTheirReportsStayAsTheyWere()
    {
        using var app = new TestApp();
        var world = await FrozenVersionWorld.CreateAsync(app);
        var before = await world.SurfacesAsync();
        await app.WithScopeAsync(async db =>
        {
            await db.FrozenRedFlags.Where(f => f.KitVersionId == world.VersionId).ExecuteDeleteAsync();
            await db.FrozenCompetencies.Where(c => c.KitVersionId == world.VersionId).ExecuteDeleteAsync();
            await db.KitItems.Where(i => i.KitVersionId == world.VersionId).ExecuteUpdateAsync(u => u
                .SetProperty(i => i.GuidanceSnapshot, (string?)null).SetProperty(i => i.PurposeSnapshot, (string?)null)
                .SetProperty(i => i.AnchorPoorSnapshot, (string?)null).SetProperty(i => i.AnchorMeetsSnapshot, (string?)null)
                .SetProperty(i => i.AnchorExcellentSnapshot, (string?)null).SetProperty(i => i.SecondaryCompetencyIdSnapshot, (int?)null));

            // Before the upgrade someone retired the flag both raters checked; the old report still showed it.
            await db.RedFlags.Where(f => f.Id == world.ConcernFlagId).ExecuteUpdateAsync(u => u.SetProperty(f => f.IsRetired, true));
            return await db.KitVersions.Where(v => v.Id == world.VersionId).ExecuteUpdateAsync(u => u.SetProperty(v => v.FrozenAt, (DateTimeOffset?)null));
        });

        using (var restarted = TestApp.SharingDatabaseOf(app))
        {
            _ = restarted.Services; // start-up back-fills
        }

        Assert.NotNull(app.WithScope(db => db.KitVersions.Single(v => v.Id == world.VersionId).FrozenAt));
        await world.EditQuestionAsync(world.FlaggedQuestionId, "Later", severity: "KnockOut", competency: "D2");
        await world.EditCompetencyAsync("D5", "Later");
        var after = await world.SurfacesAsync();
        Assert.Equal(before["report.json"], after["report.json"]);
        Assert.Equal(before["report.csv"], after["report.csv"]);
        Assert.Equal(before["position.json"], after["position.json"]);
        Assert.Equal(before["guide"], after["guide"]);
    }
}
