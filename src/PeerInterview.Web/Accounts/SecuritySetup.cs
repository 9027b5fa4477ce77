using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace PeerInterview.Web.Accounts;

/// <summary>Limits on sign-in attempts per client address (<c>Security:LoginRateLimit</c>).</summary>
public sealed class LoginRateLimitOptions
{
    public const string Section = "Security:LoginRateLimit";

    /// <summary>Sign-in attempts (page form posts and API logins together) allowed per client address per window.</summary>
    public int PermitLimit { get; set; } = 20;

    public int WindowSeconds { get; set; } = 60;
}

/// <summary>
/// Cookie flags, forwarded headers, sign-in rate limiting and the login guard. The Secure flag (and the <c>__Host-</c> cookie
/// names that need it) is on everywhere except the Development and Testing environments, which run over plain http;
/// <c>Security:Cookies:SecureOnly</c> overrides either way.
/// </summary>
public static class SecuritySetup
{
    public const string AuthCookieName = "PeerInterview.Auth";
    public const string AntiforgeryCookieName = "PeerInterview.Antiforgery";
    public const string TempDataCookieName = "PeerInterview.Flash";

    /// <summary>True when cookies must only travel over HTTPS: the default outside Development and Testing.</summary>
    public static bool SecureCookies(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>("Security:Cookies:SecureOnly")
        ?? !(environment.IsDevelopment() || environment.IsEnvironment("Testing"));

    public static IServiceCollection AddAppSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var secure = SecureCookies(configuration, environment);
        // __Host- makes the browser refuse the cookie unless it is Secure, host-only and for path /, so it cannot be planted
        // by a sibling subdomain; it needs HTTPS, hence only with the Secure flag.
        var prefix = secure ? "__Host-" : "";
        var policy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

        services.PostConfigureAll<CookieAuthenticationOptions>(o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = policy;
        });
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            o.Cookie.Name = prefix + AuthCookieName;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.Path = "/";
        });
        services.Configure<AntiforgeryOptions>(o =>
        {
            o.Cookie.Name = prefix + AntiforgeryCookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = policy;
            o.Cookie.Path = "/";
        });

        services.Configure<CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = prefix + TempDataCookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = policy;
            o.Cookie.Path = "/";
        });

        // Behind a reverse proxy the client address (for the rate limit) and the scheme (for Secure cookies) come from
        // X-Forwarded-For/-Proto, trusted only from loopback and the addresses in Security:ForwardedHeaders:KnownProxies.
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("Security:ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });

        services.Configure<LoginRateLimitOptions>(configuration.GetSection(LoginRateLimitOptions.Section));
        services.AddScoped<SignInCounters>();
        services.AddScoped<LoginGuard>();
        return services;
    }

    /// <summary>
    /// The sign-in rate limit: a POST to an endpoint marked <see cref="SignInRateLimitedAttribute"/> (the login form and the
    /// API login) counts against its client address in the database (<see cref="SignInCounters"/>, shared by every
    /// instance); over the limit it gets 429 with Retry-After. Showing the login page is free. Per address: guessing one
    /// account's password is stopped by the lockout, which also covers attempts spread over many addresses. Runs after
    /// routing, so the endpoint's metadata is known.
    /// </summary>
    public static IApplicationBuilder UseSignInRateLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.GetEndpoint()?.Metadata.GetMetadata<SignInRateLimitedAttribute>() is not null)
        {
            var limits = context.RequestServices.GetRequiredService<IOptions<LoginRateLimitOptions>>().Value;
            var counters = context.RequestServices.GetRequiredService<SignInCounters>();
            var wait = await counters.CountAttemptAsync(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                Math.Max(1, limits.PermitLimit),
                TimeSpan.FromSeconds(Math.Max(1, limits.WindowSeconds)),
                context.RequestAborted);
            if (wait is { } retryAfter)
            {
                await TooManyAsync(context, Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)));
                return;
            }
        }

        await next(context);
    });

    /// <summary>429 with Retry-After: problem details for the API; the form gets the readable error page (re-executed /Error).</summary>
    private static async Task TooManyAsync(HttpContext http, int seconds)
    {
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many sign-in attempts",
                    Detail = TooManyMessage(seconds),
                },
            });
        }
    }

    public static string TooManyMessage(int seconds) =>
        $"Too many sign-in attempts from this network. Wait {seconds} second{(seconds == 1 ? "" : "s")} and try again.";
}

/// <summary>Marks the sign-in endpoints whose POSTs count against the sign-in rate limit (<see cref="SecuritySetup.UseSignInRateLimit"/>).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class SignInRateLimitedAttribute : Attribute;
