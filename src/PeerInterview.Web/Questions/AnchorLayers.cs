using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Questions;

/// <summary>Three anchor texts (1 poor, 3 meets, 5 excellent) as one layer holds them; blank means "not written".</summary>
public sealed record AnchorTexts(string? Poor, string? Meets, string? Excellent)
{
    public static readonly AnchorTexts None = new(null, null, null);

    public static readonly AnchorTexts Generic = new(RatingScale.GenericPoor, RatingScale.GenericMeets, RatingScale.GenericExcellent);

    public bool IsEmpty => Blank(Poor) && Blank(Meets) && Blank(Excellent);

    public bool IsComplete => !Blank(Poor) && !Blank(Meets) && !Blank(Excellent);

    internal static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);
}

/// <summary>The anchors a rater sees for one kit item, and the layer each came from.</summary>
public sealed record EffectiveAnchors(
    string Poor, string Meets, string Excellent,
    AnchorSource Source, AnchorSource PoorSource, AnchorSource MeetsSource, AnchorSource ExcellentSource,
    bool OverriddenInKit)
{
    /// <summary>Per level (1, 3, 5), where the text came from; differs from <see cref="Source"/> only where a layer is incomplete.</summary>
    public IReadOnlyList<AnchorSource> LevelSources => [PoorSource, MeetsSource, ExcellentSource];
}

/// <summary>
/// The one place that decides which anchors a rater sees. Layers, strongest first: the kit item's overrides over the
/// question's own anchors (question-specific), then the anchors of the question's primary competency, then the generic
/// scale. Each level falls through on its own, so a half-written question set is completed from the layer below; the
/// item's <see cref="EffectiveAnchors.Source"/> is the strongest layer that supplied any level.
/// </summary>
public static class AnchorLayers
{
    public static EffectiveAnchors Resolve(AnchorTexts itemOverrides, AnchorTexts question, AnchorTexts competency)
    {
        var (poor, poorSource) = Level(itemOverrides.Poor, question.Poor, competency.Poor, RatingScale.GenericPoor);
        var (meets, meetsSource) = Level(itemOverrides.Meets, question.Meets, competency.Meets, RatingScale.GenericMeets);
        var (excellent, excellentSource) = Level(itemOverrides.Excellent, question.Excellent, competency.Excellent, RatingScale.GenericExcellent);
        var source = (AnchorSource)Math.Min((int)poorSource, Math.Min((int)meetsSource, (int)excellentSource));
        return new EffectiveAnchors(poor, meets, excellent, source, poorSource, meetsSource, excellentSource, !itemOverrides.IsEmpty);
    }

    /// <summary>
    /// A published item: the layer frozen at publish decides, so a question or competency that gains anchors later
    /// never moves the item to another layer, and the competency anchors are the ones frozen with it.
    /// </summary>
    public static EffectiveAnchors ResolvePublished(AnchorSource? frozenSource, AnchorTexts itemOverrides, AnchorTexts question, AnchorTexts frozenCompetency, AnchorTexts liveCompetency) =>
        frozenSource switch
        {
            // Versions published before anchor sources were frozen resolve as they always did.
            null => Resolve(itemOverrides, question, liveCompetency),
            AnchorSource.Question => Resolve(itemOverrides, question, frozenCompetency),
            AnchorSource.Competency => Resolve(AnchorTexts.None, AnchorTexts.None, frozenCompetency),
            _ => Resolve(AnchorTexts.None, AnchorTexts.None, AnchorTexts.None),
        };

    /// <summary>How the layer is named to people: the scorecard, the guide and the report use these words.</summary>
    public static string Describe(AnchorSource source, string competencyCode) => source switch
    {
        AnchorSource.Question => "Anchors written for this question",
        AnchorSource.Competency => $"{competencyCode} competency anchors (this question has none of its own)",
        _ => "Generic scale (no question or competency anchors yet)",
    };

    public static string ShortLabel(AnchorSource source) => source switch
    {
        AnchorSource.Question => "question anchors",
        AnchorSource.Competency => "competency anchors",
        _ => "generic scale",
    };

    private static (string Text, AnchorSource Source) Level(string? itemOverride, string? question, string? competency, string generic) =>
        !AnchorTexts.Blank(itemOverride) ? (itemOverride!.Trim(), AnchorSource.Question)
        : !AnchorTexts.Blank(question) ? (question!.Trim(), AnchorSource.Question)
        : !AnchorTexts.Blank(competency) ? (competency!.Trim(), AnchorSource.Competency)
        : (generic, AnchorSource.Generic);
}
