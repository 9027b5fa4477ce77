namespace PeerInterview.Web.Infrastructure;

/// <summary>Lenient enum parsing for query strings and forms: "needs-review", "needs_review" and "NeedsReview" are the same.</summary>
public static class EnumText
{
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var compact = text.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (compact.Equals("technical", StringComparison.OrdinalIgnoreCase) && typeof(T) == typeof(Domain.QuestionType))
        {
            compact = nameof(Domain.QuestionType.Knowledge);
        }

        // Only a single named value: Enum.TryParse also accepts "Hired, Withdrawn" (combined bits) and numbers.
        return !int.TryParse(compact, out _) && !compact.Contains(',', StringComparison.Ordinal)
            && Enum.TryParse(compact, ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    /// <summary>"NeedsReview" → "needs review", for people.</summary>
    public static string Words<T>(T value) where T : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
