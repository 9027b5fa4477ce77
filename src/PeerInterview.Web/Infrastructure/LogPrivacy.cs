using System.Text.RegularExpressions;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace PeerInterview.Web.Infrastructure;

/// <summary>
/// Keeps candidates' personal data out of the logs whatever levels an operator turns on. The app itself logs ids
/// only; what remains is the framework quoting URLs, and search boxes put names and emails in query strings
/// (<c>/Candidates?q=…</c>). Every query-string value in a log event is replaced, the parameter names stay.
/// </summary>
public static partial class LogPrivacy
{
    public const string Redacted = "…";

    public static LoggerConfiguration RedactQueryStrings(this LoggerConfiguration logger) => logger.Enrich.With<QueryStringRedactor>();

    /// <summary><c>?q=Sam%20Rivera&amp;page=2</c> → <c>?q=…&amp;page=…</c>.</summary>
    public static string RedactQuery(string text) => QueryValue().Replace(text, m => m.Groups["name"].Value + "=" + Redacted);

    [GeneratedRegex(@"(?<name>(?:^|[?&])[^=&?#\s""]*)=[^&#\s""]*", RegexOptions.CultureInvariant)]
    private static partial Regex QueryValue();

    private sealed class QueryStringRedactor : ILogEventEnricher
    {
        public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
        {
            List<LogEventProperty>? replaced = null;
            foreach (var (name, value) in logEvent.Properties)
            {
                if (value is ScalarValue { Value: string text } && text.Contains('?', StringComparison.Ordinal) && Redact(name, text) is { } redacted)
                {
                    (replaced ??= []).Add(new LogEventProperty(name, new ScalarValue(redacted)));
                }
            }

            foreach (var property in replaced ?? [])
            {
                logEvent.AddOrUpdateProperty(property);
            }
        }

        /// <summary>A query string, or a URL or path with one (a redirect's Location, a request's URL).</summary>
        private static string? Redact(string name, string text)
        {
            var query = text.IndexOf('?', StringComparison.Ordinal);
            var isUrl = name == "QueryString" || text.StartsWith('/') || text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
            if (!isUrl)
            {
                return null;
            }

            var redacted = text[..query] + RedactQuery(text[query..]);
            return redacted == text ? null : redacted;
        }
    }
}
