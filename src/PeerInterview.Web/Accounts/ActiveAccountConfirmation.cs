using Microsoft.AspNetCore.Identity;
using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Accounts;

/// <summary>Identity's "may this account sign in at all": not when an administrator has deactivated it (sign-in answers NotAllowed).</summary>
public sealed class ActiveAccountConfirmation : IUserConfirmation<AppUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(user.DeactivatedAt is null);
}
