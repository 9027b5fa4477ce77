using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace PeerInterview.Web.Data;

/// <summary>
/// The data-protection key ring (it signs and encrypts cookies, bearer tokens and antiforgery tokens) lives in the
/// database, so every instance over one database accepts what another issued. The application name isolates the
/// keys' purpose from other apps and must be the same on every instance.
/// </summary>
public static class DataProtectionSetup
{
    public const string ApplicationName = "PeerInterview";

    /// <summary>Any constant shared by all instances: the PostgreSQL advisory lock taken while the first key is made.</summary>
    private const long FirstKeyLock = 0x5065_6572_4B65_7931;

    public static IServiceCollection AddSharedDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<AppDbContext>();
        return services;
    }

    /// <summary>
    /// Makes sure the key ring exists before the first request. Instances that start together on an empty database
    /// would otherwise each create a key of their own; on PostgreSQL an advisory lock lets one create it and the others
    /// read it. Later keys are created ahead of their activation, so every instance picks them up in time.
    /// </summary>
    public static async Task EnsureKeyRingAsync(AppDbContext db, IDataProtectionProvider provider, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            _ = provider.CreateProtector("PeerInterview.Startup").Protect("key ring");
            return;
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({FirstKeyLock})", ct);
            try
            {
                _ = provider.CreateProtector("PeerInterview.Startup").Protect("key ring");
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({FirstKeyLock})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
