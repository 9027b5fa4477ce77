using PeerInterview.Web.Domain;
using PeerInterview.Web.Questions;

namespace PeerInterview.Web.Kits;

/// <summary>
/// The anchors a rater sees for a kit item: resolved from the layers by <see cref="AnchorLayers"/> (kit override and
/// question, then competency, then generic) while a version is a draft; rebuilt from the copy publishing froze
/// (<see cref="KitFreezer"/>) once it is published, so later edits to the bank or the framework never change them.
/// </summary>
public static class KitItemAnchors
{
    public static EffectiveAnchors Effective(AnchorTexts itemOverride, AnchorTexts question, AnchorTexts competency) =>
        AnchorLayers.Resolve(itemOverride, question, competency);

    /// <summary>
    /// A published item's anchors from its frozen texts: the layer frozen with them decides the item's source; each
    /// level's source is read off its text (the generic wording, the frozen competency anchor, or else the question's).
    /// Versions frozen before layers were recorded get the layer their texts show.
    /// </summary>
    public static EffectiveAnchors Frozen(string poor, string meets, string excellent, AnchorSource? source, AnchorTexts frozenCompetency, bool overriddenInKit)
    {
        ArgumentNullException.ThrowIfNull(frozenCompetency);
        var poorSource = LevelSource(poor, frozenCompetency.Poor, RatingScale.GenericPoor);
        var meetsSource = LevelSource(meets, frozenCompetency.Meets, RatingScale.GenericMeets);
        var excellentSource = LevelSource(excellent, frozenCompetency.Excellent, RatingScale.GenericExcellent);
        var strongest = (AnchorSource)Math.Min((int)poorSource, Math.Min((int)meetsSource, (int)excellentSource));
        return new EffectiveAnchors(poor, meets, excellent, source ?? strongest, poorSource, meetsSource, excellentSource, overriddenInKit);
    }

    /// <summary>True when <paramref name="text"/> is the generic scale's wording (shown in grey, badged "generic").</summary>
    public static bool IsGeneric(string? text) =>
        text is RatingScale.GenericPoor or RatingScale.GenericMeets or RatingScale.GenericExcellent;

    private static AnchorSource LevelSource(string text, string? competency, string generic) =>
        text == generic ? AnchorSource.Generic
        : !string.IsNullOrWhiteSpace(competency) && text == competency.Trim() ? AnchorSource.Competency
        : AnchorSource.Question;
}
