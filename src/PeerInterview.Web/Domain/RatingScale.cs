namespace PeerInterview.Web.Domain;

/// <summary>The anchored 1–5 scale. Generic anchors stand in where a question has none of its own yet.</summary>
public static class RatingScale
{
    public const int Min = 1;
    public const int Max = 5;

    public const string GenericPoor = "No relevant example, or an approach that could harm or disempower the person supported.";
    public const string GenericMeets = "A relevant, safe, person-centred example that meets the standard expected of a new hire.";
    public const string GenericExcellent = "A specific example with clear actions, reflection on what was learned, and respect for the person's choices.";
}
