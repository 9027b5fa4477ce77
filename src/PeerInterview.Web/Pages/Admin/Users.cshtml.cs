using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerInterview.Web.Accounts;
using PeerInterview.Web.Infrastructure;

namespace PeerInterview.Web.Pages.Admin;

/// <summary>Accounts: create, change roles, deactivate and reactivate, force a password reset (the link is shown once, here).</summary>
public class UsersModel(UserService users) : PageModel
{
    [BindProperty]
    public NewUser Input { get; set; } = new();

    public IReadOnlyList<AccountEndpoints.UserResponse> Users { get; private set; } = [];

    /// <summary>After a forced reset: the link to hand over, shown in this response only.</summary>
    public UserService.PasswordReset? Reset { get; private set; }

    public string? ResetEmail { get; private set; }

    public sealed class NewUser
    {
        [Required(ErrorMessage = "Enter a valid email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        public string Email { get; set; } = "";

        [StringLength(100)]
        public string? DisplayName { get; set; }

        [Required(ErrorMessage = "Enter a password.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        public List<string> Roles { get; set; } = [];
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid)
        {
            var result = await users.CreateAsync(Input.Email, Input.Password, Input.Roles, Input.DisplayName, User.UserId());
            if (result.Errors.Count == 0)
            {
                TempData["Flash"] = $"Account created for {Input.Email}.";
                return RedirectToPage();
            }

            foreach (var message in result.Errors.SelectMany(e => e.Value))
            {
                ModelState.AddModelError(string.Empty, message);
            }
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDeactivateAsync(string userId) =>
        Done(await users.DeactivateAsync(userId, User.UserId()), u => $"{u.Email} is deactivated: they cannot sign in, and their sessions end within a minute.");

    public async Task<IActionResult> OnPostReactivateAsync(string userId) =>
        Done(await users.ReactivateAsync(userId, User.UserId()), u => $"{u.Email} can sign in again.");

    public async Task<IActionResult> OnPostRolesAsync(string userId, List<string> roles) =>
        Done(await users.SetRolesAsync(userId, roles, User.UserId()), u => $"Roles of {u.Email}: {string.Join(", ", u.Roles)}. Their sessions end within a minute; they sign in again to use the new roles.");

    /// <summary>No redirect: the link exists only in this response.</summary>
    public async Task<IActionResult> OnPostResetPasswordAsync(string userId)
    {
        var outcome = await users.ResetPasswordAsync(userId, User.UserId(), AccountEndpoints.ResetLinkBase(Request));
        if (outcome.Failure is { } failure)
        {
            TempData["Flash"] = failure.Message;
            return RedirectToPage();
        }

        await LoadAsync();
        Reset = outcome.Value;
        ResetEmail = Users.FirstOrDefault(u => u.Id == userId)?.Email;
        return Page();
    }

    private RedirectToPageResult Done(Outcome<AccountEndpoints.UserResponse> outcome, Func<AccountEndpoints.UserResponse, string> message)
    {
        TempData["Flash"] = outcome.Value is { } user ? message(user) : outcome.Failure!.Message;
        return RedirectToPage();
    }

    private async Task LoadAsync() => Users = await users.ListAsync();
}
