using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PeerInterview.Tests.Infrastructure;

namespace PeerInterview.Tests.Security;

/// <summary>
/// One callable thing: an HTTP method on a minimal-API route, or one handler of a Razor page. <see cref="Key"/> is how the
/// access table names it: <c>"GET /api/v1/kits/{id:int}"</c>, <c>"POST /Kits/Edit/{id:int}?handler=Add"</c>,
/// <c>"* /healthz"</c> for an endpoint that answers every method.
/// </summary>
public sealed record EndpointProbe(string Key, string Method, string Pattern, string? Handler, bool IsPage)
{
    public bool IsApi => Pattern.StartsWith("/api/", StringComparison.Ordinal);

    public bool IsSafe => Method is "GET" or "*";

    /// <summary>The request method to send (<c>*</c> endpoints are probed with GET).</summary>
    public HttpMethod HttpMethod => new(Method == "*" ? "GET" : Method);
}

/// <summary>Every endpoint of the app, read from its endpoint data sources (minimal API methods and every Razor page handler).</summary>
public static partial class EndpointInventory
{
    public static async Task<IReadOnlyList<EndpointProbe>> DiscoverAsync(TestApp app)
    {
        var services = app.Services;
        var endpoints = services.GetServices<EndpointDataSource>()
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Distinct()
            .ToList();
        var pageLoader = services.GetRequiredService<PageLoader>();

        var probes = new List<EndpointProbe>();
        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + string.Join('/', (endpoint.RoutePattern.RawText ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries));
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await pageLoader.LoadAsync(page, endpoint.Metadata);
                var handlers = compiled.HandlerMethods.Select(h => (Method: h.HttpMethod.ToUpperInvariant(), h.Name)).Distinct().ToList();
                if (handlers.Count == 0)
                {
                    handlers.Add(("GET", null)); // a page without a model answers GET
                }

                probes.AddRange(handlers.Select(h => new EndpointProbe(
                    $"{h.Method} {pattern}{(h.Name is null ? "" : "?handler=" + h.Name)}", h.Method, pattern, h.Name, IsPage: true)));
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } declared ? declared : ["*"];
            probes.AddRange(methods.Select(m => new EndpointProbe($"{m} {pattern}", m, pattern, null, IsPage: false)));
        }

        return [.. probes.DistinctBy(p => p.Key).OrderBy(p => p.Key, StringComparer.Ordinal)];
    }

    /// <summary>The probe's URL with each route parameter replaced by <paramref name="value"/>(parameter name, pattern).</summary>
    public static string Url(EndpointProbe probe, Func<string, string, string> value)
    {
        var path = RouteParameter().Replace(probe.Pattern, m => value(m.Groups[1].Value, probe.Pattern));
        path = path.Replace("//", "/", StringComparison.Ordinal);
        if (path.Length > 1)
        {
            path = path.TrimEnd('/');
        }

        return probe.Handler is null ? path : $"{path}?handler={probe.Handler}";
    }

    [GeneratedRegex(@"\{\*{0,2}(\w+)(?::[^}?]*)?\??\}")]
    private static partial Regex RouteParameter();
}
