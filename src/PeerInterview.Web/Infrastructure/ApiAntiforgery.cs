using Microsoft.AspNetCore.Antiforgery;

namespace PeerInterview.Web.Infrastructure;

/// <summary>
/// API calls made with the browser's session cookie must carry the antiforgery header (RequestVerificationToken);
/// bearer-token calls cannot be forged cross-site, and anonymous calls (login) have no session to abuse.
/// </summary>
public sealed class ApiAntiforgeryFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var safe = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method);
        // Bearer and cookie principals look alike (both come from Identity's claims factory); the header tells them apart,
        // exactly as the CookieOrBearer policy scheme chose.
        var bearer = http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        var cookieSession = http.User.Identity?.IsAuthenticated == true && !bearer;
        if (!safe && cookieSession && !await antiforgery.IsRequestValidAsync(http))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Missing or invalid antiforgery token",
                detail: "Requests made with a browser session must include the RequestVerificationToken header. API clients should use a bearer token.");
        }

        return await next(context);
    }
}
