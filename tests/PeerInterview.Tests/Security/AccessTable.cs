using static PeerInterview.Tests.Security.Access;

namespace PeerInterview.Tests.Security;

/// <summary>What a caller gets from an endpoint.</summary>
public enum Access
{
    /// <summary>Served (any answer that is not one of the refusals below: 200, 201, 204, a redirect elsewhere, 400/409 on the input).</summary>
    Ok,

    /// <summary>Anonymous caller sent to sign in: 401 problem details (API) or 302 to /Account/Login (pages).</summary>
    SignIn,

    /// <summary>Signed in but the role may not: 403 problem details (API) or 302 to /Account/AccessDenied (pages).</summary>
    Forbidden,

    /// <summary>404: a per-record rule hides the record from this caller (e.g. someone else's draft scorecard), or the endpoint is closed.</summary>
    Hidden,
}

/// <summary>Expected access per caller, one column per role.</summary>
public sealed record Expect(Access Anonymous, Access Admin, Access HiringManager, Access Interviewer, Access HR)
{
    public Access For(string? role) => role switch
    {
        null => Anonymous,
        "Admin" => Admin,
        "HiringManager" => HiringManager,
        "Interviewer" => Interviewer,
        "HR" => HR,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}

/// <summary>
/// DESIGN.md's roles table as an access table: every endpoint of the app, keyed like <see cref="EndpointProbe.Key"/>. A new
/// endpoint fails <see cref="EndpointAccessTests"/> until it has a row here; adding one is a line:
/// <c>["GET /api/v1/candidates/{id:int}/report"] = Readers,</c>.
/// The probes run on an interview whose panel is the demo interviewer (owner of scorecard A, still a draft) and a second
/// interviewer, so "Interviewer" below means "an interviewer on that panel".
/// </summary>
public static class AccessTable
{
    /// <summary>Anyone, signed in or not.</summary>
    public static readonly Expect Public = new(Ok, Ok, Ok, Ok, Ok);

    /// <summary>Closed for everyone (404): self-registration and Identity's email flows (the app sends no email).</summary>
    public static readonly Expect Closed = new(Hidden, Hidden, Hidden, Hidden, Hidden);

    /// <summary>Any signed-in person with a role (for interviews and guides: readers, and interviewers on that interview).</summary>
    public static readonly Expect Staff = new(SignIn, Ok, Ok, Ok, Ok);

    /// <summary>Admin, hiring manager and HR read kits, positions, candidates and reports.</summary>
    public static readonly Expect Readers = new(SignIn, Ok, Ok, Forbidden, Ok);

    /// <summary>Admin and hiring manager change things: import, bank, kits, positions, candidates, scheduling, reopen.</summary>
    public static readonly Expect Managers = new(SignIn, Ok, Ok, Forbidden, Forbidden);

    public static readonly Expect Admins = new(SignIn, Ok, Forbidden, Forbidden, Forbidden);

    /// <summary>HR erases a candidate's personal data on request (admins may too); hiring managers and interviewers may not.</summary>
    public static readonly Expect Erasers = new(SignIn, Ok, Forbidden, Forbidden, Ok);

    /// <summary>HR reads the audit trail (DESIGN.md), and admins; hiring managers and interviewers may not.</summary>
    public static readonly Expect Auditors = new(SignIn, Ok, Forbidden, Forbidden, Ok);

    /// <summary>Only the scorecard's interviewer; for everyone else a draft scorecard does not exist (404, by design: no hint that it does).</summary>
    public static readonly Expect ScorecardOwner = new(SignIn, Hidden, Hidden, Ok, Hidden);

    /// <summary>Managers reopen someone's scorecard: interviewers and HR are refused by role (403) before the record is looked at.</summary>
    public static readonly Expect ManagersOnScorecard = Managers;

    public static readonly IReadOnlyDictionary<string, Expect> Rows = new Dictionary<string, Expect>(StringComparer.Ordinal)
    {
        // Public: sign-in, error pages, health, API description, token login and refresh.
        ["GET /Account/Login"] = Public,
        ["POST /Account/Login"] = Public,
        ["GET /Account/AccessDenied"] = Public,
        ["GET /Error"] = Public,
        ["POST /Error"] = Public,
        ["* /healthz"] = Public,
        ["GET /openapi/{documentName}.json"] = Public,
        ["POST /api/v1/auth/login"] = Public,
        ["POST /api/v1/auth/refresh"] = Public,
        ["POST /api/v1/auth/register"] = Closed,
        ["POST /api/v1/auth/forgotPassword"] = Closed,
        ["POST /api/v1/auth/resetPassword"] = Closed,
        ["GET /api/v1/auth/confirmEmail"] = Closed,
        ["POST /api/v1/auth/resendConfirmationEmail"] = Closed,

        // Own account (Identity): any signed-in user.
        ["POST /api/v1/auth/manage/2fa"] = Closed,
        ["GET /api/v1/auth/manage/info"] = Staff,
        ["GET /api/v1/me/preferences"] = Staff,
        ["PUT /api/v1/me/preferences"] = Staff,
        ["POST /api/v1/auth/manage/info"] = Staff,
        ["GET /Account/Logout"] = Public, // open so that an account without a role can still sign out
        ["POST /Account/Logout"] = Public,
        ["GET /Account/ResetPassword"] = Public, // the one-time link from a forced reset; the token is the credential
        ["POST /Account/ResetPassword"] = Public,
        ["POST /api/v1/auth/logout"] = Staff,

        // Start page and "my interviews".
        ["GET /"] = Staff,
        ["GET /Index"] = Staff,
        ["GET /Interviews/Mine"] = Staff,
        ["GET /api/v1/me/interviews"] = Staff,

        // Users.
        ["GET /Admin/Users"] = Admins,
        ["POST /Admin/Users"] = Admins,
        ["POST /Admin/Users?handler=Deactivate"] = Admins,
        ["POST /Admin/Users?handler=Reactivate"] = Admins,
        ["POST /Admin/Users?handler=Roles"] = Admins,
        ["POST /Admin/Users?handler=ResetPassword"] = Admins,
        ["POST /api/v1/users/{id}/deactivate"] = Admins,
        ["POST /api/v1/users/{id}/reactivate"] = Admins,
        ["PUT /api/v1/users/{id}/roles"] = Admins,
        ["POST /api/v1/users/{id}/reset-password"] = Admins,
        ["POST /api/v1/users"] = Admins,
        ["GET /api/v1/users"] = Managers,

        // Audit trail.
        ["GET /Audit"] = Auditors,
        ["GET /Audit/Index"] = Auditors,
        ["GET /api/v1/audit"] = Auditors,
        ["GET /api/v1/audit/export"] = Auditors,

        // Import.
        ["GET /Import"] = Managers,
        ["GET /Import/Index"] = Managers,
        ["POST /Import?handler=Preview"] = Managers,
        ["POST /Import?handler=Confirm"] = Managers,
        ["POST /Import/Index?handler=Preview"] = Managers,
        ["POST /Import/Index?handler=Confirm"] = Managers,
        ["GET /api/v1/imports"] = Staff,
        ["POST /api/v1/imports"] = Managers,

        // Question bank and competencies: everyone reads, managers change.
        ["GET /Questions"] = Staff,
        ["GET /Questions/Index"] = Staff,
        ["GET /Questions/Details/{id:int}"] = Staff,
        ["POST /Questions/Details/{id:int}?handler=AcceptAnchors"] = Managers,
        ["POST /Questions?handler=ApplyStarterAnchors"] = Managers,
        ["POST /Questions/Index?handler=ApplyStarterAnchors"] = Managers,
        ["GET /Questions/Edit/{id:int}"] = Managers,
        ["POST /Questions/Edit/{id:int}"] = Managers,
        ["GET /Questions/Review"] = Staff,
        ["POST /Questions/Review"] = Managers,
        ["GET /Questions/Duplicates"] = Staff,
        ["POST /Questions/Duplicates?handler=Merge"] = Managers,
        ["GET /Questions/Competencies"] = Staff,
        ["POST /Questions/Competencies?handler=Update"] = Managers,
        ["POST /Questions/Competencies?handler=Add"] = Managers,
        ["GET /api/v1/questions"] = Staff,
        ["GET /api/v1/questions/{id:int}"] = Staff,
        ["PUT /api/v1/questions/{id:int}"] = Managers,
        ["POST /api/v1/questions/{id:int}/merge"] = Managers,
        ["POST /api/v1/questions/{id:int}/anchors/accept"] = Managers,
        ["GET /api/v1/questions/starter-anchors"] = Managers,
        ["POST /api/v1/questions/starter-anchors/apply"] = Managers,
        ["GET /api/v1/competencies"] = Staff,
        ["POST /api/v1/competencies"] = Managers,
        ["PUT /api/v1/competencies/{id:int}"] = Managers,

        // Kits: readers read, managers build.
        ["GET /Kits"] = Readers,
        ["GET /Kits/Index"] = Readers,
        ["POST /Kits"] = Managers,
        ["POST /Kits/Index"] = Managers,
        ["GET /Kits/Edit/{id:int}"] = Readers,
        ["POST /Kits/Edit/{id:int}?handler=Add"] = Managers,
        ["POST /Kits/Edit/{id:int}?handler=Remove"] = Managers,
        ["POST /Kits/Edit/{id:int}?handler=Move"] = Managers,
        ["POST /Kits/Edit/{id:int}?handler=Minutes"] = Managers,
        ["POST /Kits/Edit/{id:int}?handler=Customise"] = Managers,
        ["POST /Kits/Edit/{id:int}?handler=AddSection"] = Managers,
        ["POST /Kits/Edit/{id:int}?handler=RemoveSection"] = Managers,
        ["POST /Kits/Edit/{id:int}?handler=Weights"] = Managers,
        ["GET /Kits/Lifecycle/{id:int}"] = Readers,
        ["POST /Kits/Lifecycle/{id:int}?handler=Publish"] = Managers,
        ["POST /Kits/Lifecycle/{id:int}?handler=Discard"] = Managers,
        ["POST /Kits/Lifecycle/{id:int}?handler=Clone"] = Managers,
        ["POST /Kits/Lifecycle/{id:int}?handler=Retire"] = Managers,
        ["GET /Guide/{versionId:int}"] = Staff,
        ["GET /api/v1/kits"] = Readers,
        ["GET /api/v1/kits/{id:int}"] = Readers,
        ["GET /api/v1/kits/versions/{versionId:int}"] = Readers,
        ["POST /api/v1/kits"] = Managers,
        ["POST /api/v1/kits/{id:int}/items"] = Managers,
        ["PUT /api/v1/kits/{id:int}/items/{itemId:int}"] = Managers,
        ["POST /api/v1/kits/{id:int}/items/{itemId:int}/move"] = Managers,
        ["DELETE /api/v1/kits/{id:int}/items/{itemId:int}"] = Managers,
        ["POST /api/v1/kits/{id:int}/sections"] = Managers,
        ["PUT /api/v1/kits/{id:int}/weights"] = Managers,
        ["POST /api/v1/kits/{id:int}/publish"] = Managers,
        ["POST /api/v1/kits/{id:int}/clone"] = Managers,
        ["POST /api/v1/kits/{id:int}/retire"] = Managers,

        // Positions and candidates.
        ["GET /Positions"] = Readers,
        ["GET /Positions/Index"] = Readers,
        ["GET /Positions/Edit/{id:int?}"] = Managers,
        ["POST /Positions/Edit/{id:int?}"] = Managers,
        ["GET /Candidates"] = Readers,
        ["GET /Candidates/Index"] = Readers,
        ["GET /Candidates/Details/{id:int}"] = Readers,
        ["POST /Candidates/Details/{id:int}?handler=Stage"] = Managers,
        ["GET /Candidates/Edit/{id:int?}"] = Managers,
        ["POST /Candidates/Edit/{id:int?}"] = Managers,
        ["GET /api/v1/positions"] = Readers,
        ["GET /api/v1/positions/{id:int}"] = Readers,
        ["POST /api/v1/positions"] = Managers,
        ["PUT /api/v1/positions/{id:int}"] = Managers,
        ["GET /api/v1/candidates"] = Readers,
        ["GET /api/v1/candidates/{id:int}"] = Readers,
        ["POST /api/v1/candidates"] = Managers,
        ["PUT /api/v1/candidates/{id:int}"] = Managers,
        ["PUT /api/v1/candidates/{id:int}/stage"] = Managers,

        // Interviews: readers and the panel read; managers schedule and change the panel.
        ["GET /Interviews/Schedule"] = Managers,
        ["POST /Interviews/Schedule"] = Managers,
        ["GET /Interviews/{id:int}"] = Staff,
        ["POST /Interviews/{id:int}?handler=AddInterviewer"] = Managers,
        ["POST /Interviews/{id:int}?handler=RemoveInterviewer"] = Managers,
        ["POST /Interviews/{id:int}?handler=Cancel"] = Managers,
        ["POST /Interviews/{id:int}?handler=Reopen"] = Managers,
        ["POST /api/v1/interviews"] = Managers,
        ["GET /api/v1/interviews/{id:int}"] = Staff,
        ["GET /api/v1/interviews/{id:int}/progress"] = Staff,
        ["POST /api/v1/interviews/{id:int}/interviewers"] = Managers,
        ["DELETE /api/v1/interviews/{id:int}/interviewers/{interviewerId}"] = Managers,
        ["POST /api/v1/interviews/{id:int}/cancel"] = Managers,

        // Scorecards: the owner scores; nobody else sees a draft.
        ["GET /Scorecards/{id:int}"] = ScorecardOwner,
        ["GET /api/v1/scorecards/{id:int}"] = ScorecardOwner,
        ["GET /api/v1/scorecards/{id:int}/history"] = ScorecardOwner,
        ["PUT /api/v1/scorecards/{id:int}/ratings/{kitItemId:int}"] = ScorecardOwner,
        ["PUT /api/v1/scorecards/{id:int}/red-flags/{key}"] = ScorecardOwner,
        ["PUT /api/v1/scorecards/{id:int}"] = ScorecardOwner,
        ["PUT /api/v1/scorecards/{id:int}/position"] = ScorecardOwner,
        ["POST /api/v1/scorecards/{id:int}/submit"] = ScorecardOwner,
        ["POST /api/v1/scorecards/{id:int}/reopen"] = ManagersOnScorecard,

        // Erasure of a candidate's personal data.
        ["POST /Candidates/Details/{id:int}?handler=Erase"] = Erasers,
        ["POST /api/v1/candidates/{id:int}/erase"] = Erasers,

        // Reports: readers read; hiring managers (and admins) confirm or dismiss a pending knock-out.
        ["GET /Reports/Candidate/{id:int}"] = Readers,
        ["POST /Reports/Candidate/{id:int}?handler=Confirm"] = Managers,
        ["POST /Reports/Candidate/{id:int}?handler=Dismiss"] = Managers,
        ["GET /Reports/Position/{id:int}"] = Readers,
        ["GET /Reports/Analytics"] = Readers,
        ["GET /api/v1/analytics"] = Readers,
        ["GET /api/v1/candidates/{id:int}/report"] = Readers,
        ["GET /api/v1/positions/{id:int}/report"] = Readers,
        ["GET /api/v1/positions/{id:int}/export"] = Readers,
        ["POST /api/v1/candidates/{id:int}/red-flags/{redFlagId}/confirm"] = Managers,
        ["POST /api/v1/candidates/{id:int}/red-flags/{redFlagId}/dismiss"] = Managers,
    };
}
