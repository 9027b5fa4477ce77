using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerInterview.Web.Accounts;
using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Pages.Account;

/// <summary>Signs out and ends the session on the server, so a copy of the cookie no longer works anywhere.</summary>
public class LogoutModel(SignInManager<AppUser> signIn, SessionGuard sessions) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await sessions.EndAsync(User, HttpContext.RequestAborted);
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
