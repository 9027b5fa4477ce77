using System.Security.Claims;
using PeerInterview.Web.Accounts;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.Interviews;

namespace PeerInterview.Web.Scoring;

/// <summary>
/// /api/v1/scorecards: the owner reads and autosaves their scorecard (every write carries the version it was based on
/// and answers with the new one); others read it only under the blind rule; managers reopen.
/// </summary>
public static class ScorecardEndpoints
{
    public static void MapScorecardEndpoints(this RouteGroupBuilder api)
    {
        var scorecards = api.MapGroup("/scorecards").WithTags("Scorecards").RequireAuthorization(Policies.Staff);
        scorecards.MapGet("/{id:int}", async (int id, ScorecardService service, HttpContext http, CancellationToken ct) =>
            Respond(await service.GetAsync(id, ReaderOf(http.User), ct)));
        scorecards.MapGet("/{id:int}/history", async (int id, ScorecardService service, HttpContext http, CancellationToken ct) =>
            Respond(await service.HistoryAsync(id, ReaderOf(http.User), ct)));
        scorecards.MapPut("/{id:int}/ratings/{kitItemId:int}", async (int id, int kitItemId, RatingInput request, ScorecardService service, HttpContext http, CancellationToken ct) =>
            Respond(await service.SaveRatingAsync(id, kitItemId, request, http.User.UserId() ?? "", ct)));
        scorecards.MapPut("/{id:int}/red-flags/{key}", async (int id, string key, RedFlagInput request, ScorecardService service, HttpContext http, CancellationToken ct) =>
            Respond(await service.SaveRedFlagAsync(id, key, request, http.User.UserId() ?? "", ct)));
        scorecards.MapPut("/{id:int}", async (int id, SummaryInput request, ScorecardService service, HttpContext http, CancellationToken ct) =>
            Respond(await service.SaveSummaryAsync(id, request, http.User.UserId() ?? "", ct)));
        scorecards.MapPut("/{id:int}/position", async (int id, PositionRequest request, ScorecardService service, HttpContext http, CancellationToken ct) =>
            await service.SetPositionAsync(id, request.KitItemId, http.User.UserId() ?? "", ct) is { } failure ? failure.ToHttp() : Results.NoContent());
        scorecards.MapPost("/{id:int}/submit", async (int id, ScorecardService service, HttpContext http, CancellationToken ct) =>
        {
            var outcome = await service.SubmitAsync(id, http.User.UserId() ?? "", ct);
            return outcome.Failure is { Kind: FailureKind.Invalid, Errors: { } errors }
                ? TypedResults.ValidationProblem(errors, title: "Not ready to submit", detail: "Complete the items listed, then submit again.")
                : Respond(outcome);
        });
        scorecards.MapPost("/{id:int}/reopen", async (int id, ReopenRequest request, ScorecardService service, HttpContext http, CancellationToken ct) =>
            Respond(await service.ReopenAsync(id, request.Reason, http.User.UserId() ?? "", ct)))
            .RequireAuthorization(Policies.Managers);
    }

    public sealed record PositionRequest(int? KitItemId);

    public sealed record ReopenRequest(string? Reason);

    private static ScorecardReader ReaderOf(ClaimsPrincipal user) => new(user.UserId() ?? "", InterviewQueries.SeesAllInterviews(user));

    private static IResult Respond<T>(Outcome<T> outcome)
        where T : class =>
        outcome.Failure is { } failure ? failure.ToHttp() : Results.Ok(outcome.Value);

    /// <summary>A stale write answers 409 with the saved version in <c>current</c>, so the page can show both.</summary>
    private static IResult Respond<T>(ScorecardWrite<T> write)
        where T : class =>
        write.Failure is not { } failure ? Results.Ok(write.Saved)
        : write.Current is { } current
            ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: failure.Title, detail: failure.Detail,
                extensions: new Dictionary<string, object?> { ["current"] = current })
            : failure.ToHttp();
}
