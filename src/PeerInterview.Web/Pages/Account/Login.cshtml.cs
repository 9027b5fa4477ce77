using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerInterview.Web.Accounts;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Seeding;

namespace PeerInterview.Web.Pages.Account;

/// <summary>Sign-in form: lockout after repeated failures, rate limited per client address (posts only), same messages as the API.</summary>
[SignInRateLimited]
public class LoginModel(SignInManager<AppUser> signIn, LoginGuard guard, IHostEnvironment environment, IConfiguration configuration) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IReadOnlyList<DemoAccount> DemoAccounts { get; private set; } = [];

    public string DemoPassword => Seeding.DemoAccounts.Password;

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }

    public void OnGet() => LoadDemoAccounts();

    public async Task<IActionResult> OnPostAsync()
    {
        LoadDemoAccounts();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await guard.RefuseUnknownAsync(signIn.UserManager, Input.Email) is { } refused)
        {
            ModelState.AddModelError(string.Empty, refused);
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        ModelState.AddModelError(string.Empty, await guard.FailedAsync(signIn.UserManager, Input.Email, Input.Password, result));
        return Page();
    }

    private void LoadDemoAccounts()
    {
        if (environment.IsDevelopment() || configuration.GetValue("Seed:DemoData", false))
        {
            DemoAccounts = Seeding.DemoAccounts.All;
        }
    }
}
