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

    /// <summary>
    /// Escapes control characters and line separators in every string a log event carries (the request path, method, headers
    /// the framework quotes, …): a URL with <c>%0D%0A</c> decodes to a path with CR/LF, which would otherwise start a forged
    /// log line. Strings without them are left alone (one scan per value).
    /// </summary>
    public static LoggerConfiguration EscapeControlCharacters(this LoggerConfiguration logger) => logger.Enrich.With<ControlCharacterEscaper>();

    /// <summary><c>a\r\nb</c> for "a", CR, LF, "b"; other control characters as <c>\u001B</c>.</summary>
    public static string EscapeControl(string text)
    {
        if (!text.Any(NeedsEscape))
        {
            return text;
        }

        var escaped = new System.Text.StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\r' => "\\r",
                '\n' => "\\n",
                '\t' => "\\t",
                _ when NeedsEscape(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';

    private sealed class ControlCharacterEscaper : ILogEventEnricher
    {
        public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
        {
            List<LogEventProperty>? replaced = null;
            foreach (var (name, value) in logEvent.Properties)
            {
                if (Escape(value) is { } escaped)
                {
                    (replaced ??= []).Add(new LogEventProperty(name, escaped));
                }
            }

            foreach (var property in replaced ?? [])
            {
                logEvent.AddOrUpdateProperty(property);
            }
        }

        /// <summary>The value with its strings escaped, or null when nothing needed escaping.</summary>
        private static LogEventPropertyValue? Escape(LogEventPropertyValue value)
        {
            switch (value)
            {
                case ScalarValue { Value: string text }:
                    var escaped = EscapeControl(text);
                    return ReferenceEquals(escaped, text) ? null : new ScalarValue(escaped);
                case SequenceValue sequence:
                    var items = sequence.Elements.Select(e => Escape(e)).ToList();
                    return items.All(i => i is null) ? null : new SequenceValue(items.Select((e, i) => e ?? sequence.Elements[i]));
                case StructureValue structure:
                    var properties = structure.Properties.Select(p => Escape(p.Value)).ToList();
                    return properties.All(p => p is null) ? null
                        : new StructureValue(structure.Properties.Select((p, i) => properties[i] is { } e ? new LogEventProperty(p.Name, e) : p), structure.TypeTag);
                case DictionaryValue dictionary:
                    var entries = dictionary.Elements.Select(kv => (Key: Escape(kv.Key) as ScalarValue, Value: Escape(kv.Value))).ToList();
                    return entries.All(e => e.Key is null && e.Value is null) ? null
                        : new DictionaryValue(dictionary.Elements.Select((kv, i) => new KeyValuePair<ScalarValue, LogEventPropertyValue>(entries[i].Key ?? kv.Key, entries[i].Value ?? kv.Value)));
                default:
                    return null;
            }
        }
    }

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
