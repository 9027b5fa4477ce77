using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.Kits;

namespace PeerInterview.Web.Pages.Guide;

/// <summary>The printable interview guide for one kit version (and its PDF).</summary>
public class IndexModel(InterviewGuideBuilder guides) : PageModel
{
    public InterviewGuide Guide { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int versionId, string? format, CancellationToken ct)
    {
        var isReader = User.IsManager() || User.IsInRole(Roles.HR);
        if (!await guides.CanReadAsync(versionId, User.UserId(), isReader, ct) || await guides.BuildAsync(versionId, ct) is not { } guide)
        {
            // Interviewers get 404, not 403, for guides of interviews they are not on.
            return NotFound();
        }

        Guide = guide;
        if (string.Equals(format, "pdf", StringComparison.OrdinalIgnoreCase))
        {
            var pdf = InterviewGuidePdf.Render(guide);
            return File(pdf, "application/pdf", $"interview-guide-{Slug(guide.KitName)}-v{guide.VersionNumber}.pdf");
        }

        return Page();
    }

    private static string Slug(string name) =>
        new string([.. name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')]).Trim('-');
}
