namespace PeerInterview.Web.Domain;

public class SourceDocument
{
    public int Id { get; set; }
    public required string FileName { get; set; }
    public required string Sha256 { get; set; }
    public required string Format { get; set; }
    public required string Encoding { get; set; }
    public string? Title { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public string? ImportedById { get; set; }
    public int QuestionCount { get; set; }
    public int RedFlagCount { get; set; }
    public List<string> Warnings { get; set; } = [];
}
