namespace PeerInterview.Web.Domain;

public enum QuestionType
{
    Behavioural,
    Situational,
    Knowledge,
    Motivational,
}

public enum QuestionStatus
{
    Active,
    NeedsReview,
    Archived,
}

public enum RedFlagSeverity
{
    Concern,
    KnockOut,
}

public enum KitStatus
{
    Draft,
    Published,
    Retired,
}

public enum CandidateStage
{
    Applied,
    Interviewing,
    Decision,
    Hired,
    NotHired,
    Withdrawn,
}

public enum ScorecardState
{
    Draft,
    Submitted,
    Reopened,
}

public enum Recommendation
{
    StrongNo,
    No,
    Yes,
    StrongYes,
}

public enum RedFlagDecision
{
    Confirmed,
    Dismissed,
}

/// <summary>Which layer a kit item's 1/3/5 anchors come from, strongest first (see <c>Questions/AnchorLayers</c>).</summary>
public enum AnchorSource
{
    [System.Text.Json.Serialization.JsonStringEnumMemberName("question")]
    Question,

    [System.Text.Json.Serialization.JsonStringEnumMemberName("competency")]
    Competency,

    [System.Text.Json.Serialization.JsonStringEnumMemberName("generic")]
    Generic,
}
