using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Configuration;
using Serilog.Core;
using Serilog.Events;

namespace PeerInterview.Tests.Infrastructure;

/// <summary>
/// Captures everything the app logs, through the app's own Serilog configuration: <see cref="Settings"/> adds this sink
/// (by name, via Serilog:Using/WriteTo, as an operator would add one) and lowers every level to Debug.
/// </summary>
public sealed class LogCapture : ILogEventSink
{
    private static readonly ConcurrentDictionary<string, LogCapture> Active = new();
    private readonly ConcurrentQueue<string> _lines = new();

    private LogCapture(string id) => Id = id;

    public string Id { get; }

    public IReadOnlyList<string> Lines => [.. _lines];

    public static LogCapture Start()
    {
        var capture = new LogCapture(Guid.NewGuid().ToString("N"));
        Active[capture.Id] = capture;
        return capture;
    }

    /// <summary>
    /// Sends all log output, at Debug and above from every source, to this capture. App configuration rather than host
    /// settings: WebApplicationFactory turns host settings into arguments, giving parent keys such as WriteTo:0 an empty
    /// value that Serilog reads as a sink named "".
    /// </summary>
    public void AddTo(IWebHostBuilder builder) =>
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(Settings()));

    private Dictionary<string, string?> Settings() => new()
    {
        ["Serilog:Using:0"] = typeof(LogCapture).Assembly.GetName().Name,
        ["Serilog:WriteTo:0:Name"] = nameof(LogCaptureSinkExtensions.CapturedLogs),
        ["Serilog:WriteTo:0:Args:captureId"] = Id,
        ["Serilog:MinimumLevel:Default"] = "Debug",
        ["Serilog:MinimumLevel:Override:Microsoft"] = "Debug",
        ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Debug",
        ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore"] = "Debug",
        ["Serilog:MinimumLevel:Override:System"] = "Debug",
    };

    internal static LogCapture For(string id) => Active[id];

    /// <summary>The message, every property (rendered) and the exception: all the text a sink could write anywhere.</summary>
    public void Emit(LogEvent logEvent)
    {
        var line = new StringBuilder()
            .Append(logEvent.Level).Append(' ')
            .Append(logEvent.RenderMessage(CultureInfo.InvariantCulture));
        foreach (var (name, value) in logEvent.Properties)
        {
            line.Append(" | ").Append(name).Append('=').Append(value.ToString(null, CultureInfo.InvariantCulture));
        }

        if (logEvent.Exception is { } exception)
        {
            line.Append(" | ").Append(exception);
        }

        _lines.Enqueue(line.ToString());
    }
}

public static class LogCaptureSinkExtensions
{
    /// <summary>Named in configuration (Serilog:WriteTo:n:Name) by <see cref="LogCapture.Settings"/>.</summary>
    public static LoggerConfiguration CapturedLogs(this LoggerSinkConfiguration sinks, string captureId) =>
        sinks.Sink(LogCapture.For(captureId));
}
