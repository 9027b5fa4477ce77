using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace PeerInterview.Web.Infrastructure;

public enum FailureKind
{
    NotFound,
    Invalid,
    Conflict,
}

/// <summary>Why a feature service refused a write, in words a person can act on. Validation errors use camelCase field keys.</summary>
public sealed record Failure(FailureKind Kind, string Title, string? Detail = null, Dictionary<string, string[]>? Errors = null)
{
    public static Failure NotFound(string title, string detail) => new(FailureKind.NotFound, title, detail);

    public static Failure Invalid(Dictionary<string, string[]> errors) => new(FailureKind.Invalid, "One or more fields are invalid.", Errors: errors);

    public static Failure Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static Failure Conflict(string title, string detail) => new(FailureKind.Conflict, title, detail);

    /// <summary>The same problem details the API answers with: 404, 400 naming the fields, or 409.</summary>
    public IResult ToHttp() => Kind switch
    {
        FailureKind.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: Title, detail: Detail),
        FailureKind.Invalid => TypedResults.ValidationProblem(Errors ?? []),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: Title, detail: Detail),
    };

    /// <summary>Puts the messages on a page's form: field errors on <c>{prefix}.{Field}</c>, the rest in the summary.</summary>
    public void AddTo(ModelStateDictionary modelState, string prefix = "Input")
    {
        if (Errors is null)
        {
            modelState.AddModelError(string.Empty, Detail ?? Title);
            return;
        }

        foreach (var (key, messages) in Errors)
        {
            var field = key.Length == 0 ? key : $"{prefix}.{char.ToUpperInvariant(key[0])}{key[1..]}";
            foreach (var message in messages)
            {
                modelState.AddModelError(field, message);
            }
        }
    }

    /// <summary>Everything in one sentence, for a flash message after a redirect.</summary>
    public string Message => Errors is { Count: > 0 } errors ? string.Join(" ", errors.SelectMany(e => e.Value)) : Detail ?? Title;
}

/// <summary>A service result: the value on success, otherwise the <see cref="Failure"/>.</summary>
public readonly record struct Outcome<T>(T? Value, Failure? Failure)
    where T : class
{
    public bool Succeeded => Failure is null;

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Failure failure) => new(null, failure);
}

public static class OutcomeHttp
{
    /// <summary>The API's answer: <paramref name="ok"/> on success, otherwise 404, 400 naming the fields, or 409 as problem details.</summary>
    public static Results<TOk, ValidationProblem, ProblemHttpResult> ToHttp<T, TOk>(this Outcome<T> outcome, Func<T, TOk> ok)
        where T : class
        where TOk : IResult
    {
        if (outcome.Value is { } value)
        {
            return ok(value);
        }

        // Same answers as Failure.ToHttp, typed so the OpenAPI document lists them.
        var failure = outcome.Failure!;
        if (failure.Kind == FailureKind.Invalid)
        {
            return TypedResults.ValidationProblem(failure.Errors ?? []);
        }

        var status = failure.Kind == FailureKind.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict;
        return TypedResults.Problem(statusCode: status, title: failure.Title, detail: failure.Detail);
    }
}

/// <summary>One page of a list, with the total so clients and pagers know how many there are.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));
}

public static class Paging
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    public static (int Page, int PageSize) Clamp(int? page, int? pageSize) =>
        (Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize));

    /// <summary>Adds errors for out-of-range paging query parameters (the API rejects them; pages clamp instead).</summary>
    public static void Validate(int? page, int? pageSize, Dictionary<string, string[]> errors)
    {
        if (page is < 1)
        {
            errors["page"] = ["page starts at 1."];
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {MaxPageSize}."];
        }
    }
}
