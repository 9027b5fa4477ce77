namespace PeerInterview.Web.Infrastructure;

/// <summary>
/// Security headers on every response: pages, API, static files and error pages (added when the response starts, so
/// the exception handler and status-code re-execution keep them).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// No inline scripts, handlers or style attributes anywhere: every script and style is a file under wwwroot.
    /// <c>worker-src 'self'</c> keeps the scorecard page's service worker (/sw.js); <c>img-src data:</c> allows small inline images.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'; worker-src 'self'; manifest-src 'self'";

    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    /// <summary>Call first in the pipeline so every response, including error pages and static files, gets the headers.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                Apply(context);
                return Task.CompletedTask;
            });
            return next(context);
        });

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers["Cross-Origin-Opener-Policy"] = "same-origin";

        // Whatever a signed-in person sees (candidates, notes, ratings) and every API answer stays out of browser and proxy
        // caches. Static files are served before authentication runs, so they stay cacheable. The scorecard page's service
        // worker keeps its own copy through the Cache API, which this header does not govern.
        var personal = context.User.Identity?.IsAuthenticated == true || context.Request.Path.StartsWithSegments("/api");
        if (personal && !headers.CacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase))
        {
            headers.CacheControl = "no-store";
        }
    }
}
