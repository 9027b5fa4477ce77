using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.Pages;

public class BankPagesTests
{
    [Fact]
    public async Task Anonymous_IsSentToLogin()
    {
        using var app = new TestApp();
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/Questions");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginPage_ListsDemoAccounts_OnlyWhenDemoDataIsOn()
    {
        using var demo = new TestApp();
        using var production = new TestApp(settings: new() { ["Seed:DemoData"] = "false" });

        var withDemo = await Html.GetAsync(demo.CreateClient(), "/Account/Login");
        var without = await Html.GetAsync(production.CreateClient(), "/Account/Login");

        Assert.Contains("manager@demo.peerinterview.test", withDemo.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Demo accounts", without.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bank_Shows109Questions_AndReviewCount()
    {
        using var app = new TestApp();
        var client = await app.BrowserClientAsAsync(Roles.HiringManager);

        var page = await Html.GetAsync(client, "/Questions");

        Assert.Contains("109 questions", page.QuerySelector(".result-count")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(25, page.QuerySelectorAll("table.questions tbody tr").Length);
        Assert.Contains("23", page.QuerySelector("a[href='/Questions/Review']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_FindsTheSuicideQuestion()
    {
        using var app = new TestApp();
        var client = await app.BrowserClientAsAsync(Roles.Interviewer);

        var page = await Html.GetAsync(client, "/Questions?q=suicidal");

        Assert.Contains(page.QuerySelectorAll("table.questions tbody tr"), row => row.TextContent.Contains("D5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task QuestionPage_RendersMarkdown_WithoutRawHtml()
    {
        using var app = new TestApp();
        await app.WithScopeAsync(async db =>
        {
            var q = db.Questions.First(q => q.Id == 1);
            q.Guidance = "**Look for** <script>alert('x')</script> [click](javascript:alert(1))";
            return await db.SaveChangesAsync();
        });
        var client = await app.BrowserClientAsAsync(Roles.HR);

        var response = await client.GetAsync("/Questions/Details/1");
        var html = await response.Content.ReadAsStringAsync();
        var page = await Html.ParseAsync(response);

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".md strong"));
        Assert.DoesNotContain(page.QuerySelectorAll(".md a"), a => (a.GetAttribute("href") ?? "").StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Manager_EditsQuestion_ThroughTheForm()
    {
        using var app = new TestApp();
        var client = await app.BrowserClientAsAsync(Roles.HiringManager);
        var edit = await Html.GetAsync(client, "/Questions/Edit/2");

        var response = await Html.SubmitAsync(client, edit.QuerySelector<IHtmlFormElement>("form.edit-form")!, new()
        {
            ["Input.Text"] = "How do you earn the trust of someone who is wary of services?",
            ["Input.Competency"] = "D1",
            ["Input.AnchorMeets"] = "Describes listening before advising",
        });
        var details = await Html.GetAsync(client, "/Questions/Details/2");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("How do you earn the trust of someone who is wary of services?", details.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Describes listening before advising", details.QuerySelector(".anchors")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormPost_WithoutAntiforgeryToken_IsRejected()
    {
        using var app = new TestApp();
        var client = await app.BrowserClientAsAsync(Roles.HiringManager);

        var response = await client.PostAsync("/Questions/Edit/2", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Text"] = "Forged",
            ["Input.Competency"] = "D1",
            ["Input.Version"] = "0",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEqual("Forged", app.WithScope(db => db.Questions.First(q => q.Id == 2).Text));
    }

    [Theory]
    [InlineData(Roles.Interviewer)]
    [InlineData(Roles.HR)]
    public async Task ReadOnlyRoles_CannotOpenEditOrImport(string role)
    {
        using var app = new TestApp();
        var client = await app.BrowserClientAsAsync(role);

        var edit = await client.GetAsync("/Questions/Edit/2");
        var import = await client.GetAsync("/Import");

        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", edit.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/Account/AccessDenied", import.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewQueue_SaveMarksQuestionReviewed()
    {
        using var app = new TestApp();
        var client = await app.BrowserClientAsAsync(Roles.HiringManager);
        var queue = await Html.GetAsync(client, "/Questions/Review");
        var form = queue.QuerySelector<IHtmlFormElement>("form.inline-form")!;

        await Html.SubmitAsync(client, form, new() { ["text"] = "What would you do first for a peer in crisis?" });
        var after = await Html.GetAsync(client, "/Questions/Review");

        Assert.Equal(23, queue.QuerySelectorAll("article.review-item").Length);
        Assert.Equal(22, after.QuerySelectorAll("article.review-item").Length);
    }

    [Fact]
    public async Task Duplicates_MergeThroughThePage()
    {
        using var app = new TestApp();
        var client = await app.BrowserClientAsAsync(Roles.HiringManager);
        var page = await Html.GetAsync(client, "/Questions/Duplicates");
        var group = page.QuerySelectorAll("section.dup-group").First(s => s.TextContent.Contains("stay updated on best practices", StringComparison.OrdinalIgnoreCase));
        var rows = group.QuerySelectorAll("tbody tr").Length;

        var response = await Html.SubmitAsync(client, group.QuerySelector<IHtmlFormElement>("form")!, []);
        var after = await Html.GetAsync(client, response.Headers.Location!.ToString());

        Assert.Equal(3, rows);
        Assert.Equal(3, after.QuerySelectorAll(".sources li").Length);
    }

    [Fact]
    public async Task ImportPage_PreviewsThenConfirms()
    {
        using var app = new TestApp();
        var client = await app.BrowserClientAsAsync(Roles.HiringManager);
        var page = await Html.GetAsync(client, "/Import");
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent("1. How do you stay calm when a group session gets heated?\nHow to Answer: Describe de-escalation.\nExample: I lower my voice.\n"u8.ToArray()), "file", "group.txt" },
        };

        var preview = await Html.ParseAsync(await client.PostAsync("/Import?handler=Preview", upload));
        var confirm = await Html.SubmitAsync(client, preview.QuerySelector<IHtmlFormElement>("form.confirm")!, []);
        var bank = await Html.GetAsync(client, "/Questions?q=group%20session%20heated");

        Assert.Equal("1", preview.QuerySelector(".question-count")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Contains("1 question", bank.QuerySelector(".result-count")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportPage_ShowsTheReason_ForABinaryFile()
    {
        using var app = new TestApp();
        var client = await app.BrowserClientAsAsync(Roles.HiringManager);
        var page = await Html.GetAsync(client, "/Import");
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent([0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0, 0, 0, 0xFF, 0xFE, 0, 0]), "file", "kit.docx" },
        };

        var preview = await Html.ParseAsync(await client.PostAsync("/Import?handler=Preview", upload));

        Assert.Contains("Nothing was imported", preview.QuerySelector(".notice.danger")!.TextContent, StringComparison.Ordinal);
        Assert.Null(preview.QuerySelector("form.confirm"));
    }
}
