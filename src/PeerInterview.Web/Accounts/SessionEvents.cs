using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace PeerInterview.Web.Accounts;

/// <summary>The two authentication hooks that refuse a cookie or bearer token whose session has ended (<see cref="SessionGuard"/>).</summary>
public static class SessionEvents
{
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        var guard = context.HttpContext.RequestServices.GetRequiredService<SessionGuard>();
        if (context.Principal is null || !await guard.IsCurrentAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    /// <summary>
    /// Identity's bearer tokens are data-protected tickets the handler accepts until they expire; its only hook runs before
    /// it reads the token, so this reads the ticket itself and fails the request when the session has ended.
    /// </summary>
    public static async Task ValidateBearerAsync(MessageReceivedContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        const string Prefix = "Bearer ";
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var ticket = context.Options.BearerTokenProtector.Unprotect(header[Prefix.Length..].Trim());
        if (ticket is null)
        {
            return; // the handler refuses a token it cannot read
        }

        var guard = context.HttpContext.RequestServices.GetRequiredService<SessionGuard>();
        if (!await guard.IsCurrentAsync(ticket.Principal, context.HttpContext.RequestAborted))
        {
            context.Fail("The session has ended: sign in again.");
        }
    }
}
