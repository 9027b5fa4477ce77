using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace PeerInterview.Web.Infrastructure;

/// <summary>
/// Behind a reverse proxy that ends TLS (README, "Running several instances on PostgreSQL"): with
/// <c>ForwardedHeaders:Enabled=true</c> the app takes the client address and scheme from X-Forwarded-For/-Proto.
/// Off by default; only proxies on loopback plus <c>ForwardedHeaders:KnownProxies</c> / <c>KnownNetworks</c> are trusted.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddForwardedHeadersFromConfiguration(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("ForwardedHeaders");
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in section.GetSection("KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in section.GetSection("KnownNetworks").Get<string[]>() ?? [])
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }

    public static WebApplication UseForwardedHeadersIfEnabled(this WebApplication app)
    {
        if (app.Configuration.GetValue("ForwardedHeaders:Enabled", false))
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
