using System.Net;
using System.Text;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.Api;

public class ImportApiTests
{
    private const string SmallKit = """
        ### How would you respond to a peer who tells you they are thinking about suicide?
        **Purpose:** Checks crisis response and safety planning.
        **Look for:** stays with the person, follows protocol, involves crisis services.
        **Red flags:** promises to keep it secret
        **Competency:** D5

        ### Tell us about a time you set a boundary with someone you supported.
        **Purpose:** Checks boundaries.
        **Look for:** clear limits explained kindly.
        """;

    [Fact]
    public async Task DryRun_ReturnsPreview_AndSavesNothing()
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var response = await client.ImportAsync(SmallKit, "kit.md", dryRun: true);
        var body = await Json.ReadAsync(response);
        var total = (await client.GetJsonAsync("/api/v1/questions?pageSize=1")).GetProperty("total").GetInt32();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, body.GetProperty("questions").GetArrayLength());
        var first = body.GetProperty("questions")[0];
        Assert.Equal("D5", first.GetProperty("competency").GetString());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("competencyReason").GetString()));
        Assert.Equal("promises to keep it secret", first.GetProperty("redFlags")[0].GetProperty("text").GetString());
        Assert.False(body.GetProperty("saved").GetBoolean());
        Assert.Equal(109, total);
    }

    [Fact]
    public async Task RealImport_SavesQuestions_AndReturnsDocumentId_ThenRefusesTheSameFileAgain()
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var response = await client.ImportAsync(SmallKit, "kit.md", dryRun: false);
        var body = await Json.ReadAsync(response);
        var documentId = body.GetProperty("documentId").GetInt32();
        var again = await client.ImportAsync(SmallKit, "kit-copy.md", dryRun: false);
        var found = await client.GetJsonAsync($"/api/v1/questions?source={documentId}");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, found.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(111, (await client.GetJsonAsync("/api/v1/questions?pageSize=1")).GetProperty("total").GetInt32());
    }

    /// <summary>Found by the hostile-import property on PostgreSQL: a document-wide red flag over 500 characters was a 500 there (SQLite ignores lengths).</summary>
    [Fact]
    public async Task OverlongTextAndFileName_AreCutToTheirColumns_WithAWarning_OnEitherProvider()
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);
        var longFlag = "Dismisses " + string.Concat(Enumerable.Repeat("the person's own account of their recovery 😀 ", 20));
        var document = SmallKit + $"\n## Red flags\n\n- {longFlag}\n";
        var fileName = new string('k', 300) + ".md";

        var response = await client.ImportAsync(document, fileName, dryRun: false);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var documentId = (await Json.ReadAsync(response)).GetProperty("documentId").GetInt32();
        var saved = app.WithScope(db => (
            Flag: db.RedFlags.Single(f => f.SourceDocumentId == documentId && f.QuestionId == null).Text,
            Document: db.SourceDocuments.Single(d => d.Id == documentId)));
        Assert.Equal(TextLimits.RedFlagText, saved.Flag.Length);
        Assert.StartsWith("Dismisses the person's own account", saved.Flag, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(saved.Flag[^1]), "cut through a surrogate pair");
        Assert.Equal(TextLimits.FileName, saved.Document.FileName.Length);
        Assert.Contains(saved.Document.Warnings, w => w.Contains("longer than 500 characters", StringComparison.Ordinal));
    }

    public static TheoryData<string, byte[], HttpStatusCode, string> BadInputs() => new()
    {
        { "empty", [], HttpStatusCode.UnprocessableEntity, "Empty" },
        { "binary", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0], HttpStatusCode.UnprocessableEntity, "Binary" },
        { "no questions", Encoding.UTF8.GetBytes("Just a shopping list.\nMilk\nBread\n"), HttpStatusCode.UnprocessableEntity, "NoQuestions" },
        { "too large", Encoding.UTF8.GetBytes(new string('a', 2 * 1024 * 1024 + 10)), HttpStatusCode.RequestEntityTooLarge, "2 MB" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task BadInput_IsClearProblem_AndSavesNothing(string name, byte[] content, HttpStatusCode expected, string mentioned)
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var response = await client.ImportAsync(content, name + ".txt", dryRun: false);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(mentioned, text, StringComparison.Ordinal);
        Assert.Equal(5, (await client.GetJsonAsync("/api/v1/imports")).GetArrayLength());
        Assert.Equal(109, (await client.GetJsonAsync("/api/v1/questions?pageSize=1")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task MissingFileField_IsProblem()
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);

        var response = await client.PostAsync("/api/v1/imports?dryRun=true", new MultipartFormDataContent { { new StringContent("x"), "other" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'file'", (await Json.ReadAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Interviewer)]
    [InlineData(Roles.HR)]
    public async Task NonManagers_CannotImport(string role)
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(role);

        var response = await client.ImportAsync(SmallKit, "kit.md", dryRun: true);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task CookieSession_WithoutAntiforgeryHeader_IsRejected()
    {
        using var app = new TestApp();
        var browser = await app.BrowserClientAsAsync(Roles.HiringManager);

        var response = await browser.ImportAsync(SmallKit, "kit.md", dryRun: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("antiforgery", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(109, app.WithScope(db => db.Questions.Count()));
    }

    [Fact]
    public async Task Windows1252Upload_IsDecoded()
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(Roles.HiringManager);
        var text = "1. How do you handle a peer\u2019s anger?\r\nHow to Answer: Stay calm.\r\nExample: \u201CI listen first.\u201D\r\n";
        var bytes = CodePagesEncoding.Windows1252.GetBytes(text);

        var body = await Json.ReadAsync(await client.ImportAsync(bytes, "cp1252.txt", dryRun: true));

        Assert.Equal("How do you handle a peer\u2019s anger?", body.GetProperty("questions")[0].GetProperty("text").GetString());
    }
}

internal static class CodePagesEncoding
{
    public static Encoding Windows1252
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252);
        }
    }
}
