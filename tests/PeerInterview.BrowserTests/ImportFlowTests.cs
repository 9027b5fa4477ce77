using Microsoft.Playwright;

namespace PeerInterview.BrowserTests;

public class ImportFlowTests
{
    [Fact]
    public async Task Manager_UploadsPreviewsConfirms_AndFindsTheQuestionBySearch()
    {
        await using var app = await BrowserApp.StartAsync();
        var page = await app.SignInAsync("manager@demo.peerinterview.test");
        var document = Path.Combine(Path.GetTempPath(), $"kit-{Guid.NewGuid():N}.md");
        await File.WriteAllTextAsync(document, """
            # Evening group kit

            ### How would you welcome a newcomer who arrives late and anxious to an evening group?
            **Purpose:** Checks engagement under pressure.
            **Look for:** warmth, a quiet check-in, no public spotlight.
            **Red flags:** shames the person for being late

            ### What would you do if a group member discloses thoughts of self-harm during the session?
            **Look for:** pauses the group safely, stays with the person, follows the crisis protocol.
            **Competency:** D5
            """);

        try
        {
            await page.GotoAsync("/Import");
            await page.SetInputFilesAsync("input[type=file]", document);
            await page.GetByRole(AriaRole.Button, new() { Name = "Preview import" }).ClickAsync();

            await Assertions.Expect(page.Locator(".question-count")).ToHaveTextAsync("2");
            await Assertions.Expect(page.Locator(".preview-table")).ToContainTextAsync("welcome a newcomer who arrives late");

            await page.GetByRole(AriaRole.Button, new() { Name = "Import 2 questions" }).ClickAsync();
            await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Imported 2 questions");

            await page.GotoAsync("/Questions");
            await page.GetByRole(AriaRole.Searchbox).FillAsync("newcomer evening");
            await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();

            await Assertions.Expect(page.Locator(".result-count")).ToContainTextAsync("1 question");
            await page.GetByRole(AriaRole.Link, new() { Name = "How would you welcome a newcomer who arrives late and anxious to an evening group?" }).ClickAsync();
            await Assertions.Expect(page.Locator(".flags")).ToContainTextAsync("shames the person for being late");
        }
        finally
        {
            File.Delete(document);
        }
    }
}
