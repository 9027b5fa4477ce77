using PeerInterview.Web.Infrastructure;

namespace PeerInterview.Tests.Security;

public class MarkdownRendererXssTests
{
    public static TheoryData<string> Attacks() =>
    [
        Xss.Script,
        Xss.Img,
        Xss.JsLink,
        Xss.Svg,
        "<svg><script>alert(1)</script></svg>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "[x](JavaScript:alert(1))",
        "[x]( javascript:alert(1) )",
        "[x](java\tscript:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](javascript&colon;alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "![x](javascript:alert(1))",
        "<javascript:alert(1)>",
        "<data:text/html,<script>alert(1)</script>>",
        "[x][ref]\n\n[ref]: javascript:alert(1)",
        "[x](https://example.org \"\" onmouseover=\"alert(1))",
        "[x](https://example.org\" onmouseover=\"alert(1))",
        "<div onclick=\"alert(1)\">x</div>",
        "`<script>alert(1)</script>`",
        "    <script>alert(1)</script>",
        "<!-- --><script>alert(1)</script>",
    ];

    [Theory]
    [MemberData(nameof(Attacks))]
    public void Rendering_NeverProducesLiveMarkup(string markdown)
    {
        var html = MarkdownRenderer.ToHtml($"Before {markdown} after\n\n{markdown}");

        Xss.AssertInertFragment(html, markdown);
    }

    [Fact]
    public void SafeLinks_StayLinks()
    {
        var html = MarkdownRenderer.ToHtml("[site](https://example.org/a?b=1) [mail](mailto:hr@example.org) [page](/Questions/3) <https://example.org>");

        Assert.Contains("href=\"https://example.org/a?b=1\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:hr@example.org\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Questions/3\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void RawHtml_ShowsAsText()
    {
        var html = MarkdownRenderer.ToHtml(Xss.Script);

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<a href=\" javascript:alert(1)\">x</a>")]
    [InlineData("<svg onload=alert(1)>")]
    public void TheCheck_CatchesLiveMarkup(string html) =>
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => Xss.AssertInertFragment(html, "raw HTML"));
}
