using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Seeding;

namespace PeerInterview.Web.Pages.Account;

public class LoginModel(SignInManager<AppUser> signIn, IHostEnvironment environment, IConfiguration configuration) : PageModel
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

        var result = await signIn.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? "This account is locked after too many failed attempts. Try again in 10 minutes."
            : "The email or password is not right.");
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
