namespace PeerInterview.Web.Domain;

/// <summary>A warning sign an interviewer can check. Global when <see cref="QuestionId"/> is null.</summary>
public class RedFlag
{
    public int Id { get; set; }
    public required string Text { get; set; }
    public RedFlagSeverity Severity { get; set; }
    public int? QuestionId { get; set; }
    public int? SourceDocumentId { get; set; }
    public bool IsRetired { get; set; }
}
