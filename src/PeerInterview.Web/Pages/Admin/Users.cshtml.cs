using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Accounts;
using PeerInterview.Web.Data;
using PeerInterview.Web.Infrastructure;

namespace PeerInterview.Web.Pages.Admin;

public class UsersModel(UserService users) : PageModel
{
    [BindProperty]
    public NewUser Input { get; set; } = new();

    public IReadOnlyList<Row> Users { get; private set; } = [];

    public sealed record Row(string Email, string? DisplayName, string Roles, bool LockedOut);

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

    private async Task LoadAsync() =>
        Users = [.. (await users.ListAsync()).Select(u => new Row(u.Email, u.DisplayName, string.Join(", ", u.Roles), u.LockedOut))];
}
