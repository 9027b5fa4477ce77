using PeerInterview.Web.Accounts;
using PeerInterview.Web.Infrastructure;

namespace PeerInterview.Web.Kits;

public static class KitEndpoints
{
    public static void MapKitEndpoints(this RouteGroupBuilder api)
    {
        var kits = api.MapGroup("/kits").WithTags("Kits").RequireAuthorization(Policies.Readers);
        kits.MapGet("/", async (KitService service, bool? includeRetired, CancellationToken ct) =>
            TypedResults.Ok(await service.ListAsync(includeRetired ?? false, ct)));
        kits.MapGet("/{id:int}", async (int id, KitService service, CancellationToken ct) =>
            await service.GetKitAsync(id, ct) is { } kit ? Results.Ok(kit) : NotFound(id));
        kits.MapGet("/versions/{versionId:int}", async (int versionId, KitService service, CancellationToken ct) =>
            await service.GetVersionAsync(versionId, ct) is { } kit ? Results.Ok(kit) : NotFound(versionId));

        var write = kits.MapGroup("/").RequireAuthorization(Policies.Managers);
        write.MapPost("/", async (CreateKitRequest request, KitService service, HttpContext http, CancellationToken ct) =>
            Respond(await service.CreateAsync(request.Name, request.Role, request.TargetMinutes, http.User.UserId(), ct), created: true));
        write.MapPost("/{id:int}/items", async (int id, AddItemRequest request, KitService service, HttpContext http, CancellationToken ct) =>
            Respond(await service.AddItemAsync(id, request.QuestionId ?? 0, request.Section, request.Minutes, http.User.UserId(), ct)));
        write.MapPut("/{id:int}/items/{itemId:int}", async (int id, int itemId, KitItemUpdate request, KitService service, HttpContext http, CancellationToken ct) =>
            Respond(await service.UpdateItemAsync(id, itemId, request, http.User.UserId(), ct)));
        write.MapPost("/{id:int}/items/{itemId:int}/move", async (int id, int itemId, MoveItemRequest request, KitService service, HttpContext http, CancellationToken ct) =>
            Respond(await service.MoveItemAsync(id, itemId, request.SectionId, request.Index, request.Step, http.User.UserId(), ct)));
        write.MapDelete("/{id:int}/items/{itemId:int}", async (int id, int itemId, KitService service, HttpContext http, CancellationToken ct) =>
            Respond(await service.RemoveItemAsync(id, itemId, http.User.UserId(), ct)));
        write.MapPost("/{id:int}/sections", async (int id, SectionRequest request, KitService service, HttpContext http, CancellationToken ct) =>
            Respond(await service.AddSectionAsync(id, request.Name, http.User.UserId(), ct)));
        write.MapPut("/{id:int}/weights", async (int id, WeightsRequest request, KitService service, HttpContext http, CancellationToken ct) =>
            Respond(await service.SetWeightsAsync(id, request.Weights, request.TargetMinutes, http.User.UserId(), ct)));
        write.MapPost("/{id:int}/publish", async (int id, KitService service, HttpContext http, CancellationToken ct) =>
        {
            var outcome = await service.PublishAsync(id, http.User.UserId(), ct);
            return outcome.Failure is { } failure
                ? failure.ToHttp()
                : Results.Ok(new PublishResponse(outcome.Value!.VersionId, outcome.Value.VersionNumber, outcome.Value.ChangeSummary));
        });
        write.MapPost("/{id:int}/clone", async (int id, CloneRequest? request, KitService service, HttpContext http, CancellationToken ct) =>
            Respond(await service.CloneAsync(id, request?.Name, http.User.UserId(), ct), created: true));
        write.MapPost("/{id:int}/retire", async (int id, KitService service, HttpContext http, CancellationToken ct) =>
            Respond(await service.RetireAsync(id, http.User.UserId(), ct)));
    }

    public sealed record CreateKitRequest(string? Name, string? Role, int? TargetMinutes);

    public sealed record AddItemRequest(int? QuestionId, string? Section, int? Minutes);

    public sealed record MoveItemRequest(int? SectionId, int? Index, int? Step);

    public sealed record SectionRequest(string? Name);

    public sealed record WeightsRequest(Dictionary<string, double>? Weights, int? TargetMinutes);

    public sealed record CloneRequest(string? Name);

    public sealed record PublishResponse(int VersionId, int Number, string? ChangeSummary);

    private static IResult Respond(Outcome<KitView> outcome, bool created = false) =>
        outcome.Failure is { } failure ? failure.ToHttp()
        : created ? Results.Created($"/api/v1/kits/{outcome.Value!.KitId}", outcome.Value)
        : Results.Ok(outcome.Value);

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(int id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Kit not found", detail: $"There is no kit {id}.");
}
