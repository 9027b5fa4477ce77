using Microsoft.AspNetCore.DataProtection;

namespace PeerInterview.Web.Data;

/// <summary>
/// The data-protection key ring (it signs and encrypts cookies, bearer tokens and antiforgery tokens) lives in the
/// database, so every instance over one database accepts what another issued. The application name isolates the
/// keys' purpose from other apps and must be the same on every instance.
/// </summary>
public static class DataProtectionSetup
{
    public const string ApplicationName = "PeerInterview";

    public static IServiceCollection AddSharedDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<AppDbContext>();
        return services;
    }
}
