using System.Data.Common;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Web.Domain;

namespace PeerInterview.Tests.Security;

/// <summary>Every state-changing endpoint a browser session can reach refuses a request without the antiforgery token.</summary>
public class AntiforgeryTests
{
    /// <summary>Read-only page that also answers POST (re-executed error pages of form posts); it never changes anything.</summary>
    private static readonly string[] NoTokenNeeded = ["POST /Error"];

    [Fact]
    public async Task EveryPagePost_WithoutAnAntiforgeryToken_Is400_AndChangesNothing()
    {
        using var app = new TestApp();
        var world = await World.CreateAsync(app);
        var admin = await app.BrowserClientAsAsync(Roles.Admin); // an admin can reach every page
        var posts = (await EndpointInventory.DiscoverAsync(app)).Where(p => p.IsPage && !p.IsSafe && !NoTokenNeeded.Contains(p.Key)).ToList();
        var before = await DatabaseSnapshot.TakeAsync(app);

        var accepted = new List<string>();
        foreach (var probe in World.InSafeOrder(posts))
        {
            using var request = world.Request(probe, antiforgeryToken: null);
            var response = await admin.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                accepted.Add($"{probe.Key}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        var after = await DatabaseSnapshot.TakeAsync(app);
        var stillSignedIn = await admin.GetAsync("/Questions"); // the token-less sign-out did nothing either

        Assert.True(posts.Count >= 30, $"only {posts.Count} page handlers found");
        Assert.Contains(posts, p => p.Key == "POST /Account/Logout");
        Assert.True(accepted.Count == 0, "Accepted without a token:" + Environment.NewLine + string.Join(Environment.NewLine, accepted));
        DatabaseSnapshot.AssertSame(before, after);
        Assert.Equal(HttpStatusCode.OK, stillSignedIn.StatusCode);
    }

    [Fact]
    public async Task EveryApiWrite_WithTheSessionCookieButNoRequestVerificationToken_Is400_AndChangesNothing()
    {
        using var app = new TestApp();
        var world = await World.CreateAsync(app);
        var admin = await app.BrowserClientAsAsync(Roles.Admin);
        var writes = (await EndpointInventory.DiscoverAsync(app))
            .Where(p => p.IsApi && !p.IsSafe && AccessTable.Rows.TryGetValue(p.Key, out var e) && e != AccessTable.Closed)
            .ToList();
        var before = await DatabaseSnapshot.TakeAsync(app);

        var accepted = new List<string>();
        foreach (var probe in World.InSafeOrder(writes))
        {
            using var request = world.Request(probe, antiforgeryToken: null);
            var response = await admin.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.BadRequest || !body.Contains("antiforgery", StringComparison.OrdinalIgnoreCase))
            {
                accepted.Add($"{probe.Key}: {(int)response.StatusCode} {body}");
            }
        }

        var after = await DatabaseSnapshot.TakeAsync(app);

        Assert.True(writes.Count >= 35, $"only {writes.Count} API writes found");
        Assert.True(accepted.Count == 0, "Accepted without the header:" + Environment.NewLine + string.Join(Environment.NewLine, accepted));
        DatabaseSnapshot.AssertSame(before, after);
    }
}

/// <summary>Every row of every table of the model, as text (provider-neutral: table names from EF, plain SELECT *).</summary>
internal static class DatabaseSnapshot
{
    public static Task<Dictionary<string, List<string>>> TakeAsync(TestApp app) =>
        app.WithScopeAsync(async db =>
        {
            // Sign-in attempts are counted before anything else looks at the request, forged or not (a login post without
            // its token still spends the address's budget), so the rate-limit counters are not part of "nothing changed".
            var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>()
                .Where(t => t != "SignInCounters").Distinct().Order(StringComparer.Ordinal).ToList();
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            var snapshot = new Dictionary<string, List<string>>();
            foreach (var table in tables)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM \"{table}\"";
                await using var reader = await command.ExecuteReaderAsync();
                var rows = new List<string>();
                while (await reader.ReadAsync())
                {
                    rows.Add(Row(reader));
                }

                rows.Sort(StringComparer.Ordinal);
                snapshot[table] = rows;
            }

            return snapshot;
        });

    public static void AssertSame(Dictionary<string, List<string>> before, Dictionary<string, List<string>> after)
    {
        var changed = before.Keys.Where(t => !before[t].SequenceEqual(after[t])).ToList();
        Assert.True(changed.Count == 0, "Tables changed: " + string.Join(", ", changed.Select(t =>
            $"{t} (+{after[t].Except(before[t]).Count()} -{before[t].Except(after[t]).Count()}: {string.Join(" | ", after[t].Except(before[t]).Take(2))})")));
    }

    private static string Row(DbDataReader reader)
    {
        var text = new StringBuilder();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            text.Append(reader.GetName(i)).Append('=').Append(reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append(';');
        }

        return text.ToString();
    }
}
