using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Seeding;

/// <summary>Demo users seeded in Development only and listed on the login page.</summary>
public static class DemoAccounts
{
    public const string Password = "Peer-Demo-Panel-2026";

    public static readonly IReadOnlyList<DemoAccount> All =
    [
        new("admin@demo.peerinterview.test", "Avery Admin", Roles.Admin),
        new("manager@demo.peerinterview.test", "Morgan Manager", Roles.HiringManager),
        new("interviewer@demo.peerinterview.test", "Indy Interviewer", Roles.Interviewer),
        new("interviewer2@demo.peerinterview.test", "Jordan Interviewer", Roles.Interviewer),
        new("hr@demo.peerinterview.test", "Harper HR", Roles.HR),
    ];
}

public sealed record DemoAccount(string Email, string DisplayName, string Role);
