namespace PeerInterview.Web.Seeding;

/// <summary>Where the seed documents and the starter anchors live: configured, beside the binaries, or above the working folder.</summary>
public static class SeedFolder
{
    public static string? Find(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Seed:Folder"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Directory.Exists(configured) ? configured : null;
        }

        // Published and built apps carry seed-data beside the binaries; dotnet run from the repo also finds it upwards.
        foreach (var start in new[] { AppContext.BaseDirectory, environment.ContentRootPath })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "seed-data");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
