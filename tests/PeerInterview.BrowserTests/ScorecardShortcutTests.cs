using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace PeerInterview.BrowserTests;

/// <summary>
/// Single-key scoring shortcuts (WCAG 2.1.4): they act only with focus in the questions, never while typing or with focus
/// elsewhere, say what they did in a live region, and each person can turn them off (kept on the server).
/// </summary>
public class ScorecardShortcutTests
{
    [Fact]
    public async Task Shortcuts_ActOnlyOnAFocusedQuestion_AreAnnounced_AndCanBeTurnedOffForGood()
    {
        await using var app = await BrowserApp.StartAsync();
        var panel = await ScoringPanel.CreateAsync(app);
        var items = panel.KitItemIds;
        var page = await app.SignInAsync(ScoringPanel.Interviewer);
        await page.GotoAsync($"/Scorecards/{panel.FirstScorecardId}");
        await Assertions.Expect(page.Locator("#sc-progress-text")).ToHaveTextAsync($"0 of {items.Count} rated");
        var first = page.Locator($"#sc-item-{items[0]}");
        var pressed = first.Locator(".sc-rate[aria-pressed=true]");

        // Typing in the notes box: letters and digits are text, not shortcuts.
        await page.Locator($"#sc-notes-{items[0]}").FocusAsync();
        await page.Keyboard.TypeAsync("ok 4 now");
        await Assertions.Expect(page.Locator($"#sc-notes-{items[0]}")).ToHaveValueAsync("ok 4 now");
        await Assertions.Expect(pressed).ToHaveCountAsync(0);

        // Focus elsewhere on the page (the layout buttons): a digit does nothing.
        await page.Locator("#sc-view-all").FocusAsync();
        await page.Keyboard.PressAsync("4");
        await page.Keyboard.PressAsync("n");
        await Assertions.Expect(pressed).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#sc-progress-text")).ToHaveTextAsync($"0 of {items.Count} rated");

        // Focus on the question: 4 rates it and says so.
        await first.FocusAsync();
        await page.Keyboard.PressAsync("4");
        await Assertions.Expect(pressed).ToHaveAttributeAsync("data-value", "4");
        await Assertions.Expect(page.Locator("#sc-announce")).ToHaveTextAsync("Question 1 rated 4");
        await page.Keyboard.PressAsync("n");
        await Assertions.Expect(page.Locator("#sc-announce")).ToHaveTextAsync("Question 1 marked not observed");
        await Assertions.Expect(page.Locator("#sc-save")).ToContainTextAsync("Saved at");

        // Turned off by keyboard; the choice is the person's, kept on the server across a reload.
        await page.Locator("#sc-shortcuts").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("#sc-shortcuts")).Not.ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#sc-announce")).ToHaveTextAsync("Single-key shortcuts off");
        using var api = await ScoringPanel.ApiAsync(app, ScoringPanel.Interviewer);
        Assert.False((await api.GetFromJsonAsync<JsonElement>("/api/v1/me/preferences")).GetProperty("keyboardShortcuts").GetBoolean());

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#sc-progress-text")).ToHaveTextAsync($"1 of {items.Count} rated");
        await Assertions.Expect(page.Locator("#sc-shortcuts")).Not.ToBeCheckedAsync();
        var second = page.Locator($"#sc-item-{items[1]}");
        await page.Locator("#sc-view-all").ClickAsync();
        await second.FocusAsync();
        await page.Keyboard.PressAsync("4");
        await page.Keyboard.PressAsync("j");
        await Assertions.Expect(second.Locator(".sc-rate[aria-pressed=true]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#sc-progress-text")).ToHaveTextAsync($"1 of {items.Count} rated");

        // The buttons still work by Tab and Enter with shortcuts off.
        await second.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^4 ") }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(second.Locator(".sc-rate[aria-pressed=true]")).ToHaveAttributeAsync("data-value", "4");

        // Another interviewer's preference is their own.
        using var other = await ScoringPanel.ApiAsync(app, ScoringPanel.SecondInterviewer);
        Assert.True((await other.GetFromJsonAsync<JsonElement>("/api/v1/me/preferences")).GetProperty("keyboardShortcuts").GetBoolean());
    }
}
