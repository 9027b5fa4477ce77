namespace PeerInterview.Web.Accounts;

public static class Policies
{
    /// <summary>Admins and hiring managers: import, curate the bank, build kits, schedule.</summary>
    public const string Managers = "Managers";
    public const string Admins = "Admins";

    /// <summary>Admins, hiring managers and HR: read kits, positions, candidates, interviews and reports.</summary>
    public const string Readers = "Readers";

    /// <summary>HR and admins: read the audit trail.</summary>
    public const string Auditors = "Auditors";

    /// <summary>Any signed-in user with a role.</summary>
    public const string Staff = "Staff";
}
