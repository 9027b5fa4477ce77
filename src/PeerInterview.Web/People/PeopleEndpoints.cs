using Microsoft.AspNetCore.Http.HttpResults;
using PeerInterview.Web.Accounts;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;

namespace PeerInterview.Web.People;

/// <summary>/api/v1/positions and /api/v1/candidates: Admin, HiringManager and HR read; Admin and HiringManager write; HR and Admin erase.</summary>
public static class PeopleEndpoints
{
    public static void MapPeopleEndpoints(this RouteGroupBuilder api)
    {
        var positions = api.MapGroup("/positions").WithTags("Positions").RequireAuthorization(Policies.Readers);
        positions.MapGet("/", ListPositions);
        positions.MapGet("/{id:int}", GetPosition);
        positions.MapPost("/", CreatePosition).RequireAuthorization(Policies.Managers);
        positions.MapPut("/{id:int}", UpdatePosition).RequireAuthorization(Policies.Managers);

        var candidates = api.MapGroup("/candidates").WithTags("Candidates").RequireAuthorization(Policies.Readers);
        candidates.MapGet("/", ListCandidates);
        candidates.MapGet("/{id:int}", GetCandidate);
        candidates.MapPost("/", CreateCandidate).RequireAuthorization(Policies.Managers);
        candidates.MapPut("/{id:int}", UpdateCandidate).RequireAuthorization(Policies.Managers);
        candidates.MapPut("/{id:int}/stage", ChangeStage).RequireAuthorization(Policies.Managers);

        // Erasure on request is HR's (DESIGN.md), and an admin's; hiring managers and interviewers may not.
        candidates.MapPost("/{id:int}/erase", EraseCandidate).RequireAuthorization(p => p.RequireRole(Roles.HR, Roles.Admin));
    }

    public sealed record StageRequest(string? Stage);

    private static async Task<Results<Ok<PagedList<PositionListItem>>, ValidationProblem>> ListPositions(
        PositionService positions, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        Paging.Validate(page, pageSize, errors);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await positions.SearchAsync(q, page, pageSize, ct));
    }

    private static async Task<Results<Ok<PositionDetail>, ProblemHttpResult>> GetPosition(int id, PositionService positions, CancellationToken ct) =>
        await positions.GetAsync(id, ct) is { } position
            ? TypedResults.Ok(position)
            : TypedResults.Problem(statusCode: 404, title: "Position not found", detail: $"There is no position {id}.");

    private static async Task<Results<Created<PositionDetail>, ValidationProblem, ProblemHttpResult>> CreatePosition(
        PositionInput input, PositionService positions, HttpContext http, CancellationToken ct) =>
        (await positions.CreateAsync(input, http.User.UserId(), ct)).ToHttp(p => TypedResults.Created($"/api/v1/positions/{p.Id}", p));

    private static async Task<Results<Ok<PositionDetail>, ValidationProblem, ProblemHttpResult>> UpdatePosition(
        int id, PositionInput input, PositionService positions, HttpContext http, CancellationToken ct) =>
        (await positions.UpdateAsync(id, input, http.User.UserId(), ct)).ToHttp(TypedResults.Ok);

    private static async Task<Results<Ok<PagedList<CandidateListItem>>, ValidationProblem>> ListCandidates(
        CandidateService candidates, string? q, int? positionId, string? stage, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        CandidateStage? parsedStage = null;
        if (stage is not null)
        {
            if (EnumText.TryParse<CandidateStage>(stage, out var s))
            {
                parsedStage = s;
            }
            else
            {
                errors["stage"] = [$"Unknown stage '{stage}'. Use one of: {StageText.Choices}."];
            }
        }

        Paging.Validate(page, pageSize, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await candidates.SearchAsync(new CandidateFilter
        {
            Q = q,
            PositionId = positionId,
            Stage = parsedStage,
            Page = page ?? 1,
            PageSize = pageSize ?? Paging.DefaultPageSize,
        }, ct));
    }

    private static async Task<Results<Ok<CandidateDetail>, ProblemHttpResult>> GetCandidate(int id, CandidateService candidates, CancellationToken ct) =>
        await candidates.GetAsync(id, ct) is { } candidate
            ? TypedResults.Ok(candidate)
            : TypedResults.Problem(statusCode: 404, title: "Candidate not found", detail: $"There is no candidate {id}.");

    private static async Task<Results<Created<CandidateDetail>, ValidationProblem, ProblemHttpResult>> CreateCandidate(
        CandidateInput input, CandidateService candidates, HttpContext http, CancellationToken ct) =>
        (await candidates.CreateAsync(input, http.User.UserId(), ct)).ToHttp(c => TypedResults.Created($"/api/v1/candidates/{c.Id}", c));

    private static async Task<Results<Ok<CandidateDetail>, ValidationProblem, ProblemHttpResult>> UpdateCandidate(
        int id, CandidateInput input, CandidateService candidates, HttpContext http, CancellationToken ct) =>
        (await candidates.UpdateAsync(id, input, http.User.UserId(), ct)).ToHttp(TypedResults.Ok);

    private static async Task<Results<Ok<CandidateDetail>, ValidationProblem, ProblemHttpResult>> ChangeStage(
        int id, StageRequest request, CandidateService candidates, HttpContext http, CancellationToken ct) =>
        (await candidates.ChangeStageAsync(id, request.Stage, http.User.UserId(), ct)).ToHttp(TypedResults.Ok);

    /// <summary>Erases the candidate's personal data for good; the body must be <c>{ "confirm": true, "reason": "…" }</c>. 409 when already erased.</summary>
    private static async Task<Results<Ok<ErasureResult>, ValidationProblem, ProblemHttpResult>> EraseCandidate(
        int id, ErasureRequest request, CandidateErasure erasure, HttpContext http, CancellationToken ct) =>
        (await erasure.EraseAsync(id, request, http.User.UserId(), ct)).ToHttp(TypedResults.Ok);
}
