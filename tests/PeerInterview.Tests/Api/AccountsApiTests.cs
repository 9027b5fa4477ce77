using System.Net;
using System.Net.Http.Json;
using PeerInterview.Web.Seeding;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.Api;

public class AccountsApiTests
{
    [Fact]
    public async Task Login_ReturnsBearerToken_ThatOpensTheApi()
    {
        using var app = new TestApp();
        var client = app.CreateClient();

        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = Demo.EmailFor(Roles.HR), password = DemoAccounts.Password });
        var token = (await Json.ReadAsync(login)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/competencies")).StatusCode);
    }

    [Fact]
    public async Task Login_WithWrongPassword_Is401()
    {
        using var app = new TestApp();

        var login = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = Demo.EmailFor(Roles.HR), password = "wrong-password" });

        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Fact]
    public async Task SelfRegistration_IsClosed()
    {
        using var app = new TestApp();

        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/register", new { email = "new@example.org", password = "Str0ng!Pass" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(app.WithScope(db => db.Users.Any(u => u.Email == "new@example.org")));
    }

    [Fact]
    public async Task Admin_CreatesUser_WhoCanSignIn()
    {
        using var app = new TestApp();
        var admin = await app.ApiClientAsAsync(Roles.Admin);

        var created = await admin.PostAsJsonAsync("/api/v1/users", new { email = "sam@clinic.example", password = "Harbour-Lantern-58", roles = new[] { "Interviewer" } });
        var signedIn = await app.ApiClientAsync("sam@clinic.example", "Harbour-Lantern-58");
        var ownRead = await signedIn.GetAsync("/api/v1/questions");
        var edit = await signedIn.PutAsJsonAsync("/api/v1/questions/1", new { text = "x", version = 0 });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownRead.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
    }

    [Theory]
    [InlineData(Roles.HiringManager)]
    [InlineData(Roles.HR)]
    [InlineData(Roles.Interviewer)]
    public async Task OnlyAdmins_CreateUsers(string role)
    {
        using var app = new TestApp();
        var client = await app.ApiClientAsAsync(role);

        var response = await client.PostAsJsonAsync("/api/v1/users", new { email = "x@clinic.example", password = "Harbour-Lantern-58", roles = new[] { "Admin" } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task CreateUser_WithUnknownRoleAndWeakPassword_NamesTheFields()
    {
        using var app = new TestApp();
        var admin = await app.ApiClientAsAsync(Roles.Admin);

        var badRole = await admin.PostAsJsonAsync("/api/v1/users", new { email = "x@clinic.example", password = "Harbour-Lantern-58", roles = new[] { "Overlord" } });
        var weak = await admin.PostAsJsonAsync("/api/v1/users", new { email = "y@clinic.example", password = "short", roles = new[] { "HR" } });

        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        Assert.True((await Json.ReadAsync(badRole)).GetProperty("errors").TryGetProperty("roles", out _));
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.True((await Json.ReadAsync(weak)).GetProperty("errors").TryGetProperty("password", out _));
        Assert.False(app.WithScope(db => db.Users.Any(u => u.Email == "y@clinic.example")));
    }

    [Fact]
    public async Task BootstrapAdmin_IsCreatedOnAnEmptyDatabase()
    {
        using var app = new TestApp(seeded: false, settings: new()
        {
            ["Seed:DemoData"] = "false",
            ["Bootstrap:AdminEmail"] = "first@clinic.example",
            ["Bootstrap:AdminPassword"] = "First!Admin1",
        });

        var admin = await app.ApiClientAsync("first@clinic.example", "First!Admin1");
        var users = await admin.GetJsonAsync("/api/v1/users");

        Assert.Equal(1, users.GetArrayLength());
        Assert.Equal("Admin", users[0].GetProperty("roles")[0].GetString());
    }

    [Fact]
    public async Task Health_AndOpenApi_ArePublic()
    {
        using var app = new TestApp();
        var client = app.CreateClient();

        var health = await client.GetAsync("/healthz");
        var openapi = await Json.ReadAsync(await client.GetAsync("/openapi/v1.json"));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.True(openapi.GetProperty("paths").TryGetProperty("/api/v1/imports", out _));
        Assert.True(openapi.GetProperty("paths").TryGetProperty("/api/v1/auth/login", out _));
        Assert.False(openapi.GetProperty("paths").TryGetProperty("/api/v1/auth/register", out _));
    }
}
