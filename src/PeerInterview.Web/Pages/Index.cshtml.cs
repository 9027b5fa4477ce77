using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerInterview.Web.Domain;

using PeerInterview.Web.Infrastructure;

namespace PeerInterview.Web.Pages;

public class IndexModel : PageModel
{
    /// <summary>Interviewers land on what is next for them; everyone else on the question bank.</summary>
    public IActionResult OnGet() =>
        User.IsInRole(Roles.Interviewer) && !User.IsManager() && !User.IsInRole(Roles.HR)
            ? RedirectToPage("/Interviews/Mine")
            : RedirectToPage("/Questions/Index");
}
