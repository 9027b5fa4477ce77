using System.Security.Claims;

namespace PeerInterview.Web.Infrastructure;

public static class ClaimsExtensions
{
    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
}
