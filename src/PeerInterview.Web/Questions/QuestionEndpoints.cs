using Microsoft.AspNetCore.Http.HttpResults;
using PeerInterview.Web.Accounts;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;

namespace PeerInterview.Web.Questions;

public static class QuestionEndpoints
{
    public static void MapQuestionEndpoints(this RouteGroupBuilder api)
    {
        var questions = api.MapGroup("/questions").WithTags("Questions").RequireAuthorization(Policies.Staff);
        questions.MapGet("/", List);
        questions.MapGet("/{id:int}", Get);
        questions.MapPut("/{id:int}", Update).RequireAuthorization(Policies.Managers);
        questions.MapPost("/{id:int}/merge", Merge).RequireAuthorization(Policies.Managers);
        questions.MapPost("/{id:int}/anchors/accept", AcceptAnchors).RequireAuthorization(Policies.Managers);
        questions.MapGet("/starter-anchors", async (StarterAnchors starter, CancellationToken ct) =>
            TypedResults.Ok(new StarterAnchorsOffer(await starter.OfferCountAsync(ct))))
            .RequireAuthorization(Policies.Managers);
        questions.MapPost("/starter-anchors/apply", async (StarterAnchors starter, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(new StarterAnchorsApplied(await starter.ApplyAsync(http.User.UserId(), null, ct))))
            .RequireAuthorization(Policies.Managers);

        var competencies = api.MapGroup("/competencies").WithTags("Competencies").RequireAuthorization(Policies.Staff);
        competencies.MapGet("/", async (QuestionBank bank, CancellationToken ct) => TypedResults.Ok(await bank.CompetenciesAsync(ct)));
        competencies.MapPost("/", async (CompetencyFramework framework, CompetencyFramework.CompetencyInput input, HttpContext http, CancellationToken ct) =>
            (await framework.AddAsync(input, http.User.UserId(), ct)).ToHttp(c => TypedResults.Created($"/api/v1/competencies/{c.Id}", c)))
            .RequireAuthorization(Policies.Managers);
        competencies.MapPut("/{id:int}", async (int id, CompetencyFramework framework, CompetencyFramework.CompetencyInput input, HttpContext http, CancellationToken ct) =>
            (await framework.UpdateAsync(id, input, http.User.UserId(), ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.Managers);
    }

    private static async Task<Results<Ok<QuestionPage>, ValidationProblem>> List(
        QuestionBank bank, string? q, string? competency, string? type, string? status, int? source, bool? hasLint, int? duplicateGroup,
        int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        QuestionType? parsedType = null;
        QuestionStatus? parsedStatus = null;
        if (type is not null)
        {
            if (EnumText.TryParse<QuestionType>(type, out var t))
            {
                parsedType = t;
            }
            else
            {
                errors["type"] = ["Use one of: behavioural, situational, knowledge, motivational."];
            }
        }

        if (status is not null)
        {
            if (EnumText.TryParse<QuestionStatus>(status, out var s))
            {
                parsedStatus = s;
            }
            else
            {
                errors["status"] = ["Use one of: active, needs-review, archived."];
            }
        }

        if (pageSize is < 1 or > QuestionBank.MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {QuestionBank.MaxPageSize}."];
        }

        if (page is < 1)
        {
            errors["page"] = ["page starts at 1."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await bank.SearchAsync(new QuestionFilter
        {
            Q = q,
            Competency = competency,
            Type = parsedType,
            Status = parsedStatus,
            Source = source,
            HasLint = hasLint,
            DuplicateGroup = duplicateGroup,
            Page = page ?? 1,
            PageSize = pageSize ?? 25,
        }, ct));
    }

    private static async Task<Results<Ok<QuestionDetail>, ProblemHttpResult>> Get(int id, QuestionBank bank, CancellationToken ct) =>
        await bank.GetAsync(id, ct) is { } question
            ? TypedResults.Ok(question)
            : TypedResults.Problem(statusCode: 404, title: "Question not found", detail: $"There is no question {id}.");

    private static async Task<IResult> Update(int id, QuestionUpdate update, QuestionBank bank, HttpContext http, CancellationToken ct) =>
        ToHttp(await bank.UpdateAsync(id, update, http.User.UserId(), ct));

    public sealed record MergeRequest(int[]? QuestionIds);

    /// <summary>How many questions without anchors have a shipped starter set waiting for them.</summary>
    public sealed record StarterAnchorsOffer(int Available);

    public sealed record StarterAnchorsApplied(int Applied);

    private static async Task<IResult> AcceptAnchors(int id, AcceptAnchorsRequest? request, QuestionBank bank, HttpContext http, CancellationToken ct) =>
        ToHttp(await bank.AcceptAnchorsAsync(id, request?.Version, http.User.UserId(), ct));

    private static async Task<IResult> Merge(int id, MergeRequest request, QuestionBank bank, HttpContext http, CancellationToken ct) =>
        ToHttp(await bank.MergeAsync(id, request.QuestionIds ?? [], http.User.UserId(), ct));

    private static IResult ToHttp(Outcome<QuestionDetail> result) =>
        result.Failure is { } failure ? failure.ToHttp() : TypedResults.Ok(result.Value);
}
