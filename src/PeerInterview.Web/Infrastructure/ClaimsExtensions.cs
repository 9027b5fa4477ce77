using System.Security.Claims;

namespace PeerInterview.Web.Infrastructure;

public static class ClaimsExtensions
{
    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>Admins and hiring managers: the people who change the bank, kits, positions, candidates and interviews.</summary>
    public static bool IsManager(this ClaimsPrincipal user) =>
        user.IsInRole(Domain.Roles.Admin) || user.IsInRole(Domain.Roles.HiringManager);
}
