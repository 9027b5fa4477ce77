using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Kits;

/// <summary>The 1, 3 and 5 anchor texts at one layer (a kit item's override, a question's own); null where that layer has none.</summary>
public sealed record AnchorTexts(string? Poor, string? Meets, string? Excellent);

/// <summary>The anchors a rater sees for one kit item: never empty, each level resolved on its own.</summary>
public sealed record EffectiveAnchors(string Poor, string Meets, string Excellent);

/// <summary>
/// The one place that decides which anchor a rater sees for a kit item: per level, the kit item's override, else the
/// question's own anchor, else the generic scale (<see cref="RatingScale"/>). Publishing freezes its result into the
/// item, so every reader of a published version shows exactly what this returned then.
/// </summary>
public static class KitItemAnchors
{
    public static EffectiveAnchors Effective(AnchorTexts itemOverride, AnchorTexts question)
    {
        ArgumentNullException.ThrowIfNull(itemOverride);
        ArgumentNullException.ThrowIfNull(question);
        return new EffectiveAnchors(
            First(itemOverride.Poor, question.Poor) ?? RatingScale.GenericPoor,
            First(itemOverride.Meets, question.Meets) ?? RatingScale.GenericMeets,
            First(itemOverride.Excellent, question.Excellent) ?? RatingScale.GenericExcellent);
    }

    /// <summary>True when <paramref name="text"/> is the generic scale's wording (shown in grey, badged "generic").</summary>
    public static bool IsGeneric(string? text) =>
        text is RatingScale.GenericPoor or RatingScale.GenericMeets or RatingScale.GenericExcellent;

    private static string? First(params string?[] layers) =>
        layers.FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));
}
