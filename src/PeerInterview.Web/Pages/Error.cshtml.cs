using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PeerInterview.Web.Pages;

/// <summary>What people see for a missing page, a refused request or a server error (the API answers with problem details).</summary>
[IgnoreAntiforgeryToken]
public class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Something went wrong";
    public string Message { get; private set; } = "The request could not be completed. Nothing you had saved was lost; try again, and if it keeps happening tell your administrator the time it happened.";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        switch (code)
        {
            case 404:
                Title = "Page not found";
                Message = "There is nothing here, or it is not shared with you. Check the link, or go back to the start.";
                break;
            case 400:
                Title = "That request could not be accepted";
                Message = "The form may have expired (for example after signing in again in another tab). Go back, reload the page and try again; nothing was changed.";
                break;
            case 429:
                Title = "Too many sign-in attempts";
                Message = int.TryParse(Response.Headers.RetryAfter.ToString(), out var seconds)
                    ? Accounts.SecuritySetup.TooManyMessage(seconds)
                    : "Too many sign-in attempts from this network. Wait a minute and try again.";
                break;
            case 403:
                Title = "You don't have access to this";
                Message = "Your role does not include this action. If you think it should, ask an administrator.";
                break;
        }
    }
}
