using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Import;

/// <summary>What the importer recognised in one document. Nothing here has been saved.</summary>
public sealed record ParsedDocument
{
    /// <summary>Short name of the layout the recogniser saw, e.g. "numbered-how-to-answer" or "bulleted-purpose-sample".</summary>
    public required string Format { get; init; }

    /// <summary>The text encoding that was detected: "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1252".</summary>
    public required string Encoding { get; init; }

    /// <summary>Lower-case hex SHA-256 of the raw bytes.</summary>
    public required string Sha256 { get; init; }

    public required string Title { get; init; }

    public required IReadOnlyList<ParsedQuestion> Questions { get; init; }

    /// <summary>Red flags that apply to the whole role (e.g. a "Red Flags" list at the end of the document).</summary>
    public required IReadOnlyList<ParsedRedFlag> GlobalRedFlags { get; init; }

    /// <summary>Things a hiring manager should know about the import (skipped blocks, inferred titles, ...).</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
}

public sealed record ParsedQuestion
{
    public required string Text { get; init; }

    /// <summary>True when the source gave no question sentence and <see cref="Text"/> is a provisional title.</summary>
    public bool TitleInferred { get; init; }

    /// <summary>"Why it is asked" text, plain paragraphs.</summary>
    public string? Purpose { get; init; }

    /// <summary>Interviewer guidance as Markdown ("How to answer", "Look for"); numbered tips become a Markdown list.</summary>
    public string? Guidance { get; init; }

    /// <summary>The individual "how to answer" tips when the source gave them as a list.</summary>
    public IReadOnlyList<string> GuidanceTips { get; init; } = [];

    /// <summary>Sample answers as Markdown; several answers are separated by a blank line and a horizontal rule.</summary>
    public string? SampleAnswer { get; init; }

    public QuestionType? Type { get; init; }

    /// <summary>Upper-case topic label as in the source, e.g. "CONFLICT RESOLUTION".</summary>
    public string? Topic { get; init; }

    /// <summary>Section heading the question sat under, e.g. "Behavioral Interview Questions".</summary>
    public string? Section { get; init; }

    /// <summary>Primary competency code, e.g. "D5".</summary>
    public required string Competency { get; init; }

    /// <summary>Why that competency was chosen, in words, e.g. "topic label CRISIS INTERVENTION" or "keyword 'suicidal'".</summary>
    public required string CompetencyReason { get; init; }

    public IReadOnlyList<ParsedRedFlag> RedFlags { get; init; } = [];

    public IReadOnlyList<LintWarning> LintWarnings { get; init; } = [];

    /// <summary>1-based line range in the decoded source.</summary>
    public int LineStart { get; init; }

    public int LineEnd { get; init; }
}

public sealed record ParsedRedFlag(string Text, RedFlagSeverity Severity);

/// <summary>A reason a question may be unlawful or unfair to ask before an offer (EEOC).</summary>
public sealed record LintWarning(string Category, string Reason);

/// <summary>Why an upload was refused. The message is shown to the user as is.</summary>
public enum ImportRejection
{
    Empty,
    TooLarge,
    Binary,
    Undecodable,
    NoQuestions,
}

public sealed class ImportRejectedException(ImportRejection reason, string message) : Exception(message)
{
    public ImportRejection Reason { get; } = reason;
}

/// <summary>A competency the importer may tag with: its code, name and whether it is active.</summary>
public sealed record CompetencyRef(string Code, string Name);
