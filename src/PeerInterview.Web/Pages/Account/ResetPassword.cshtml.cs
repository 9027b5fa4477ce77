using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerInterview.Web.Accounts;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;

namespace PeerInterview.Web.Pages.Account;

/// <summary>
/// The page behind the one-time link an administrator gets from a forced reset: the person chooses a new password (the
/// password rule applies), which ends the link and any other session, then signs in.
/// </summary>
public class ResetPasswordModel(UserManager<AppUser> users, AuditLog audit, Data.AppDbContext db, SessionGuard sessions) : PageModel
{
    public const string LinkExpired = "This reset link does not work any more (it works once and for 24 hours). Ask an administrator for a new one.";

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public ResetInput Input { get; set; } = new();

    public sealed class ResetInput
    {
        [Required(ErrorMessage = "Choose a new password.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Type the new password again.")]
        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
        public string Confirm { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Token) || await users.FindByIdAsync(UserId) is not { } user)
        {
            ModelState.AddModelError(string.Empty, LinkExpired);
            return Page();
        }

        await using var tx = await db.Database.BeginTransactionAsync();
        var result = await users.ResetPasswordAsync(user, Token, Input.Password); // checks the token, the rule, replaces the stamp
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "InvalidToken" ? string.Empty : "Input.Password", error.Code == "InvalidToken" ? LinkExpired : error.Description);
            }

            return Page();
        }

        audit.Record(user.Id, "user.password-set", nameof(AppUser), user.Id);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        sessions.Forget(user.Id);
        TempData["Flash"] = "Your new password is set. Sign in with it.";
        return RedirectToPage("/Account/Login");
    }
}
