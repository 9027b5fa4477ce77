using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Data;
using PeerInterview.Web.Infrastructure;

namespace PeerInterview.Web.Pages.Scorecards;

/// <summary>
/// The interviewer's live scorecard. The page is a shell: scorecard.js loads the scorecard from
/// <c>GET /api/v1/scorecards/{id}</c> and autosaves through the same API, so the page itself holds no ratings and
/// cannot leak another panel member's. Only the scorecard's own interviewer may open it; to anyone else it does not exist.
/// </summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public int Id { get; private set; }

    /// <summary>The person's own choice for single-key shortcuts (on unless they turned them off).</summary>
    public bool ShortcutsOn { get; private set; } = true;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var me = User.UserId();
        if (me is null || !await db.Scorecards.AnyAsync(s => s.Id == id && s.InterviewerId == me, ct))
        {
            return NotFound();
        }

        Id = id;
        ShortcutsOn = !await db.Users.Where(u => u.Id == me).Select(u => u.KeyboardShortcutsOff).FirstOrDefaultAsync(ct);
        return Page();
    }
}
