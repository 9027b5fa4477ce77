using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace PeerInterview.Web.Infrastructure;

/// <summary>
/// Requests carrying U+0000 get a clear 400 instead of reaching a lookup (PostgreSQL refuses NUL in text, so it would be
/// an error there rather than "not found"). JSON strings are cleaned by <see cref="Data.NulFreeStringConverter"/> and saved
/// text by <see cref="Data.SavedText"/>; this covers query strings and forms.
/// </summary>
public static class NulRequests
{
    /// <summary>
    /// Query strings with %00 are refused up front: no search or filter has a use for one. URL-encoded forms are read here
    /// too: ASP.NET Core's form reader refuses %00 (and forms over its limits) with an exception that would otherwise
    /// surface as a 500 from whichever component reads the form first. Multipart forms are left to
    /// <see cref="NulFormFilter"/>, after routing, so an upload is only read under its endpoint's size limit.
    /// </summary>
    public static IApplicationBuilder RejectNulInRequests(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.QueryString.Value?.Contains("%00", StringComparison.Ordinal) == true)
        {
            await RefuseAsync(context, "Invalid query string", "The query string contains a NUL character (%00).");
            return;
        }

        if (context.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException e)
            {
                // "The form value contains invalid characters." or "Form value count limit 1024 exceeded.": no user data.
                await RefuseAsync(context, "Invalid form", e.Message);
                return;
            }
        }

        await next(context);
    });

    public static bool HasNul(IFormCollection form) =>
        form.Any(field => field.Key.Contains('\0', StringComparison.Ordinal) || field.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true));

    private static Task RefuseAsync(HttpContext context, string title, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail).ExecuteAsync(context);
}

/// <summary>A multipart form post (which the form reader does not URL-decode) with a NUL in any field gets a 400.</summary>
public sealed class NulFormFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (request.HasFormContentType && NulRequests.HasNul(await request.ReadFormAsync(context.HttpContext.RequestAborted)))
        {
            context.Result = new BadRequestObjectResult(new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Invalid form",
                Detail = "A form field contains a NUL character (%00).",
            });
            return;
        }

        await next();
    }
}
