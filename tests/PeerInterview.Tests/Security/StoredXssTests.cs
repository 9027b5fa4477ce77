using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Tests.Interviews;
using PeerInterview.Tests.Scoring;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.Security;

/// <summary>Hostile text stored through every way in renders as text on every page, in JSON and in the guide PDF.</summary>
public class StoredXssTests
{
    private static readonly string ImportedDocument = $"""
        ### Tell us about a time you helped a peer {Xss.Script} {Xss.Img}?
        **Purpose:** Checks {Xss.Script} and {Xss.JsLink}
        **Look for:** {Xss.Img} {Xss.JsLink} {Xss.Svg} {Xss.Script}
        **Sample answer:** {Xss.Script} {Xss.JsLink} {Xss.Img}
        **Red flags:** {Xss.Img} promises to keep it secret
        **Competency:** D5
        """;

    [Fact]
    public async Task ImportedDocument_ShowsAsText_OnTheBankPagesAndInJson()
    {
        using var app = new TestApp();
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);
        var browser = await app.BrowserClientAsAsync(Roles.HiringManager);

        var imported = await manager.ImportAsync(ImportedDocument, "hostile.md", dryRun: false);
        Assert.True(imported.StatusCode == HttpStatusCode.Created, await imported.Content.ReadAsStringAsync());
        var documentId = (await Json.ReadAsync(imported)).GetProperty("documentId").GetInt32();
        var id = (await manager.GetJsonAsync($"/api/v1/questions?source={documentId}")).GetProperty("items")[0].GetProperty("id").GetInt32();
        await app.WithScopeAsync(db => db.Questions.Where(q => q.Id == id).ExecuteUpdateAsync(u => u.SetProperty(q => q.Status, QuestionStatus.NeedsReview)));

        var details = await Html.GetAsync(browser, $"/Questions/Details/{id}");
        Xss.AssertInert(details, "question details");
        Xss.AssertShowsText(details, Xss.Script, "question details");
        foreach (var url in new[] { "/Questions?q=alert", "/Questions/Review", $"/Questions?source={documentId}" })
        {
            var page = await Html.GetAsync(browser, url);
            Xss.AssertInert(page, url);
            Xss.AssertShowsText(page, "alert(1)", url);
        }

        var json = await (await manager.GetAsync($"/api/v1/questions/{id}")).Content.ReadAsStringAsync();
        Xss.AssertJsonEscaped(json, "GET /api/v1/questions/{id}");
        var question = JsonDocument.Parse(json).RootElement;
        Assert.Contains(Xss.Script, question.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains(Xss.JsLink, question.GetProperty("guidance").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportPreview_ShowsTheDocumentAsText()
    {
        using var app = new TestApp();
        var browser = await app.BrowserClientAsAsync(Roles.HiringManager);
        var form = (await Html.GetAsync(browser, "/Import")).QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form.upload")!;
        var upload = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(ImportedDocument)), "file", "hostile.md" },
        };

        var response = await browser.PostAsync(form.GetAttribute("action"), upload);
        var preview = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Xss.AssertInert(preview, "import preview");
        Xss.AssertShowsText(preview, Xss.Script, "import preview");
    }

    [Fact]
    public async Task EditedQuestionAndKitOverrides_ShowAsText_InTheKitBuilderGuideAndScorecard()
    {
        using var app = new TestApp();
        var s = await TestData.ScenarioAsync(app);
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);
        var items = await app.WithScopeAsync(db => db.KitItems.Where(i => i.KitVersionId == s.Kit.VersionId).OrderBy(i => i.Order).ToListAsync());

        // (b) A question edit through the API: text, purpose, guidance, sample answer, anchors and a red flag.
        var questionId = items[0].QuestionId;
        var version = (await manager.GetJsonAsync($"/api/v1/questions/{questionId}")).GetProperty("version").GetInt32();
        var edited = await manager.PutJsonAsync($"/api/v1/questions/{questionId}", new
        {
            text = "Describe a hard conversation " + Xss.Payload,
            purpose = Xss.Payload,
            guidance = Xss.Payload + "\n\n" + Xss.Script,
            sampleAnswer = Xss.Payload,
            anchorPoor = Xss.Payload,
            anchorMeets = Xss.Script,
            anchorExcellent = Xss.Img,
            redFlags = new[] { new { text = "Flag " + Xss.Payload, severity = "Concern" } },
            version,
        });
        Assert.True(edited.IsSuccessStatusCode, await edited.Content.ReadAsStringAsync());

        // (c) Kit item overrides on the second item, the kit's and section's names.
        await app.WithScopeAsync(async db =>
        {
            var item = await db.KitItems.SingleAsync(i => i.Id == items[1].Id);
            item.GuidanceOverride = Xss.Payload + "\n\n" + Xss.Script;
            item.AnchorPoorOverride = Xss.Payload;
            item.AnchorMeetsOverride = Xss.Script;
            item.AnchorExcellentOverride = Xss.Img;
            db.KitItemRedFlags.Add(new KitItemRedFlag { KitItemId = item.Id, Text = "Override " + Xss.Payload, Severity = RedFlagSeverity.KnockOut });
            (await db.Kits.SingleAsync(k => k.Id == s.Kit.KitId)).Name = "Kit " + Xss.Payload;
            (await db.KitSections.SingleAsync(x => x.KitVersionId == s.Kit.VersionId)).Name = "Section " + Xss.Payload;
            return await db.SaveChangesAsync();
        });

        var browser = await app.BrowserClientAsAsync(Roles.HiringManager);
        foreach (var url in new[] { $"/Questions/Details/{questionId}", $"/Questions/Edit/{questionId}", "/Questions?q=hard+conversation", $"/Kits/Edit/{s.Kit.KitId}", "/Kits", $"/Guide/{s.Kit.VersionId}" })
        {
            var page = await Html.GetAsync(browser, url);
            Xss.AssertInert(page, url);
            Xss.AssertShowsText(page, Xss.Script, url);
        }

        var pdf = await (await browser.GetAsync($"/Guide/{s.Kit.VersionId}?format=pdf")).Content.ReadAsByteArrayAsync();
        var pdfText = PdfText.Flow(pdf);
        Assert.Contains(Xss.Script, pdfText, StringComparison.Ordinal);
        Assert.Contains(Xss.Img, pdfText, StringComparison.Ordinal);
        // Object dictionaries only: compressed stream bytes (fonts, content) can hold any three characters by chance.
        var raw = System.Text.RegularExpressions.Regex.Replace(Encoding.Latin1.GetString(pdf), @"stream\r?\n.*?endstream", "", System.Text.RegularExpressions.RegexOptions.Singleline);
        foreach (var action in new[] { "/JavaScript", "/JS", "/URI", "/Launch", "/OpenAction", "/AA" })
        {
            // As a whole PDF name (a subset font is named "/AAAAAA+NotoSans-Bold").
            Assert.DoesNotMatch(System.Text.RegularExpressions.Regex.Escape(action) + @"(?![A-Za-z0-9+#_.-])", raw);
        }

        foreach (var url in new[] { $"/api/v1/kits/{s.Kit.KitId}", $"/api/v1/kits/versions/{s.Kit.VersionId}" })
        {
            Xss.AssertJsonEscaped(await (await manager.GetAsync(url)).Content.ReadAsStringAsync(), url);
        }

        // The scorecard: a shell page filled by script from JSON whose *Html fields go into innerHTML.
        var interview = await SchedulingApiTests.ScheduledAsync(app, s);
        var card = interview.GetProperty("scorecards").EnumerateArray().Single(c => c.GetProperty("interviewerId").GetString() == s.InterviewerId).GetProperty("id").GetInt32();
        var interviewer = await app.ApiClientAsAsync(Roles.Interviewer);
        var scorecardJson = await (await interviewer.GetAsync($"/api/v1/scorecards/{card}")).Content.ReadAsStringAsync();
        Xss.AssertJsonEscaped(scorecardJson, "scorecard JSON");
        AssertHtmlFieldsInert(JsonDocument.Parse(scorecardJson).RootElement, "scorecard JSON");
        Xss.AssertInert(await Html.GetAsync(await app.BrowserClientAsAsync(Roles.Interviewer), $"/Scorecards/{card}"), "scorecard page");
    }

    [Fact]
    public async Task CandidatePositionAndScoringText_ShowAsText_OnEveryPageAndInJson()
    {
        using var app = new TestApp();
        var p = await ScoringSetup.PanelAsync(app);
        var flags = await ScoringSetup.FlagsAsync(app, p);
        await app.WithScopeAsync(async db =>
        {
            (await db.Candidates.SingleAsync(c => c.Id == p.Scenario.CandidateId)).Name = "Candidate " + Xss.Payload;
            (await db.Positions.SingleAsync(x => x.Id == p.Scenario.PositionId)).Title = "Position " + Xss.Payload;
            (await db.Interviews.SingleAsync(i => i.Id == p.InterviewId)).Location = "Room " + Xss.Payload;
            return await db.SaveChangesAsync();
        });
        var evidence = Xss.Payload + "\n\n" + Xss.Script;

        // (e) Rating evidence, red-flag evidence and the summary, from both interviewers; A submits.
        foreach (var (client, cardId) in new[] { (p.A, p.CardA), (p.B, p.CardB) })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.FlagAsync(cardId, flags.QuestionFlag, true, evidence)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.FlagAsync(cardId, flags.Global, true, evidence)).StatusCode);
        }

        await p.A.CompleteAndSubmitAsync(p, p.CardA, notes: evidence, summary: evidence);
        await p.B.CompleteAndSubmitAsync(p, p.CardB, notes: evidence, summary: evidence);

        var manager = await app.BrowserClientAsAsync(Roles.HiringManager);
        var hr = await app.BrowserClientAsAsync(Roles.HR);
        var interviewerPages = await app.BrowserClientAsAsync(Roles.Interviewer);
        var pages = new (HttpClient Client, string Url)[]
        {
            (manager, $"/Candidates/Details/{p.Scenario.CandidateId}"),
            (hr, $"/Candidates/Details/{p.Scenario.CandidateId}"),
            (manager, "/Candidates"),
            (manager, "/Positions"),
            (manager, $"/Positions/Edit/{p.Scenario.PositionId}"),
            (manager, $"/Candidates/Edit/{p.Scenario.CandidateId}"),
            (manager, $"/Interviews/{p.InterviewId}"),
            (manager, $"/Interviews/Schedule?candidateId={p.Scenario.CandidateId}"),
            (interviewerPages, "/Interviews/Mine"),
            (interviewerPages, $"/Interviews/{p.InterviewId}"),
            (interviewerPages, $"/Scorecards/{p.CardA}"),
        };
        foreach (var (client, url) in pages)
        {
            var page = await Html.GetAsync(client, url);
            Xss.AssertInert(page, url);
        }

        Xss.AssertShowsText(await Html.GetAsync(manager, $"/Candidates/Details/{p.Scenario.CandidateId}"), "Candidate " + Xss.Script, "candidate page");
        Xss.AssertShowsText(await Html.GetAsync(manager, $"/Interviews/{p.InterviewId}"), "Candidate " + Xss.Script, "interview page");

        // The panel view after submit: everyone's evidence and summaries, as JSON and as the HTML the page injects.
        var apiManager = await app.ApiClientAsAsync(Roles.HiringManager);
        foreach (var (client, url) in new[]
        {
            (p.A, $"/api/v1/scorecards/{p.CardA}"),
            (p.A, $"/api/v1/scorecards/{p.CardA}/history"),
            (apiManager, $"/api/v1/interviews/{p.InterviewId}"),
            (apiManager, $"/api/v1/candidates/{p.Scenario.CandidateId}"),
            (apiManager, $"/api/v1/candidates?q=Candidate"),
        })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            var json = await response.Content.ReadAsStringAsync();
            Xss.AssertJsonEscaped(json, url);
            AssertHtmlFieldsInert(JsonDocument.Parse(json).RootElement, url);
        }

        var view = await p.A.GetJsonAsync($"/api/v1/scorecards/{p.CardA}");
        Assert.Contains(Xss.Script, view.GetRawText().Replace("\\u003C", "<", StringComparison.Ordinal).Replace("\\u003E", ">", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(evidence, view.GetProperty("summary").GetString());
    }

    /// <summary>Every string property whose name ends in "Html" is markup the page will inject: it must be inert.</summary>
    private static void AssertHtmlFieldsInert(JsonElement element, string where)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name.EndsWith("Html", StringComparison.Ordinal) && property.Value.ValueKind == JsonValueKind.String)
                    {
                        Xss.AssertInertFragment(property.Value.GetString(), $"{where} {property.Name}");
                    }
                    else
                    {
                        AssertHtmlFieldsInert(property.Value, where);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    AssertHtmlFieldsInert(item, where);
                }

                break;
        }
    }
}
