using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.Scoring;

public class ReopenPageTests
{
    [Fact]
    public async Task Manager_ReopensASubmittedScorecard_WithAReason_FromTheInterviewPage()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);
        await p.A.CompleteAndSubmitAsync(p, p.CardA);
        var manager = await app.BrowserClientAsAsync(Roles.HiringManager);
        var page = await Html.GetAsync(manager, $"/Interviews/{p.InterviewId}");
        var form = page.QuerySelector<IHtmlFormElement>("details.reopen form")!;

        var response = await Html.SubmitAsync(manager, form, new() { ["reason"] = "Rated question 2 against the wrong anchor" });
        var card = app.WithScope(db => db.Scorecards.Single(s => s.Id == p.CardA));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ScorecardState.Reopened, card.State);
        Assert.Equal("Rated question 2 against the wrong anchor", card.ReopenReason);
        Assert.True(app.WithScope(db => db.AuditEntries.Any(a => a.Action.Contains("reopen") && a.EntityId == p.CardA.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }
}
