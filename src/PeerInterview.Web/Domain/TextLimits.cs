namespace PeerInterview.Web.Domain;

/// <summary>
/// Column lengths for text the importer fills from documents: the EF configurations declare them, the importer shortens
/// to them (warning in the preview when a question or red flag is cut), and <see cref="Data.SavedText"/> refuses anything
/// longer on both providers.
/// </summary>
public static class TextLimits
{
    public const int QuestionText = 1000;
    public const int RedFlagText = 500;
    public const int Topic = 120;
    public const int Section = 200;
    public const int CompetencyReason = 300;
    public const int DocumentTitle = 400;
    public const int FileName = 260;
    public const int Anchor = 1000;
    public const int ListenForPoint = 300;
    public const int ListenForPoints = 8;
}
