using System.Diagnostics;
using System.Globalization;

namespace AutosaveLoad;

/// <summary>The figures of one timed phase. Latencies are client-side: request sent to response body read.</summary>
internal sealed record PhaseResult(
    string Name,
    int Clients,
    double Seconds,
    long Requests,
    long Errors,
    IReadOnlyDictionary<string, long> Statuses,
    double RequestsPerSecond,
    double P50,
    double P95,
    double P99,
    double Max,
    double Mean,
    int MinPerClient,
    int MaxPerClient,
    string LoadAverageAtStart,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    double AppCpuSeconds,
    double GeneratorCpuSeconds)
{
    /// <summary>CPU time the app spent per request: a cost that does not depend on how busy the machine is.</summary>
    public double AppCpuMsPerRequest => Requests == 0 ? 0 : Math.Round(AppCpuSeconds * 1000 / Requests, 3);
}

/// <summary>
/// A closed loop, like wrk: every client sends its next request as soon as the previous one answers, until the
/// duration is up. The requests still in flight at the deadline are completed and counted.
/// </summary>
internal static class LoadRun
{
    /// <summary>
    /// Runs the clients for <paramref name="duration"/>. With a <paramref name="pace"/>, each client starts a request at
    /// most once per pace (the first at a random offset), as a person's autosave does; without one, back to back.
    /// </summary>
    public static async Task<PhaseResult> RunAsync(
        string name, IReadOnlyList<Func<CancellationToken, Task<Sample>>> clients, TimeSpan duration, int? appPid, CancellationToken ct, TimeSpan? pace = null)
    {
        var load = LoadAverage();
        var appCpu = ProcessCpuSeconds(appPid);
        var generatorCpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        var startedAt = DateTimeOffset.Now;
        var started = Stopwatch.GetTimestamp();
        var perClient = await Task.WhenAll(clients.Select(step => Task.Run(async () =>
        {
            var samples = new List<Sample>(8192);
            var next = pace is { } first ? first * Random.Shared.NextDouble() : TimeSpan.Zero;
            while (Stopwatch.GetElapsedTime(started) < duration)
            {
                if (pace is { } interval)
                {
                    var wait = next - Stopwatch.GetElapsedTime(started);
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, ct);
                    }

                    next += interval;
                    if (Stopwatch.GetElapsedTime(started) >= duration)
                    {
                        break;
                    }
                }

                samples.Add(await step(ct));
            }

            return samples;
        }, ct)));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        appCpu = ProcessCpuSeconds(appPid) - appCpu;
        generatorCpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - generatorCpu;

        var all = perClient.SelectMany(s => s).ToList();
        var latencies = all.Select(s => s.Milliseconds).Order().ToArray();
        var statuses = all.GroupBy(s => s.Status == 0 ? "no response" : s.Status.ToString(CultureInfo.InvariantCulture))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        return new PhaseResult(
            name,
            clients.Count,
            Math.Round(seconds, 2),
            all.Count,
            all.Count(s => s.IsError),
            statuses,
            Math.Round(all.Count / seconds, 1),
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.95),
            Percentile(latencies, 0.99),
            latencies.Length == 0 ? 0 : Math.Round(latencies[^1], 2),
            latencies.Length == 0 ? 0 : Math.Round(latencies.Average(), 2),
            perClient.Min(s => s.Count),
            perClient.Max(s => s.Count),
            load,
            startedAt,
            DateTimeOffset.Now,
            Math.Round(appCpu, 2),
            Math.Round(generatorCpu, 2));
    }

    /// <summary>Nearest-rank percentile of sorted values, in milliseconds to two places.</summary>
    public static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(p * sorted.Length);
        return Math.Round(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)], 2);
    }

    /// <summary>User plus system CPU seconds a process has used, from /proc (0 when unknown).</summary>
    public static double ProcessCpuSeconds(int? pid)
    {
        var path = $"/proc/{pid}/stat";
        if (pid is null || !File.Exists(path))
        {
            return 0;
        }

        // Fields after the command name (which may contain spaces): state is field 3, utime 14 and stime 15.
        var text = File.ReadAllText(path);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks / (double)ClockTicksPerSecond;
    }

    // USER_HZ is 100 on every Linux this runs on; /proc reports CPU time in these ticks.
    private const int ClockTicksPerSecond = 100;

    /// <summary>The 1, 5 and 15 minute load averages, so a noisy run can be recognised (the machine is shared).</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
