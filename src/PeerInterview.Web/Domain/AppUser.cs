using Microsoft.AspNetCore.Identity;

namespace PeerInterview.Web.Domain;

public class AppUser : IdentityUser
{
    public string? DisplayName { get; set; }

    /// <summary>When an administrator deactivated the account (it cannot sign in and its sessions end), or null.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string HiringManager = "HiringManager";
    public const string Interviewer = "Interviewer";
    public const string HR = "HR";

    public static readonly IReadOnlyList<string> All = [Admin, HiringManager, Interviewer, HR];
}
