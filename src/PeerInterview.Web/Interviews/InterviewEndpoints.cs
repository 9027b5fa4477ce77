using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using PeerInterview.Web.Accounts;
using PeerInterview.Web.Infrastructure;

namespace PeerInterview.Web.Interviews;

/// <summary>
/// /api/v1/interviews and /api/v1/me/interviews. Managers schedule and change panels; HR reads any interview;
/// an interviewer reads only the interviews they sit on, and any other interview is 404 to them.
/// </summary>
public static class InterviewEndpoints
{
    public static void MapInterviewEndpoints(this RouteGroupBuilder api)
    {
        var interviews = api.MapGroup("/interviews").WithTags("Interviews").RequireAuthorization(Policies.Staff);
        interviews.MapPost("/", Schedule).RequireAuthorization(Policies.Managers);
        interviews.MapGet("/{id:int}", Get);
        interviews.MapGet("/{id:int}/progress", Progress);
        interviews.MapPost("/{id:int}/interviewers", AddInterviewer).RequireAuthorization(Policies.Managers);
        interviews.MapDelete("/{id:int}/interviewers/{interviewerId}", RemoveInterviewer).RequireAuthorization(Policies.Managers);
        interviews.MapPost("/{id:int}/cancel", Cancel).RequireAuthorization(Policies.Managers);

        api.MapGet("/me/interviews", Mine).WithTags("Interviews").RequireAuthorization(Policies.Staff);
    }

    /// <summary><see cref="ScheduledAt"/> is ISO 8601; a time without an offset is taken as UTC.</summary>
    public sealed record ScheduleRequest(int? CandidateId, int? KitVersionId, string? ScheduledAt, string[]? InterviewerIds, string? Location);

    public sealed record AddInterviewerRequest(string? InterviewerId);

    private static async Task<Results<Created<InterviewDetail>, ValidationProblem, ProblemHttpResult>> Schedule(
        ScheduleRequest request, SchedulingService scheduling, HttpContext http, CancellationToken ct)
    {
        DateTimeOffset? at = null;
        if (!string.IsNullOrWhiteSpace(request.ScheduledAt))
        {
            if (!DateTimeOffset.TryParse(request.ScheduledAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["scheduledAt"] = ["Use an ISO 8601 date and time, like 2026-03-14T15:00:00Z (a time without an offset is taken as UTC)."],
                });
            }

            at = parsed;
        }

        var command = new ScheduleCommand(request.CandidateId, request.KitVersionId, at, request.InterviewerIds, request.Location);
        return (await scheduling.ScheduleAsync(command, http.User.UserId(), ct)).ToHttp(i => TypedResults.Created($"/api/v1/interviews/{i.Id}", i));
    }

    private static async Task<Results<Ok<InterviewDetail>, ProblemHttpResult>> Get(int id, InterviewQueries queries, HttpContext http, CancellationToken ct) =>
        await queries.GetForAsync(id, http.User, ct) is { } interview
            ? TypedResults.Ok(interview)
            : TypedResults.Problem(statusCode: 404, title: "Interview not found", detail: $"There is no interview {id}.");

    /// <summary>Live panel progress (counts and positions, never scores); polled by the interview page.</summary>
    private static async Task<Results<Ok<PanelProgress>, ProblemHttpResult>> Progress(int id, PanelProgressQuery progress, HttpContext http, CancellationToken ct) =>
        await progress.GetForAsync(id, http.User, ct) is { } panel
            ? TypedResults.Ok(panel)
            : TypedResults.Problem(statusCode: 404, title: "Interview not found", detail: $"There is no interview {id}.");

    private static async Task<Results<Ok<InterviewDetail>, ValidationProblem, ProblemHttpResult>> AddInterviewer(
        int id, AddInterviewerRequest request, SchedulingService scheduling, HttpContext http, CancellationToken ct) =>
        (await scheduling.AddInterviewerAsync(id, request.InterviewerId, http.User.UserId(), ct)).ToHttp(TypedResults.Ok);

    private static async Task<Results<Ok<InterviewDetail>, ValidationProblem, ProblemHttpResult>> RemoveInterviewer(
        int id, string interviewerId, SchedulingService scheduling, HttpContext http, CancellationToken ct) =>
        (await scheduling.RemoveInterviewerAsync(id, interviewerId, http.User.UserId(), ct)).ToHttp(TypedResults.Ok);

    private static async Task<Results<Ok<InterviewDetail>, ValidationProblem, ProblemHttpResult>> Cancel(
        int id, SchedulingService scheduling, HttpContext http, CancellationToken ct) =>
        (await scheduling.CancelAsync(id, http.User.UserId(), ct)).ToHttp(TypedResults.Ok);

    private static async Task<Ok<MyInterviews>> Mine(InterviewQueries queries, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await queries.MineAsync(http.User.UserId() ?? "", ct));
}
