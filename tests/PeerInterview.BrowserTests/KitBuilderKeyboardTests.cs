using System.Net.Http.Json;
using Microsoft.Playwright;

namespace PeerInterview.BrowserTests;

/// <summary>The kit builder by keyboard: focus stays where the person is after each search, add and move, and moves say where the question went.</summary>
public class KitBuilderKeyboardTests
{
    [Fact]
    public async Task SearchAddAndMove_KeepFocus_AndMovesAreAnnounced()
    {
        await using var app = await BrowserApp.StartAsync();
        using var api = await ScoringPanel.ApiAsync(app, DemoEmails.Manager);
        var kit = await ScoringPanel.ReadAsync(await api.PostAsJsonAsync("/api/v1/kits", new { name = "Keyboard kit", role = "Peer Support Specialist", targetMinutes = 30 }));
        var kitId = kit.GetProperty("kitId").GetInt32();
        var page = await app.SignInAsync(DemoEmails.Manager);
        await page.GotoAsync($"/Kits/Edit/{kitId}");
        var items = page.Locator(".kit-item");
        var announcer = page.Locator("#kit-announce");

        // Search: focus stays in the search box.
        await page.Locator("#bank-q").FocusAsync();
        await page.Keyboard.TypeAsync("crisis");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#workspace")).ToHaveAttributeAsync("aria-busy", "false");
        await Assertions.Expect(page.Locator("#bank-q")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#bank-q")).ToHaveValueAsync("crisis");

        // Add two questions with Enter on their Add buttons: each is announced where it landed.
        for (var added = 1; added <= 2; added++)
        {
            await page.Locator(".bank-results form button[type=submit]").First.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(items).ToHaveCountAsync(added);
            await Assertions.Expect(announcer).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"^Added as {(added == 1 ? "1st" : "2nd")} in "));
        }

        // Move the second up with its ↑ button: announced, and focus is back on that same question's ↑ button.
        var second = items.Nth(1);
        var secondId = await second.GetAttributeAsync("data-item-id");
        await second.GetByRole(AriaRole.Button, new() { Name = "Move question 2 up" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(items.First).ToHaveAttributeAsync("data-item-id", secondId!);
        await Assertions.Expect(announcer).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Moved to 1st in "));
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move question 1 up" })).ToBeFocusedAsync();

        // Alt+↓ on the focused question moves it back down; the question keeps focus.
        await items.First.FocusAsync();
        await page.Keyboard.PressAsync("Alt+ArrowDown");
        await Assertions.Expect(items.Nth(1)).ToHaveAttributeAsync("data-item-id", secondId!);
        await Assertions.Expect(announcer).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Moved to 2nd in "));
        await Assertions.Expect(page.Locator($".kit-item[data-item-id=\"{secondId}\"]")).ToBeFocusedAsync();
    }
}
