using Microsoft.Playwright;

namespace PeerInterview.BrowserTests;

/// <summary>A hiring manager goes from an empty kit to a scheduled panel interview in the browser.</summary>
public class KitToPanelFlowTests
{
    private static async Task SearchBankAsync(IPage page, string query)
    {
        await page.Locator("#bank-q").FillAsync(query);
        await page.Locator(".bank-search").GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.Locator("#bank-q")).ToHaveValueAsync(query);
    }

    private static async Task AddFromBankAsync(IPage page, string questionText)
    {
        var before = await page.Locator(".kit-item").CountAsync();
        var result = page.Locator(".bank-results li").Filter(new() { HasText = questionText });
        await result.GetByRole(AriaRole.Button, new() { NameString = "Add" }).ClickAsync();
        await Assertions.Expect(page.Locator(".kit-item")).ToHaveCountAsync(before + 1);
    }

    [Fact]
    public async Task Manager_BuildsKitFromBank_Reorders_Publishes_AndSchedulesAPanel()
    {
        await using var app = await BrowserApp.StartAsync();
        var page = await app.SignInAsync("manager@demo.peerinterview.test");

        // A new kit.
        await page.GotoAsync("/Kits");
        await page.GetByLabel("Name").FillAsync("Evening programme kit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create and open the builder" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Evening programme kit");

        // Build it from the bank by search.
        await SearchBankAsync(page, "boundaries");
        await AddFromBankAsync(page, "How do you maintain professional boundaries while providing peer support?");
        await AddFromBankAsync(page, "Why are professional boundaries important in peer support, and how do you maintain them?");
        await SearchBankAsync(page, "trust");
        await AddFromBankAsync(page, "How do you build trust with someone who is initially reluctant to open up?");

        var crisisWarning = page.Locator(".coverage-warnings li").Filter(new() { HasText = "D5 Crisis & safety is a hurdle" });
        await Assertions.Expect(crisisWarning).ToHaveCountAsync(1);

        // Reorder: keyboard (Alt+↑ on the third question) and the arrow button.
        var third = page.Locator(".kit-item").Nth(2);
        await Assertions.Expect(third).ToContainTextAsync("build trust");
        await third.FocusAsync();
        await page.Keyboard.PressAsync("Alt+ArrowUp");
        await Assertions.Expect(page.Locator(".kit-item").Nth(1)).ToContainTextAsync("build trust");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move question 2 up" }).ClickAsync();
        await Assertions.Expect(page.Locator(".kit-item").Nth(0)).ToContainTextAsync("build trust");

        // Adding a crisis question clears the hurdle warning.
        await SearchBankAsync(page, "suicidal thoughts");
        await AddFromBankAsync(page, "A peer is expressing suicidal thoughts. How would you handle this situation?");
        await Assertions.Expect(crisisWarning).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("tr[data-competency=D5] .questions-count")).ToHaveTextAsync("1");

        // Publish.
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish v1" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Published version 1");
        await Assertions.Expect(page.Locator(".badges").First).ToContainTextAsync("Published v1");

        // A position and a candidate.
        await page.GotoAsync("/Positions/Edit");
        await page.GetByLabel("Title").FillAsync("Evening Peer Support Specialist");
        await page.GetByLabel("Interview kit").SelectOptionAsync(new SelectOptionValue { Label = "Evening programme kit" });
        await page.Locator("form.edit-form button[type=submit]").ClickAsync();

        await page.GotoAsync("/Candidates/Edit");
        await page.GetByLabel("Name").FillAsync("Riley Candidate");
        await page.GetByLabel("Email").FillAsync("riley@example.org");
        await page.GetByLabel("Position").SelectOptionAsync(new SelectOptionValue { Label = "Evening Peer Support Specialist" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add candidate" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Riley Candidate");

        // Schedule a panel of two.
        await page.GetByRole(AriaRole.Link, new() { Name = "Schedule an interview" }).First.ClickAsync();
        await Assertions.Expect(page.GetByLabel("Interview kit (published versions)")).Not.ToHaveValueAsync("");
        await page.GetByLabel("Date and time (UTC)").FillAsync("2030-03-04T10:30");
        await page.Locator(".panel-picker label").Filter(new() { HasText = "interviewer@demo.peerinterview.test" }).Locator("input").CheckAsync();
        await page.Locator(".panel-picker label").Filter(new() { HasText = "interviewer2@demo.peerinterview.test" }).Locator("input").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule interview" }).ClickAsync();

        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Riley Candidate");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Evening programme kit");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Indy Interviewer");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Jordan Interviewer");

        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "peerinterview-scheduled.png"), FullPage = true });
    }
}
