using Microsoft.AspNetCore.Http.HttpResults;
using PeerInterview.Web.Accounts;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.Reports.Analytics;

namespace PeerInterview.Web.Reports;

/// <summary>GET /api/v1/analytics: programme analytics as JSON for Admin, HiringManager and HR (never interviewers).</summary>
public static class AnalyticsEndpoints
{
    public static IServiceCollection AddProgrammeAnalytics(this IServiceCollection services) =>
        services.AddScoped<ProgrammeAnalyticsQuery>();

    public static void MapAnalyticsEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/analytics", GetAnalytics)
            .WithTags("Analytics")
            .WithSummary("Interviewer leniency and Krippendorff's alpha (interval) per competency, optionally for one position and a range of interview dates (UTC days, inclusive).")
            .RequireAuthorization(Policies.Readers);

    private static async Task<Results<Ok<AnalyticsResponse>, ValidationProblem, ProblemHttpResult>> GetAnalytics(
        ProgrammeAnalyticsQuery query, HttpContext http, int? positionId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (DateRange.Errors(from, to, DateTimeOffset.UtcNow) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (positionId is { } id && !await query.PositionExistsAsync(id, ct))
        {
            return TypedResults.Problem(statusCode: 404, title: "Position not found", detail: $"There is no position {id}.");
        }

        return TypedResults.Ok(AnalyticsResponse.Of(await query.LoadAsync(new AnalyticsFilter(positionId, from, to), http.User.UserId(), ct)));
    }
}

public sealed record AnalyticsResponse(
    int? PositionId,
    DateOnly? From,
    DateOnly? To,
    int Candidates,
    int SubmittedScorecards,
    DateTimeOffset GeneratedAt,
    AnalyticsThresholds Thresholds,
    IReadOnlyList<LeniencyRow> Leniency,
    IReadOnlyList<ReliabilityRow> Reliability,
    int WithheldInterviews)
{
    public static AnalyticsResponse Of(ProgrammeAnalytics a) => new(
        a.Filter.PositionId,
        a.Filter.From,
        a.Filter.To,
        a.Candidates,
        a.SubmittedScorecards,
        a.GeneratedAt,
        new AnalyticsThresholds(Analytics.Leniency.MinimumSharedItems, KrippendorffAlpha.Reliable, KrippendorffAlpha.Tentative, KrippendorffAlpha.MinimumUnits),
        [.. a.Leniency.Select(l => new LeniencyRow(l.InterviewerId, l.Name, l.Value, l.SharedItems, l.RatedItems, l.EnoughData))],
        [.. a.Reliability.Select(r => new ReliabilityRow(
            r.CompetencyId, r.Code, r.Name, r.Alpha.Alpha, r.Alpha.Reading, r.Alpha.Units, r.Alpha.PairableValues, r.Alpha.DroppedUnits, r.Alpha.EnoughUnits))],
        a.WithheldInterviews);
}

public sealed record AnalyticsThresholds(int MinimumSharedItems, double AlphaReliable, double AlphaTentative, int MinimumCandidates);

/// <summary>Leniency: positive = rates above co-raters on shared items. Null when the interviewer shared no item.</summary>
public sealed record LeniencyRow(string InterviewerId, string Name, double? Leniency, int SharedItems, int RatedItems, bool EnoughData);

/// <summary>Alpha null = undefined (every value equal or nothing pairable). Candidates = candidates with two or more raters.</summary>
public sealed record ReliabilityRow(
    int CompetencyId, string Code, string Name, double? Alpha, AlphaReading Reading, int Candidates, int PairableValues, int CandidatesWithOneRater, bool EnoughCandidates);
