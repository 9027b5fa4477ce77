using AngleSharp.Dom;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.Data;

/// <summary>PostgreSQL refuses U+0000 in text; both providers save text without it and refuse it in query strings and forms.</summary>
public class SavedTextTests
{
    [Fact]
    public async Task TextWithANulCharacter_IsSavedWithoutIt_OnEitherProvider()
    {
        using var app = new TestApp();
        var position = await TestData.PositionAsync(app);
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);

        var response = await manager.PutAsJsonAsync($"/api/v1/positions/{position}", new { title = "Peer\u0000 Support", location = "North\u0000side", kitId = (int?)null });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = app.WithScope(db => db.Positions.Single(p => p.Id == position));
        Assert.Equal("Peer Support", saved.Title);
        Assert.Equal("Northside", saved.Location);
    }

    [Fact]
    public async Task QueryStringWithANulCharacter_IsABadRequest()
    {
        using var app = new TestApp();
        var manager = await app.ApiClientAsAsync(Roles.HiringManager);

        var response = await manager.GetAsync("/api/v1/questions?q=peer%00support");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(false, "The form value contains invalid characters.")]
    [InlineData(true, "A form field contains a NUL character (%00).")]
    public async Task FormPostWithANulCharacter_IsABadRequest_AndChangesNothing(bool multipart, string reason)
    {
        using var app = new TestApp();
        var position = await TestData.PositionAsync(app);
        using var manager = await app.BrowserClientAsAsync(Roles.HiringManager);
        var form = (await Html.GetAsync(manager, $"/Positions/Edit/{position}")).QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form:not(.signout)")!;

        // The hiring manager's id is looked up, not saved as text: on PostgreSQL a NUL there would be an error, not "not found".
        var response = multipart
            ? await PostMultipartAsync(manager, $"/Positions/Edit/{position}", form, new() { ["Input.Title"] = "Renamed", ["Input.HiringManagerId"] = "x\0y" })
            : await Html.SubmitAsync(manager, form, new() { ["Input.Title"] = "Renamed", ["Input.HiringManagerId"] = "x\0y" });

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(body.Contains(reason, StringComparison.Ordinal), body);
        Assert.Equal("Peer Support Specialist", app.WithScope(db => db.Positions.Single(p => p.Id == position).Title));
    }

    /// <summary>The form's hidden and visible inputs (antiforgery token included) as multipart/form-data.</summary>
    private static Task<HttpResponseMessage> PostMultipartAsync(HttpClient client, string url, AngleSharp.Html.Dom.IHtmlFormElement form, Dictionary<string, string> values)
    {
        var content = new MultipartFormDataContent();
        foreach (var input in form.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlInputElement>("input[name]").Where(i => !values.ContainsKey(i.Name!)))
        {
            content.Add(new StringContent(input.Value), input.Name!);
        }

        foreach (var (name, value) in values)
        {
            content.Add(new StringContent(value), name);
        }

        return client.PostAsync(url, content);
    }

    [Fact]
    public async Task TextLongerThanItsColumn_IsRefusedBeforeWriting_OnEitherProvider()
    {
        // SQLite would store it and PostgreSQL would fail with 22001: both refuse it the same way, and nothing is written.
        using var app = new TestApp();
        var position = await TestData.PositionAsync(app);

        var refused = await Assert.ThrowsAsync<TextTooLongException>(() => app.WithScopeAsync(async db =>
        {
            db.Positions.Single(p => p.Id == position).Title = new string('x', 201);
            db.Candidates.Add(new Candidate { Name = "Sam Example", PositionId = position, CreatedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        }));

        Assert.Equal("Position title must be 200 characters or fewer.", refused.Message);
        Assert.Equal("Peer Support Specialist", app.WithScope(db => db.Positions.Single(p => p.Id == position).Title));
        Assert.False(app.WithScope(db => db.Candidates.Any(c => c.Name == "Sam Example")));
    }

    /// <summary>SQLite only: PostgreSQL never held an over-long value. Older SQLite files may (imports before the limit).</summary>
    [Fact]
    [Trait("Provider", "Sqlite")]
    public async Task AnOverlongValueStoredEarlier_DoesNotBlockAnUnrelatedChangeToItsRow()
    {
        using var app = new TestApp();
        var flagId = app.WithScope(db => db.RedFlags.Where(f => f.QuestionId == null).OrderBy(f => f.Id).Select(f => f.Id).First());
        await app.WithScopeAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"RedFlags\" SET \"Text\" = {0} WHERE \"Id\" = {1}", new string('x', 600), flagId));

        await app.WithScopeAsync(async db =>
        {
            db.RedFlags.Single(f => f.Id == flagId).IsRetired = true;
            return await db.SaveChangesAsync();
        });

        Assert.True(app.WithScope(db => db.RedFlags.Single(f => f.Id == flagId).IsRetired));
    }

    [Fact]
    public async Task TextTooLong_IsAnsweredAsABadRequestWithTheReason()
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider() };
        context.Response.Body = new MemoryStream();

        var handled = await new TextTooLongHandler().TryHandleAsync(context, new TextTooLongException("RedFlag", "Text", 500), CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status400BadRequest, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        Assert.Contains("Red flag text must be 500 characters or fewer.", await new StreamReader(context.Response.Body).ReadToEndAsync(), StringComparison.Ordinal);
        Assert.False(await new TextTooLongHandler().TryHandleAsync(new DefaultHttpContext(), new InvalidOperationException(), CancellationToken.None));
    }

    [Fact]
    public void Clean_DropsNuls_AndReplacesOnlyLoneSurrogates()
    {
        // Built in code: attribute arguments cannot carry a lone surrogate (metadata stores them as UTF-8).
        const char High = (char)0xD83D, Low = (char)0xDE00, Replacement = (char)0xFFFD;

        Assert.Equal("plain text", PeerInterview.Web.Data.SavedText.Clean("plain text"));
        Assert.Equal("ab", PeerInterview.Web.Data.SavedText.Clean("a\0b"));
        Assert.Equal($"half {Replacement} pair", PeerInterview.Web.Data.SavedText.Clean($"half {High} pair"));
        Assert.Equal($"low {Replacement} first", PeerInterview.Web.Data.SavedText.Clean($"low {Low} first"));
        Assert.Equal($"end {Replacement}", PeerInterview.Web.Data.SavedText.Clean($"end {High}"));
        Assert.Equal($"whole {High}{Low} pair", PeerInterview.Web.Data.SavedText.Clean($"whole {High}{Low} pair"));
    }
}
