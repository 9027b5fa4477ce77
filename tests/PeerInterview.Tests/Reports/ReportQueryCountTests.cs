using System.Data.Common;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Seeding;

namespace PeerInterview.Tests.Reports;

/// <summary>No N+1: the database commands behind a position report do not grow with its items or its candidates.</summary>
[Trait("Provider", "Sqlite")] // the counter hooks the SQLite context's options
public class ReportQueryCountTests
{
    [Fact]
    public async Task PositionReport_RunsTheSameNumberOfCommands_ForTwoItemsAndOneCandidate_AsForTenItemsAndFiveCandidates()
    {
        using var app = new TestApp();
        var setup = await ReportSetup.StartAsync(app);
        var small = await setup.KitAsync("D1", "D5");
        var smallPosition = await setup.PositionAsync(small, "Small");
        await setup.CandidateAsync(smallPosition, small, "Only One", [3, 4], [4, 4]);

        string[] tenCodes = ["D1", "D2", "D3", "D4", "D5", "D6", "D7", "D1", "D5", "D7"];
        var large = await setup.KitAsync(tenCodes);
        var largePosition = await setup.PositionAsync(large, "Large");
        for (var i = 0; i < 5; i++)
        {
            await setup.CandidateAsync(largePosition, large, $"Candidate {i}", [.. tenCodes.Select(_ => (int?)(3 + (i % 2)))], [.. tenCodes.Select(_ => (int?)4)]);
        }

        var counter = new CommandCounter();
        using var counted = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(counter))));
        var client = counted.CreateClient();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = Demo.EmailFor(Roles.HR), password = DemoAccounts.Password });
        var token = (await Json.ReadAsync(login)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        async Task<int> CommandsFor(string url)
        {
            (await client.GetAsync(url)).EnsureSuccessStatusCode(); // warm: the first request of a host does extra work
            counter.Reset();
            var response = await client.GetAsync(url);
            response.EnsureSuccessStatusCode();
            return counter.Count;
        }

        var smallJson = await CommandsFor($"/api/v1/positions/{smallPosition}/report");
        var largeJson = await CommandsFor($"/api/v1/positions/{largePosition}/report");
        var smallCsv = await CommandsFor($"/api/v1/positions/{smallPosition}/export?format=csv");
        var largeCsv = await CommandsFor($"/api/v1/positions/{largePosition}/export?format=csv");

        Assert.True(largeJson > 5, $"the counter sees the report's queries ({largeJson})");
        Assert.Equal(smallJson, largeJson);
        Assert.Equal(smallCsv, largeCsv);
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecuting(command, eventData, result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
