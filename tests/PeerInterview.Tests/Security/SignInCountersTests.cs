using Microsoft.Extensions.DependencyInjection;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Web.Accounts;
using PeerInterview.Web.Data;

namespace PeerInterview.Tests.Security;

/// <summary>The database counters behind the sign-in limits, on the test run's provider, with a clock the test moves.</summary>
public class SignInCountersTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task RateLimit_AllowsTheLimitPerWindow_SaysHowLongToWait_AndStartsAgainInTheNextWindow()
    {
        using var app = new TestApp();
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        using var scope = app.Services.CreateScope();
        var counters = new SignInCounters(scope.ServiceProvider.GetRequiredService<AppDbContext>(), clock);

        var first = new List<TimeSpan?>();
        for (var i = 0; i < 3; i++)
        {
            first.Add(await counters.CountAttemptAsync("203.0.113.7", 3, Minute));
        }

        clock.Advance(TimeSpan.FromSeconds(20));
        var fourth = await counters.CountAttemptAsync("203.0.113.7", 3, Minute);
        var otherAddress = await counters.CountAttemptAsync("198.51.100.1", 3, Minute);
        clock.Advance(TimeSpan.FromSeconds(40));
        var nextWindow = await counters.CountAttemptAsync("203.0.113.7", 3, Minute);

        Assert.All(first, wait => Assert.Null(wait));
        Assert.Equal(TimeSpan.FromSeconds(40), fourth);
        Assert.Null(otherAddress);
        Assert.Null(nextWindow);
    }

    [Fact]
    public async Task UnknownEmail_LocksOnTheFifthFailure_StaysLockedWithoutCounting_ThenCountsAfresh()
    {
        using var app = new TestApp();
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        using var scope = app.Services.CreateScope();
        var counters = new SignInCounters(scope.ServiceProvider.GetRequiredService<AppDbContext>(), clock);
        var lockout = TimeSpan.FromMinutes(10);

        var failures = new List<DateTimeOffset?>();
        for (var i = 0; i < 5; i++)
        {
            failures.Add(await counters.FailedAsync("Nobody@Example.org", 5, lockout));
        }

        clock.Advance(TimeSpan.FromMinutes(4));
        var whileLocked = await counters.FailedAsync(" nobody@example.ORG ", 5, lockout); // same email, any case or spacing
        var lockedUntil = await counters.LockedUntilAsync("nobody@example.org");
        clock.Advance(TimeSpan.FromMinutes(6));
        var afterLock = await counters.LockedUntilAsync("nobody@example.org");
        var again = new List<DateTimeOffset?>();
        for (var i = 0; i < 5; i++)
        {
            again.Add(await counters.FailedAsync("nobody@example.org", 5, lockout));
        }

        var lockEnds = new DateTimeOffset(2026, 11, 23, 9, 10, 0, TimeSpan.Zero);
        Assert.All(failures.Take(4), f => Assert.Null(f));
        Assert.Equal(lockEnds, failures[4]);
        Assert.Equal(lockEnds, whileLocked); // not extended by failures while locked
        Assert.Equal(lockEnds, lockedUntil);
        Assert.Null(afterLock);
        Assert.All(again.Take(4), f => Assert.Null(f)); // counting starts again after the lock, as Identity does
        Assert.Equal(lockEnds.AddMinutes(10), again[4]);
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
