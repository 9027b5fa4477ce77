using System.Buffers;
using System.Text.RegularExpressions;

namespace PeerInterview.Web.Import;

/// <summary>
/// Recognises lines that belong to the web page a document was copied from, not to the interview: navigation,
/// promotions, download prompts, pricing, bylines, dates, breadcrumbs and page titles. Plain string checks keep
/// this cheap for the thousands of ordinary lines it sees.
/// </summary>
internal static partial class PageFurniture
{
    private static readonly HashSet<string> WholeLines = new(
        [
            "previous", "next", "prev", "back", "home", "menu", "share", "tweet", "print", "comment", "comments", "related",
            "related posts", "related articles", "read more", "advertisement", "sponsored", "table of contents", "contents",
            "skip to content", "skip to main content", "author", "premium", "interactive practice", "reading isn't enough",
            "reading isn’t enough", "previous post", "previous article", "next post", "next article",
        ],
        StringComparer.OrdinalIgnoreCase);

    private static readonly string[] ShortLinePrefixes =
    [
        "back to ", "download ", "click the ", "click this ", "click here", "click below", "click on ", "master your ",
        "boost your confidence", "speak clearly and impress", "get hired faster", "used by hundreds", "used by thousands",
        "trusted by ", "join over ", "join thousands", "reading sample answers isn", "good candidates answer questions",
        "copyright", "©", "share this", "share on ",
    ];

    private static readonly string[] CallsToAction =
    [
        "sign up", "log in", "login", "subscribe", "register", "upgrade", "get started", "start free trial",
        "start your free trial", "try it free", "buy now", "add to cart", "learn more",
    ];

    private static readonly string[] Bylines =
    [
        "written by ", "posted by ", "posted on ", "published by ", "published on ", "reviewed by ", "last updated",
        "updated by ", "updated on ", "updated:",
    ];

    private static readonly SearchValues<string> AnywhereHints = SearchValues.Create(
        ["great ones win offers", "all rights reserved", "[updated", "money-back guarantee", "one-time payment", "download"],
        StringComparison.OrdinalIgnoreCase);

    private static readonly string[] PricePeriods = ["/mo", "/month", "per month", "/year", "per year", "/yr", "/week", "per week"];

    private static readonly HashSet<string> Months = new(
        [
            "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july", "aug",
            "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december",
        ],
        StringComparer.OrdinalIgnoreCase);

    public static bool IsNoise(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        if (text.Length <= 45 && WholeLines.Contains(text.TrimEnd(' ', ':', '»', '›', '<', '>', '«', '‹')))
        {
            return true;
        }

        if (text.Length <= 160 && (StartsWithAny(text, ShortLinePrefixes) || IsPageTitle(text) || IsPrice(text) || IsBreadcrumb(text)))
        {
            return true;
        }

        if (text.Length <= 80 && (IsCallToAction(text) || StartsWithAny(text, Bylines) || Byline().IsMatch(text)))
        {
            return true;
        }

        if (text.Length <= 60 && text.AsSpan().ContainsAnyInRange('0', '9') && IsDate(text))
        {
            return true;
        }

        return text.AsSpan().ContainsAny(AnywhereHints) && HasPromotionalPhrase(text);
    }

    /// <summary>"23 Common Peer Support Specialist Interview Questions &amp; Answers", "Top 30 … [Updated 2025]".</summary>
    private static bool IsPageTitle(string text)
    {
        var at = text.IndexOf("interview questions", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return false;
        }

        var after = text.AsSpan(at + "interview questions".Length).TrimStart();
        return char.IsAsciiDigit(text[0])
            || text.StartsWith("top ", StringComparison.OrdinalIgnoreCase)
            || after.StartsWith("and answers", StringComparison.OrdinalIgnoreCase)
            || after.StartsWith("& answers", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsPrice(string text) =>
        text[0] is '$' or '€' or '£' && text.Length > 1 && char.IsAsciiDigit(text.TrimStart('$', '€', '£', ' ')[0])
        && PricePeriods.Any(p => text.Contains(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>"HR Templates | Sample Interview Questions", "Home › Careers › Interviews".</summary>
    private static bool IsBreadcrumb(string text)
    {
        if (!text.Contains(" | ", StringComparison.Ordinal) && !text.Contains(" » ", StringComparison.Ordinal) && !text.Contains(" › ", StringComparison.Ordinal))
        {
            return false;
        }

        if (text.Contains('?', StringComparison.Ordinal))
        {
            return false;
        }

        var parts = text.Split([" | ", " » ", " › "], StringSplitOptions.None);
        return parts.Length >= 2 && parts[0].Length is > 0 and <= 50 && parts.All(p => p.Trim().Length is > 0 and <= 80);
    }

    private static bool IsCallToAction(string text)
    {
        foreach (var action in CallsToAction)
        {
            if (text.StartsWith(action, StringComparison.OrdinalIgnoreCase)
                && (text.Length == action.Length || !char.IsLetter(text[action.Length]))
                && text.Length <= action.Length + 25)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"March 30, 2025", "30 March 2025", "2025-03-30".</summary>
    private static bool IsDate(string text)
    {
        var words = text.Replace(",", " ", StringComparison.Ordinal).Replace(".", " ", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 1)
        {
            var parts = words[0].Split('-');
            return parts.Length == 3 && parts[0].Length == 4 && parts.All(p => p.All(char.IsAsciiDigit));
        }

        if (words.Length != 3 || !IsYear(words[2]))
        {
            return false;
        }

        return (Months.Contains(words[0]) && IsDay(words[1])) || (IsDay(words[0]) && Months.Contains(words[1]));

        static bool IsYear(string w) => w.Length == 4 && w.All(char.IsAsciiDigit);

        static bool IsDay(string w)
        {
            var digits = w.TrimEnd('s', 't', 'n', 'd', 'r', 'h');
            return digits.Length is 1 or 2 && digits.All(char.IsAsciiDigit);
        }
    }

    private static bool HasPromotionalPhrase(string text)
    {
        if (text.Contains("great ones win offers", StringComparison.OrdinalIgnoreCase)
            || text.Contains("all rights reserved", StringComparison.OrdinalIgnoreCase)
            || text.Contains("money-back guarantee", StringComparison.OrdinalIgnoreCase)
            || text.Contains("one-time payment", StringComparison.OrdinalIgnoreCase)
            || text.Contains("[updated ", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // "Download the free PDF", "download our template"
        var at = text.IndexOf("download", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return false;
        }

        var window = text.AsSpan(at, Math.Min(40, text.Length - at));
        return window.Contains("pdf", StringComparison.OrdinalIgnoreCase)
            || window.Contains("template", StringComparison.OrdinalIgnoreCase)
            || window.Contains("checklist", StringComparison.OrdinalIgnoreCase)
            || window.Contains("guide", StringComparison.OrdinalIgnoreCase);
    }

    private static bool StartsWithAny(string text, string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // "By Andre Mendes"
    [GeneratedRegex(@"^[Bb]y [A-Z][a-z]+(?: [A-Z][a-z.]+){0,3}$")]
    private static partial Regex Byline();
}
