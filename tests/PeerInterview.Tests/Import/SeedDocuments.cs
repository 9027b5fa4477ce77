using PeerInterview.Web.Import;

namespace PeerInterview.Tests.Import;

/// <summary>The five seed documents from the repository's seed-data folder.</summary>
internal static class SeedDocuments
{
    public static readonly IReadOnlyList<string> Prefixes = ["000", "001", "002", "003", "004"];

    private static readonly Lazy<string> FolderPath = new(FindFolder);

    public static string Folder => FolderPath.Value;

    /// <summary>Raw bytes of the seed whose name starts with the prefix, e.g. "003".</summary>
    public static byte[] Read(string prefix) => File.ReadAllBytes(PathOf(prefix));

    public static string PathOf(string prefix) =>
        Directory.GetFiles(Folder, prefix + "_*.txt").Single();

    public static ParsedDocument Parse(string prefix) =>
        new QuestionDocumentImporter().Parse(Read(prefix), Path.GetFileName(PathOf(prefix)));

    public static IEnumerable<(string Prefix, ParsedDocument Document)> ParseAll() =>
        Prefixes.Select(p => (p, Parse(p)));

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var seeds = Path.Combine(dir.FullName, "seed-data");
            if (Directory.Exists(seeds) && File.Exists(Path.Combine(dir.FullName, "PeerInterview.sln")))
            {
                return seeds;
            }
        }

        throw new InvalidOperationException($"No folder with seed-data and PeerInterview.sln above {AppContext.BaseDirectory}.");
    }
}
