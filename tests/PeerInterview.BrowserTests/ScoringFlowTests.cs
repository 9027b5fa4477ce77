using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace PeerInterview.BrowserTests;

/// <summary>The interviewer's live scorecard page: keyboard scoring, offline autosave, two tabs, submit, the blind rule.</summary>
public class ScoringFlowTests
{
    private static ILocator Item(IPage page, int kitItemId) => page.Locator($"#sc-item-{kitItemId}");

    private static ILocator Pressed(IPage page, int kitItemId) => Item(page, kitItemId).Locator(".sc-rate[aria-pressed=true]");

    private static ILocator SaveStatus(IPage page) => page.Locator("#sc-save");

    private static async Task OpenScorecardAsync(IPage page, int scorecardId, int items)
    {
        await page.GotoAsync($"/Scorecards/{scorecardId}");
        await Assertions.Expect(page.Locator("#sc-progress-text")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"^\\d+ of {items} rated$"));
    }

    private static async Task<JsonElement> ServerViewAsync(BrowserApp app, string email, int scorecardId)
    {
        using var api = await ScoringPanel.ApiAsync(app, email);
        return await api.GetFromJsonAsync<JsonElement>($"/api/v1/scorecards/{scorecardId}");
    }

    /// <summary>Waits until the service worker controls the page and holds its HTML and JSON (evaluate awaits the promise; polling does not).</summary>
    private static async Task WaitUntilKeptForOfflineAsync(IPage page, int scorecardId)
    {
        var script = $$"""
            async () => !!navigator.serviceWorker.controller
                && !!(await caches.match(location.href)) && !!(await caches.match(location.origin + '/api/v1/scorecards/{{scorecardId}}'))
            """;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await page.EvaluateAsync<bool>(script))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The service worker did not keep the scorecard for offline use within 10 seconds.");
    }

    private static JsonElement RatingOf(JsonElement view, int kitItemId) =>
        view.GetProperty("items").EnumerateArray().First(i => i.GetProperty("kitItemId").GetInt32() == kitItemId).GetProperty("rating");

    [Fact]
    public async Task Interviewer_ScoresTheWholeKitByKeyboard_KeepsWorkingOffline_AndSubmits()
    {
        await using var app = await BrowserApp.StartAsync();
        var panel = await ScoringPanel.CreateAsync(app);
        var items = panel.KitItemIds;
        var page = await app.SignInAsync(ScoringPanel.Interviewer);
        await OpenScorecardAsync(page, panel.FirstScorecardId, items.Count);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Casey Candidate");

        // Every question by keyboard: a rating key, evidence notes (E … Esc) for the extremes, J to move on.
        var keys = new[] { "5", "3", "n", "4", "1", "2", "3" };
        for (var i = 0; i < items.Count; i++)
        {
            await Assertions.Expect(Item(page, items[i])).ToBeVisibleAsync();
            await page.Keyboard.PressAsync(keys[i]);
            if (keys[i] is "1" or "5")
            {
                await page.Keyboard.PressAsync("e");
                await Assertions.Expect(page.Locator($"#sc-notes-{items[i]}")).ToBeFocusedAsync();
                await page.Keyboard.TypeAsync($"Evidence for question {i + 1}: a specific example.");
                await page.Keyboard.PressAsync("Escape");
            }

            await Assertions.Expect(page.Locator("#sc-progress-text")).ToHaveTextAsync($"{i + 1} of {items.Count} rated");
            if (i < items.Count - 1)
            {
                await page.Keyboard.PressAsync("j");
            }
        }

        await Assertions.Expect(Pressed(page, items[2])).ToHaveAttributeAsync("data-value", "n");
        await page.Keyboard.PressAsync("k");
        await Assertions.Expect(Item(page, items[5])).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(Item(page, items[6])).ToBeVisibleAsync();

        // The help overlay lists the keys.
        await page.Keyboard.PressAsync("?");
        await Assertions.Expect(page.Locator("#sc-help")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#sc-help")).ToContainTextAsync("Not observed");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("#sc-help")).ToBeHiddenAsync();

        // A ticked red flag without evidence and no recommendation: submit lists both, and each link jumps to its field.
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Poor communication skills" }).CheckAsync();
        await page.Locator("#sc-submit").ClickAsync();
        var missing = page.Locator("#sc-submit-errors");
        await Assertions.Expect(missing).ToBeVisibleAsync();
        await Assertions.Expect(missing.Locator("li")).ToHaveCountAsync(2);
        await missing.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Red flag") }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Evidence for red flag: Poor communication skills")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Talked over the panel twice.");
        await page.Keyboard.PressAsync("Escape");
        await missing.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Recommendation") }).ClickAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Yes", Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Yes", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(SaveStatus(page)).ToContainTextAsync("Saved at");

        // The service worker keeps the page and its JSON for a reload while offline.
        await WaitUntilKeptForOfflineAsync(page, panel.FirstScorecardId);

        // Offline: keep rating and typing; the page says so and keeps everything on the device.
        await page.Context.SetOfflineAsync(true);
        await Assertions.Expect(SaveStatus(page)).ToContainTextAsync("Offline");
        await Item(page, items[6]).FocusAsync(); // shortcuts act only with focus in the questions, not on the recommendation
        await page.Keyboard.PressAsync("k");
        await Assertions.Expect(Item(page, items[5])).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("4");
        await page.Keyboard.PressAsync("e");
        await page.Keyboard.TypeAsync("Typed while the Wi-Fi was down.");
        await page.Keyboard.PressAsync("Escape");
        await page.Locator("#sc-summary").FillAsync("Warm, specific, honest about limits.");
        await Assertions.Expect(SaveStatus(page)).ToHaveTextAsync("Offline — changes kept on this device, will retry");

        // A reload while still offline shows the unsent changes.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#sc-progress-text")).ToHaveTextAsync($"{items.Count} of {items.Count} rated");
        await Assertions.Expect(Pressed(page, items[5])).ToHaveAttributeAsync("data-value", "4");
        await Assertions.Expect(page.Locator($"#sc-notes-{items[5]}")).ToHaveValueAsync("Typed while the Wi-Fi was down.");
        await Assertions.Expect(page.Locator("#sc-summary")).ToHaveValueAsync("Warm, specific, honest about limits.");
        await Assertions.Expect(SaveStatus(page)).ToContainTextAsync("Offline");

        // Back online: the queue goes out in order and the page says saved.
        await page.Context.SetOfflineAsync(false);
        await Assertions.Expect(SaveStatus(page)).ToContainTextAsync("Saved at", new() { Timeout = 15000 });

        var saved = await ServerViewAsync(app, ScoringPanel.Interviewer, panel.FirstScorecardId);
        Assert.Equal(4, RatingOf(saved, items[5]).GetProperty("value").GetInt32());
        Assert.Equal("Typed while the Wi-Fi was down.", RatingOf(saved, items[5]).GetProperty("notes").GetString());
        Assert.Equal("Warm, specific, honest about limits.", saved.GetProperty("summary").GetString());
        Assert.Equal("Yes", saved.GetProperty("recommendation").GetString());

        // A reload shows everything from the server.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#sc-progress-text")).ToHaveTextAsync($"{items.Count} of {items.Count} rated");
        var expected = new[] { "5", "3", "n", "4", "1", "4", "3" };
        for (var i = 0; i < items.Count; i++)
        {
            await Assertions.Expect(Pressed(page, items[i])).ToHaveAttributeAsync("data-value", expected[i]);
        }

        await Assertions.Expect(page.Locator($"#sc-notes-{items[0]}")).ToHaveValueAsync("Evidence for question 1: a specific example.");
        await Assertions.Expect(page.Locator($"#sc-notes-{items[4]}")).ToHaveValueAsync("Evidence for question 5: a specific example.");
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Poor communication skills" })).ToBeCheckedAsync();

        // Submit: read-only from then on, with the panel's submitted scorecards below.
        await page.Locator("#sc-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#sc-banner")).ToContainTextAsync("Submitted");
        await Assertions.Expect(SaveStatus(page)).ToHaveTextAsync("Submitted — read-only");
        var editable = page.Locator("#scorecard button.sc-rate:enabled, #scorecard input:not([type=hidden]):not(#sc-shortcuts):enabled, #scorecard textarea:enabled, #sc-recommendation button:enabled");
        var stillEditable = await editable.EvaluateAllAsync<string[]>("els => els.map(e => e.outerHTML.slice(0, 120))");
        Assert.True(stillEditable.Length == 0, string.Join("\n", stillEditable));
        await Assertions.Expect(page.Locator($"#sc-item-{items[0]} .sc-notes-box .sc-readonly-text")).ToContainTextAsync("Evidence for question 1");
        await Assertions.Expect(page.Locator("#sc-panel")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("3");
        await Assertions.Expect(Pressed(page, items[5])).ToHaveAttributeAsync("data-value", "4");

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#sc-banner")).ToContainTextAsync("Submitted");
        Assert.Equal("Submitted", (await ServerViewAsync(app, ScoringPanel.Interviewer, panel.FirstScorecardId)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task TwoPagesOnOneScorecard_TheStaleWriteShowsBothVersions_AndTheChoiceIsSaved()
    {
        await using var app = await BrowserApp.StartAsync();
        var panel = await ScoringPanel.CreateAsync(app);
        var first = panel.KitItemIds[0];
        var pageA = await app.SignInAsync(ScoringPanel.Interviewer);
        var pageB = await app.SignInAsync(ScoringPanel.Interviewer);
        await OpenScorecardAsync(pageA, panel.FirstScorecardId, panel.KitItemIds.Count);
        await OpenScorecardAsync(pageB, panel.FirstScorecardId, panel.KitItemIds.Count);

        await pageA.Keyboard.PressAsync("4");
        await Assertions.Expect(SaveStatus(pageA)).ToContainTextAsync("Saved at");

        // B loaded before A's save: its 2 is stale, so B is asked, with both versions on screen.
        await pageB.Keyboard.PressAsync("2");
        var conflict = pageB.Locator("#sc-conflict");
        await Assertions.Expect(conflict).ToBeVisibleAsync();
        await Assertions.Expect(pageB.Locator("#sc-conflict-theirs")).ToHaveTextAsync("4, no notes");
        await Assertions.Expect(pageB.Locator("#sc-conflict-mine")).ToHaveTextAsync("2, no notes");
        await Assertions.Expect(SaveStatus(pageB)).ToContainTextAsync("Changed elsewhere");
        var stillFour = await ServerViewAsync(app, ScoringPanel.Interviewer, panel.FirstScorecardId);
        Assert.Equal(4, RatingOf(stillFour, first).GetProperty("value").GetInt32());

        await conflict.GetByRole(AriaRole.Button, new() { Name = "Keep mine" }).ClickAsync();
        await Assertions.Expect(conflict).ToBeHiddenAsync();
        await Assertions.Expect(SaveStatus(pageB)).ToContainTextAsync("Saved at");
        var kept = await ServerViewAsync(app, ScoringPanel.Interviewer, panel.FirstScorecardId);
        Assert.Equal(2, RatingOf(kept, first).GetProperty("value").GetInt32());

        // Now A is stale: its notes meet B's 2; A takes theirs.
        await pageA.Keyboard.PressAsync("e");
        await pageA.Keyboard.TypeAsync("Seen from A");
        await pageA.Keyboard.PressAsync("Escape");
        var conflictA = pageA.Locator("#sc-conflict");
        await Assertions.Expect(conflictA).ToBeVisibleAsync();
        await Assertions.Expect(pageA.Locator("#sc-conflict-theirs")).ToHaveTextAsync("2, no notes");
        await Assertions.Expect(pageA.Locator("#sc-conflict-mine")).ToHaveTextAsync("4, notes “Seen from A”");
        await conflictA.GetByRole(AriaRole.Button, new() { Name = "Use theirs" }).ClickAsync();
        await Assertions.Expect(conflictA).ToBeHiddenAsync();
        await Assertions.Expect(Pressed(pageA, first)).ToHaveAttributeAsync("data-value", "2");
        await Assertions.Expect(pageA.Locator($"#sc-notes-{first}")).ToHaveValueAsync("");
        await Assertions.Expect(SaveStatus(pageA)).ToContainTextAsync("Saved at");

        var final = RatingOf(await ServerViewAsync(app, ScoringPanel.Interviewer, panel.FirstScorecardId), first);
        Assert.Equal(2, final.GetProperty("value").GetInt32());
        Assert.Equal(JsonValueKind.Null, final.GetProperty("notes").ValueKind);

        // Both pages agree after a reload.
        await pageA.ReloadAsync();
        await Assertions.Expect(Pressed(pageA, first)).ToHaveAttributeAsync("data-value", "2");
    }

    [Fact]
    public async Task AnotherPanelMembersDraftNotes_NeverReachThePageSourceOrItsJson()
    {
        const string Secret = "SECRET-NOTE-123";
        await using var app = await BrowserApp.StartAsync();
        var panel = await ScoringPanel.CreateAsync(app);
        using (var first = await ScoringPanel.ApiAsync(app, ScoringPanel.Interviewer))
        {
            await ScoringPanel.ReadAsync(await first.PutAsJsonAsync(
                $"/api/v1/scorecards/{panel.FirstScorecardId}/ratings/{panel.KitItemIds[0]}", new { value = 2, notObserved = false, notes = Secret, version = 0 }));
            await ScoringPanel.ReadAsync(await first.PutAsJsonAsync(
                $"/api/v1/scorecards/{panel.FirstScorecardId}/red-flags/{panel.ItemFlagKey}", new { @checked = true, evidence = Secret, version = 0 }));
            await ScoringPanel.ReadAsync(await first.PutAsJsonAsync(
                $"/api/v1/scorecards/{panel.FirstScorecardId}", new { recommendation = "No", summary = Secret, version = 0 }));
        }

        // The owner's own page does load it: the check below would notice a leak.
        var owner = await app.SignInAsync(ScoringPanel.Interviewer);
        var ownJson = owner.WaitForResponseAsync(r => r.Url.EndsWith($"/api/v1/scorecards/{panel.FirstScorecardId}", StringComparison.Ordinal));
        await OpenScorecardAsync(owner, panel.FirstScorecardId, panel.KitItemIds.Count);
        Assert.Contains(Secret, await (await ownJson).TextAsync(), StringComparison.Ordinal);

        // The second interviewer's own scorecard: neither the HTML nor the JSON it loads carries the first one's notes.
        var second = await app.SignInAsync(ScoringPanel.SecondInterviewer);
        var json = second.WaitForResponseAsync(r => r.Url.EndsWith($"/api/v1/scorecards/{panel.SecondScorecardId}", StringComparison.Ordinal));
        var html = await second.GotoAsync($"/Scorecards/{panel.SecondScorecardId}");
        Assert.Equal(200, html!.Status);
        var loaded = await json;
        Assert.Equal(200, loaded.Status);
        var body = await loaded.TextAsync();
        Assert.Contains("Casey Candidate", body, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, await html.TextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(second.Locator("#sc-progress-text")).ToHaveTextAsync($"0 of {panel.KitItemIds.Count} rated");
        Assert.DoesNotContain(Secret, await second.ContentAsync(), StringComparison.Ordinal);

        // Nor can they open the first interviewer's scorecard, as a page or through the API.
        var foreign = await second.GotoAsync($"/Scorecards/{panel.FirstScorecardId}");
        Assert.Equal((int)HttpStatusCode.NotFound, foreign!.Status);
        Assert.DoesNotContain(Secret, await foreign.TextAsync(), StringComparison.Ordinal);
        var foreignJson = await second.APIRequest.GetAsync($"/api/v1/scorecards/{panel.FirstScorecardId}");
        Assert.Equal((int)HttpStatusCode.NotFound, foreignJson.Status);
        Assert.DoesNotContain(Secret, await foreignJson.TextAsync(), StringComparison.Ordinal);
    }
}
