namespace PeerInterview.Web.People;

/// <summary>LIKE patterns for case-insensitive searches over lower-cased columns (search terms arrive lower-cased).</summary>
public static class TextSearch
{
    public const string Escape = "\\";

    /// <summary>"50%_off" → "%50\%\_off%": the term's own wildcards match literally.</summary>
    public static string Containing(string term) => "%" + Literal(term) + "%";

    public static string Literal(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
