using System.Net;
using System.Net.Http.Json;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Tests.Scoring;

namespace PeerInterview.Tests.Reports;

internal static class SubmittedPanels
{
    /// <summary>
    /// Both raters rate item 1 a 3 and item 2 a 4 and submit: question scores 3.0 and 4.0, overall 3.5 whichever
    /// competencies the items score, no hurdle below 3.0 → Recommend, "overall 3.50 is below 4.2".
    /// </summary>
    public static async Task<ScoringPanel> SubmittedPanelAsync(TestApp app, Func<ScoringPanel, Task>? beforeSubmit = null)
    {
        var p = await ScoringSetup.PanelAsync(app);
        await p.A.RatedAsync(p.CardA, p.Item1, 3, notes: "A: steady answer on item one");
        await p.A.RatedAsync(p.CardA, p.Item2, 4, notes: "A: concrete example on item two");
        await p.B.RatedAsync(p.CardB, p.Item1, 3, notes: "B: steady answer on item one");
        await p.B.RatedAsync(p.CardB, p.Item2, 4, notes: "B: concrete example on item two");
        if (beforeSubmit is not null)
        {
            await beforeSubmit(p);
        }

        foreach (var (client, card) in new[] { (p.A, p.CardA), (p.B, p.CardB) })
        {
            var view = await client.GetJsonAsync($"/api/v1/scorecards/{card}");
            var saved = await client.SummaryAsync(card, "Yes", "Would hire.", view.GetProperty("version").GetInt32());
            Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
            var submitted = await client.SubmitAsync(card);
            Assert.True(submitted.StatusCode == HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        }

        return p;
    }

    public static Task<HttpResponseMessage> ReviewAsync(this HttpClient client, int candidateId, string flag, string action, string? reason) =>
        client.PostAsJsonAsync($"/api/v1/candidates/{candidateId}/red-flags/{flag}/{action}", new { reason });
}
