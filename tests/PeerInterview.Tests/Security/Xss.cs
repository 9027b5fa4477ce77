using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace PeerInterview.Tests.Security;

/// <summary>Hostile text for stored-XSS tests, and the check that a page or fragment shows it only as inert text.</summary>
internal static class Xss
{
    public const string Script = "<script>alert(1)</script>";
    public const string Img = "<img src=x onerror=alert(1)>";
    public const string JsLink = "[x](javascript:alert(1))";
    public const string Svg = "<svg onload=alert(1)>";

    /// <summary>All four in one line, for fields that take a single line (names, question text).</summary>
    public const string Payload = Script + " " + Img + " " + JsLink + " " + Svg;

    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "srcdoc", "data", "poster", "background"];

    /// <summary>
    /// Fails when the parsed DOM has an inline or foreign script, an on* handler attribute, or a javascript:/data:/vbscript:
    /// URL; that is, when stored text became markup rather than text.
    /// </summary>
    public static void AssertInert(IDocument document, string where)
    {
        foreach (var script in document.QuerySelectorAll("script"))
        {
            var src = script.GetAttribute("src");
            Assert.True(src is not null && src.StartsWith("/js/", StringComparison.Ordinal) && script.TextContent.Trim().Length == 0,
                $"{where}: a live script element: {script.OuterHtml}");
        }

        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{where}: an event-handler attribute: {element.OuterHtml}");
                if (UrlAttributes.Contains(attribute.Name, StringComparer.OrdinalIgnoreCase))
                {
                    var url = new string([.. attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))]).ToLowerInvariant();
                    Assert.False(url.StartsWith("javascript:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal) || url.StartsWith("vbscript:", StringComparison.Ordinal),
                        $"{where}: a script URL: {element.OuterHtml}");
                }
            }

            Assert.False(element.LocalName is "svg" or "iframe" or "object" or "embed" or "base" or "meta" && element.ParentElement?.LocalName is not "head" and not null,
                $"{where}: an injected <{element.LocalName}> element: {element.OuterHtml}");
        }
    }

    /// <summary>The same check for an HTML fragment (a JSON field such as guidanceHtml).</summary>
    public static void AssertInertFragment(string? html, string where)
    {
        var document = new HtmlParser().ParseDocument($"<!doctype html><html><head></head><body>{html}</body></html>");
        AssertInert(document, where);
    }

    /// <summary>Fails unless the page shows <paramref name="text"/> as text (so the hostile input really reached it).</summary>
    public static void AssertShowsText(IDocument document, string text, string where) =>
        Assert.True(document.Body!.TextContent.Contains(text, StringComparison.Ordinal), $"{where} does not show the text '{text}'.");

    /// <summary>JSON bodies escape markup characters, so a browser sniffing the body never finds a tag.</summary>
    public static void AssertJsonEscaped(string json, string where)
    {
        Assert.DoesNotContain("<script", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", json, StringComparison.OrdinalIgnoreCase);
        Assert.True(json.Contains("\\u003Cscript\\u003E", StringComparison.OrdinalIgnoreCase), $"{where}: the payload is not in the JSON at all.");
    }
}
