using Microsoft.AspNetCore.Identity;

namespace PeerInterview.Web.Domain;

public class AppUser : IdentityUser
{
    public string? DisplayName { get; set; }

    /// <summary>
    /// The person turned the scorecard's single-key shortcuts off (WCAG 2.1.4: speech-input users and people who type
    /// by mistake must be able to). Stored as "off" so every existing and new account starts with them on.
    /// </summary>
    public bool KeyboardShortcutsOff { get; set; }

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
