using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace PeerInterview.Web.Infrastructure;

/// <summary>
/// API JSON escapes &lt; &gt; &amp; ' and + (as \u003C …), so stored text such as "&lt;script&gt;" never appears as markup in
/// a response body, whatever a client or an old browser does with it. ASP.NET Core's default for HTTP JSON is the
/// relaxed encoder, which writes it raw. Letters outside ASCII (names, "—") stay readable.
/// </summary>
public static class JsonMarkup
{
    public static JavaScriptEncoder EscapingEncoder { get; } = JavaScriptEncoder.Create(UnicodeRanges.All);
}
