using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.Interviews;

public class InterviewPagesTests
{
    [Fact]
    public async Task Manager_SchedulesThroughTheForm_WithTheKitVersionPreselected()
    {
        using var app = new TestApp();
        var s = await TestData.ScenarioAsync(app);
        var client = await app.BrowserClientAsAsync(Roles.HiringManager);
        var page = await Html.GetAsync(client, $"/Interviews/Schedule?candidateId={s.CandidateId}");
        var form = page.QuerySelector<IHtmlFormElement>("form.schedule-form")!;
        Tick(form, s.InterviewerId, s.SecondInterviewerId);

        var preselected = form.QuerySelector<IHtmlSelectElement>("#Input_KitVersionId")!.Value;
        var response = await Html.SubmitAsync(client, form, new() { ["Input.ScheduledAt"] = "2030-05-01T14:30", ["Input.Location"] = "Room 2" });
        var interview = await app.WithScopeAsync(db => db.Interviews.Include(i => i.Scorecards).SingleAsync());
        var details = await Html.GetAsync(client, response.Headers.Location!.OriginalString);

        Assert.Equal(s.Kit.VersionId.ToString(), preselected);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Interviews/{interview.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(new DateTimeOffset(2030, 5, 1, 14, 30, 0, TimeSpan.Zero), interview.ScheduledAt);
        Assert.Equal("Room 2", interview.Location);
        Assert.Equal(2, interview.Scorecards.Count);
        Assert.All(interview.Scorecards, c => Assert.Equal(ScorecardState.Draft, c.State));
        Assert.Equal(CandidateStage.Interviewing, app.WithScope(db => db.Candidates.Single(c => c.Id == s.CandidateId).Stage));
        Assert.Contains("Wed 1 May 2030, 14:30 UTC", details.QuerySelector(".facts")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Peer Support Specialist kit", details.QuerySelector(".facts")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduleForm_WithOneInterviewer_NeedsScheduleAnyway()
    {
        using var app = new TestApp();
        var s = await TestData.ScenarioAsync(app);
        var client = await app.BrowserClientAsAsync(Roles.HiringManager);
        var page = await Html.GetAsync(client, $"/Interviews/Schedule?candidateId={s.CandidateId}");
        var form = page.QuerySelector<IHtmlFormElement>("form.schedule-form")!;
        Tick(form, s.InterviewerId);

        var refused = await Html.SubmitAsync(client, form, new() { ["Input.ScheduledAt"] = "2030-05-01T14:30" });
        var again = await Html.ParseAsync(refused);
        var retry = again.QuerySelector<IHtmlFormElement>("form.schedule-form")!;
        var accepted = await Html.SubmitAsync(client, retry, new() { ["Input.ScheduleAnyway"] = "true" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.False(again.QuerySelector("#one-interviewer")!.HasAttribute("hidden"));
        Assert.Contains("two submitted scorecards", again.QuerySelector("#one-interviewer")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(1, app.WithScope(db => db.Scorecards.Count()));
    }

    [Fact]
    public async Task ScheduleForm_ShowsFieldErrors_AndSavesNothing()
    {
        using var app = new TestApp();
        var s = await TestData.ScenarioAsync(app);
        var draft = await TestData.PublishedKitVersionAsync(app, "Draft kit", KitStatus.Draft);
        var client = await app.BrowserClientAsAsync(Roles.HiringManager);
        var page = await Html.GetAsync(client, "/Interviews/Schedule");
        var form = page.QuerySelector<IHtmlFormElement>("form.schedule-form")!;
        Tick(form, s.InterviewerId, s.SecondInterviewerId);

        var response = await Html.SubmitAsync(client, form, new() { ["Input.CandidateId"] = s.CandidateId.ToString(), ["Input.KitVersionId"] = draft.VersionId.ToString() });
        var result = await Html.ParseAsync(response);
        var errors = result.QuerySelectorAll(".field-error").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose the date and time of the interview.", errors);
        Assert.Null(result.QuerySelector($"#Input_KitVersionId option[value='{draft.VersionId}']"));
        Assert.Equal(0, app.WithScope(db => db.Interviews.Count()));
    }

    [Fact]
    public async Task ScheduleForm_PostedWithoutAntiforgeryToken_IsRejected()
    {
        using var app = new TestApp();
        var s = await TestData.ScenarioAsync(app);
        var client = await app.BrowserClientAsAsync(Roles.HiringManager);

        var response = await client.PostAsync("/Interviews/Schedule", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.CandidateId"] = s.CandidateId.ToString(),
            ["Input.KitVersionId"] = s.Kit.VersionId.ToString(),
            ["Input.ScheduledAt"] = "2030-05-01T14:30",
            ["Input.InterviewerIds"] = s.InterviewerId,
            ["Input.ScheduleAnyway"] = "true",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, app.WithScope(db => db.Interviews.Count()));
    }

    [Theory]
    [InlineData(Roles.Interviewer)]
    [InlineData(Roles.HR)]
    public async Task ReadOnlyRoles_CannotOpenTheSchedulingForm(string role)
    {
        using var app = new TestApp();
        var client = await app.BrowserClientAsAsync(role);

        var response = await client.GetAsync("/Interviews/Schedule");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manager_ChangesThePanel_AndCancels_FromTheInterviewPage()
    {
        using var app = new TestApp();
        var s = await TestData.ScenarioAsync(app);
        var id = (await SchedulingApiTests.ScheduledAsync(app, s, s.InterviewerId)).GetProperty("id").GetInt32();
        var client = await app.BrowserClientAsAsync(Roles.HiringManager);

        var page = await Html.GetAsync(client, $"/Interviews/{id}");
        await Html.SubmitAsync(client, page.QuerySelector<IHtmlFormElement>("form.inline-add")!, new() { ["interviewerId"] = s.SecondInterviewerId });
        page = await Html.GetAsync(client, $"/Interviews/{id}");
        var added = page.QuerySelectorAll("table.panel tbody tr").Length;
        var remove = page.QuerySelectorAll<IHtmlFormElement>("form[action*='handler=RemoveInterviewer']")
            .Single(f => f.QuerySelector<IHtmlInputElement>("input[name=interviewerId]")!.Value == s.InterviewerId);
        await Html.SubmitAsync(client, remove, []);
        page = await Html.GetAsync(client, $"/Interviews/{id}");
        var afterRemove = page.QuerySelectorAll("table.panel tbody tr").Select(r => r.TextContent).ToList();
        await Html.SubmitAsync(client, page.QuerySelector<IHtmlFormElement>("form[action*='handler=Cancel']")!, []);
        page = await Html.GetAsync(client, $"/Interviews/{id}");

        Assert.Equal(2, added);
        Assert.Contains("Jordan Interviewer", Assert.Single(afterRemove), StringComparison.Ordinal);
        Assert.Contains("Cancelled", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form.inline-add"));
        Assert.Equal(["interview.interviewer.add", "interview.interviewer.remove", "interview.cancel"],
            app.WithScope(db => db.AuditEntries.Where(a => a.EntityType == "Interview" && a.Action != "interview.schedule").OrderBy(a => a.Id).Select(a => a.Action).ToList()));
    }

    [Fact]
    public async Task AssignedInterviewer_CannotCancelThroughThePage()
    {
        using var app = new TestApp();
        var s = await TestData.ScenarioAsync(app);
        var id = (await SchedulingApiTests.ScheduledAsync(app, s)).GetProperty("id").GetInt32();
        var manager = await app.BrowserClientAsAsync(Roles.HiringManager);
        var managerPage = await Html.GetAsync(manager, $"/Interviews/{id}");
        var interviewer = await app.BrowserClientAsAsync(Roles.Interviewer);
        var token = (await Html.GetAsync(interviewer, $"/Interviews/{id}")).QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;

        var response = await interviewer.PostAsync($"/Interviews/{id}?handler=Cancel", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.NotNull(managerPage.QuerySelector("form[action*='handler=Cancel']"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.False(app.WithScope(db => db.Interviews.Single().IsCancelled));
    }

    private static void Tick(IHtmlFormElement form, params string[] interviewerIds)
    {
        foreach (var box in form.QuerySelectorAll<IHtmlInputElement>("input[name='Input.InterviewerIds']"))
        {
            box.IsChecked = interviewerIds.Contains(box.Value);
        }
    }
}
