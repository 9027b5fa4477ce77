using PeerInterview.Web.Accounts;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;

namespace PeerInterview.Web.Reports;

/// <summary>Hiring managers confirm or dismiss a pending knock-out on a candidate's report, with a reason.</summary>
public static class ReportEndpoints
{
    public static void MapReportEndpoints(this RouteGroupBuilder api)
    {
        var flags = api.MapGroup("/candidates/{id:int}/red-flags/{redFlagId}").WithTags("Reports").RequireAuthorization(Policies.Managers);
        flags.MapPost("/confirm", (int id, string redFlagId, ReviewRequest request, RedFlagReviews reviews, HttpContext http, CancellationToken ct) =>
            DecideAsync(id, redFlagId, RedFlagDecision.Confirmed, request, reviews, http, ct));
        flags.MapPost("/dismiss", (int id, string redFlagId, ReviewRequest request, RedFlagReviews reviews, HttpContext http, CancellationToken ct) =>
            DecideAsync(id, redFlagId, RedFlagDecision.Dismissed, request, reviews, http, ct));
    }

    private static async Task<IResult> DecideAsync(
        int id, string redFlagId, RedFlagDecision decision, ReviewRequest request, RedFlagReviews reviews, HttpContext http, CancellationToken ct)
    {
        var outcome = await reviews.DecideAsync(id, redFlagId, decision, request.Reason, http.User.UserId() ?? "", ct);
        return outcome.Failure is { } failure ? failure.ToHttp() : Results.Ok(outcome.Value);
    }

    public sealed record ReviewRequest(string? Reason);
}
