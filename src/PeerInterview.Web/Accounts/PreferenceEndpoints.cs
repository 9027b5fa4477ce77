using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Data;
using PeerInterview.Web.Infrastructure;

namespace PeerInterview.Web.Accounts;

/// <summary>The signed-in person's own settings: <c>GET/PUT /api/v1/me/preferences</c>. Nobody reads or sets another person's.</summary>
public static class PreferenceEndpoints
{
    public static void MapPreferenceEndpoints(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Me").RequireAuthorization(Policies.Staff);
        me.MapGet("/preferences", GetPreferences);
        me.MapPut("/preferences", PutPreferences);
    }

    private static async Task<Results<Ok<Preferences>, ProblemHttpResult>> GetPreferences(HttpContext http, AppDbContext db, CancellationToken ct)
    {
        var id = http.User.UserId();
        var off = await db.Users.Where(u => u.Id == id).Select(u => (bool?)u.KeyboardShortcutsOff).FirstOrDefaultAsync(ct);
        return off is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Account not found", detail: "Your account no longer exists.")
            : TypedResults.Ok(new Preferences(!off.Value));
    }

    private static async Task<Results<Ok<Preferences>, ValidationProblem, ProblemHttpResult>> PutPreferences(
        PreferencesInput? input, HttpContext http, AppDbContext db, AuditLog audit, CancellationToken ct)
    {
        if (input?.KeyboardShortcuts is not { } on)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["keyboardShortcuts"] = ["Say whether single-key shortcuts are on (true) or off (false)."],
            });
        }

        var id = http.User.UserId();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Account not found", detail: "Your account no longer exists.");
        }

        if (user.KeyboardShortcutsOff == on)
        {
            audit.Record(id, "user.preferences", nameof(Domain.AppUser), user.Id, before: new { keyboardShortcuts = !on }, after: new { keyboardShortcuts = on });
            user.KeyboardShortcutsOff = !on;
            await db.SaveChangesAsync(ct);
        }

        return TypedResults.Ok(new Preferences(on));
    }

    public sealed record Preferences(bool KeyboardShortcuts);

    public sealed record PreferencesInput(bool? KeyboardShortcuts);
}
