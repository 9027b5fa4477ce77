using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;

namespace PeerInterview.Web.Accounts;

public static class AccountEndpoints
{
    /// <summary>
    /// Identity's API endpoints (login, refresh, …) under /api/v1/auth, with self-registration closed. Login is rate limited
    /// per client address and answers failures with the same messages as the login page (<see cref="LoginGuard"/>).
    /// </summary>
    public static void MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth");
        auth.MapPost("/logout", Logout).RequireAuthorization();
        auth.MapIdentityApi<AppUser>()
            .AddEndpointFilterFactory(RequireHttpsForSignIn)
            .AddEndpointFilterFactory(GuardLogin)
            .AddEndpointFilterFactory(RefreshOnce)
            .Add(endpoint =>
            {
                if (endpoint is not RouteEndpointBuilder route || route.RoutePattern.RawText is not { } pattern)
                {
                    return;
                }

                if (pattern.EndsWith("/login", StringComparison.OrdinalIgnoreCase))
                {
                    endpoint.Metadata.Add(new SignInRateLimitedAttribute());
                }
                else if (pattern.EndsWith("/register", StringComparison.OrdinalIgnoreCase))
                {
                    Close(endpoint, "Self-registration is closed", "Accounts are created by an administrator (POST /api/v1/users).");
                }
                else if (pattern.EndsWith("/manage/2fa", StringComparison.OrdinalIgnoreCase))
                {
                    // The sign-in page has no second step, so turning 2FA on through the API would lock the user out of the app.
                    Close(endpoint, "Not available", "Two-factor sign-in is not supported yet: the sign-in page has no second step.");
                }
                else if (ClosedEmailFlows.Any(flow => pattern.EndsWith(flow, StringComparison.OrdinalIgnoreCase)))
                {
                    // The app sends no email, so these anonymous flows could never complete; closed rather than left as surface.
                    Close(endpoint, "Not available", "PeerInterview sends no email: an administrator creates accounts and resets access.");
                }
            });
    }

    /// <summary>Ends the caller's session (bearer token or cookie) for every instance; its refresh token stops working too.</summary>
    private static async Task<NoContent> Logout(HttpContext http, SessionGuard sessions)
    {
        await sessions.EndAsync(http.User, http.RequestAborted);
        if (http.User.Identity?.AuthenticationType == IdentityConstants.ApplicationScheme)
        {
            await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        }

        return TypedResults.NoContent();
    }

    /// <summary>
    /// With <c>Security:Cookies:SecureOnly</c> on, a sign-in or token refresh over plain HTTP is refused before the password
    /// is looked at: the credentials and tokens would cross the network in clear (pages fail closed already: the browser
    /// never sends the Secure cookie back over HTTP).
    /// </summary>
    private static EndpointFilterDelegate RequireHttpsForSignIn(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        if (!factory.MethodInfo.GetParameters().Any(p => p.ParameterType == typeof(LoginRequest) || p.ParameterType == typeof(RefreshRequest)))
        {
            return next;
        }

        return async context =>
        {
            var http = context.HttpContext;
            if (!http.Request.IsHttps && SecuritySetup.SecureCookies(
                    http.RequestServices.GetRequiredService<IConfiguration>(), http.RequestServices.GetRequiredService<IHostEnvironment>()))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "HTTPS required",
                    detail: "This server accepts sign-ins only over HTTPS, so passwords and tokens never cross the network in clear. Use the https:// address.");
            }

            return await next(context);
        };
    }

    /// <summary>
    /// A refresh token works once: the session it belongs to is ended before Identity issues the new pair (which starts a
    /// new session), so a second use — by whoever copied it — answers 401, and so does the old access token.
    /// </summary>
    private static EndpointFilterDelegate RefreshOnce(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        if (!factory.MethodInfo.GetParameters().Any(p => p.ParameterType == typeof(RefreshRequest)))
        {
            return next;
        }

        return async context =>
        {
            var request = context.Arguments.OfType<RefreshRequest>().FirstOrDefault();
            var services = context.HttpContext.RequestServices;
            var protector = services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
            var ticket = string.IsNullOrEmpty(request?.RefreshToken) ? null : protector.Unprotect(request.RefreshToken);
            var identity = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
            if (ticket?.Principal.FindFirstValue(SessionGuard.SessionIdClaim) is not { } session
                || ticket.Principal.FindFirstValue(identity.UserIdClaimType) is not { } userId
                || !await services.GetRequiredService<SessionGuard>().TryEndAsync(session, userId, context.HttpContext.RequestAborted))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in required",
                    detail: "This refresh token is not valid any more (each one works once): sign in again with POST /api/v1/auth/login.");
            }

            return await next(context);
        };
    }

    /// <summary>Identity's anonymous email flows, closed (404) like registration.</summary>
    public static readonly string[] ClosedEmailFlows = ["/forgotPassword", "/resetPassword", "/confirmEmail", "/resendConfirmationEmail"];

    private static void Close(EndpointBuilder endpoint, string title, string detail)
    {
        endpoint.Metadata.Add(new ExcludeFromDescriptionAttribute());
        endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute()); // closed for everyone alike: 404, not 401
        endpoint.RequestDelegate = context => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail).ExecuteAsync(context);
    }

    /// <summary>
    /// Wraps Identity's login handler (it already passes lockoutOnFailure: true): an unknown email "locked" by
    /// <see cref="LoginGuard"/> is refused like a locked account, and failures say what the login page says instead of
    /// Identity's "Failed"/"LockedOut" (which would tell an attacker which emails have accounts).
    /// </summary>
    private static EndpointFilterDelegate GuardLogin(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        if (!factory.MethodInfo.GetParameters().Any(p => p.ParameterType == typeof(LoginRequest)))
        {
            return next;
        }

        return async context =>
        {
            var login = context.Arguments.OfType<LoginRequest>().FirstOrDefault();
            if (login is null)
            {
                return await next(context);
            }

            var services = context.HttpContext.RequestServices;
            var guard = services.GetRequiredService<LoginGuard>();
            var users = services.GetRequiredService<UserManager<AppUser>>();
            if (await guard.RefuseUnknownAsync(users, login.Email) is { } refused)
            {
                return LoginProblem(refused);
            }

            var result = await next(context);
            if (result is INestedHttpResult { Result: ProblemHttpResult { StatusCode: StatusCodes.Status401Unauthorized } problem })
            {
                var signIn = problem.ProblemDetails.Detail switch
                {
                    nameof(SignInResult.LockedOut) => SignInResult.LockedOut,
                    nameof(SignInResult.NotAllowed) => SignInResult.NotAllowed,
                    _ => SignInResult.Failed,
                };
                return LoginProblem(await guard.FailedAsync(users, login.Email, login.Password, signIn));
            }

            return result;
        };
    }

    private static ProblemHttpResult LoginProblem(string message) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: message);

    public static void MapUserEndpoints(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users").RequireAuthorization(Policies.Managers);
        users.MapPost("/", CreateUser).RequireAuthorization(Policies.Admins);
        users.MapGet("/", ListUsers);
        users.MapPost("/{id}/deactivate", Deactivate).RequireAuthorization(Policies.Admins);
        users.MapPost("/{id}/reactivate", Reactivate).RequireAuthorization(Policies.Admins);
        users.MapPut("/{id}/roles", SetRoles).RequireAuthorization(Policies.Admins);
        users.MapPost("/{id}/reset-password", ResetPassword).RequireAuthorization(Policies.Admins);
    }

    public sealed record RolesRequest(string[]? Roles);

    private static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> Deactivate(string id, UserService users, HttpContext http) =>
        (await users.DeactivateAsync(id, http.User.UserId())).ToHttp(TypedResults.Ok);

    private static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> Reactivate(string id, UserService users, HttpContext http) =>
        (await users.ReactivateAsync(id, http.User.UserId())).ToHttp(TypedResults.Ok);

    private static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> SetRoles(string id, RolesRequest request, UserService users, HttpContext http) =>
        (await users.SetRolesAsync(id, request.Roles, http.User.UserId())).ToHttp(TypedResults.Ok);

    /// <summary>The reset link is in this answer only (shown once to the admin; never stored or logged).</summary>
    private static async Task<Results<Ok<UserService.PasswordReset>, ValidationProblem, ProblemHttpResult>> ResetPassword(string id, UserService users, HttpContext http) =>
        (await users.ResetPasswordAsync(id, http.User.UserId(), ResetLinkBase(http.Request))).ToHttp(TypedResults.Ok);

    /// <summary>Where reset links point: this server's own reset page.</summary>
    public static string ResetLinkBase(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}/Account/ResetPassword";

    public sealed record CreateUserRequest(string? Email, string? Password, string[]? Roles, string? DisplayName);

    public sealed record UserResponse(string Id, string Email, string? DisplayName, IReadOnlyList<string> Roles, bool LockedOut = false, bool Deactivated = false);

    private static async Task<Results<Created<UserResponse>, ValidationProblem>> CreateUser(
        CreateUserRequest request, UserService service, HttpContext http)
    {
        var result = await service.CreateAsync(request.Email, request.Password, request.Roles ?? [], request.DisplayName, http.User.UserId());
        if (result.Errors.Count > 0)
        {
            return TypedResults.ValidationProblem(result.Errors);
        }

        var user = result.User!;
        return TypedResults.Created($"/api/v1/users/{user.Id}", user);
    }

    private static async Task<Ok<List<UserResponse>>> ListUsers(UserService users, string? role) =>
        TypedResults.Ok(await users.ListAsync(role));
}

/// <summary>Creates accounts for the admin page and the API with the same rules and messages.</summary>
public sealed partial class UserService(UserManager<AppUser> userManager, AuditLog audit, Data.AppDbContext db, TimeProvider clock, SessionGuard sessions)
{
    public sealed record CreateResult(AccountEndpoints.UserResponse? User, Dictionary<string, string[]> Errors);

    /// <summary>Every account with its roles (two queries), optionally only those holding <paramref name="role"/>.</summary>
    public async Task<List<AccountEndpoints.UserResponse>> ListAsync(string? role = null)
    {
        var now = clock.GetUtcNow();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).Select(u => new { u.Id, u.Email, u.DisplayName, u.LockoutEnd, u.DeactivatedAt }).ToListAsync();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync();
        var rolesByUser = roles.ToLookup(r => r.UserId, r => r.Name ?? "");
        return [.. users
            .Select(u => new AccountEndpoints.UserResponse(u.Id, u.Email ?? "", u.DisplayName, [.. rolesByUser[u.Id].Order(StringComparer.Ordinal)], u.LockoutEnd > now, u.DeactivatedAt != null))
            .Where(u => role is null || u.Roles.Contains(role))];
    }

    public async Task<CreateResult> CreateAsync(string? email, string? password, IReadOnlyList<string> roles, string? displayName, string? byUserId)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(email) || !new EmailAddressAttribute().IsValid(email))
        {
            errors["email"] = ["Enter a valid email address."];
        }

        if (string.IsNullOrEmpty(password))
        {
            errors["password"] = ["Enter a password."];
        }

        if (RoleErrors(roles) is { } roleError)
        {
            errors["roles"] = [roleError];
        }

        if (errors.Count > 0)
        {
            return new CreateResult(null, errors);
        }

        if (await userManager.FindByEmailAsync(email!) is not null)
        {
            return new CreateResult(null, new() { ["email"] = ["An account with this email already exists."] });
        }

        await using var tx = await db.Database.BeginTransactionAsync();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim() };
        var created = await userManager.CreateAsync(user, password!);
        if (!created.Succeeded)
        {
            return new CreateResult(null, new() { ["password"] = [.. created.Errors.Select(e => e.Description)] });
        }

        var added = await userManager.AddToRolesAsync(user, roles.Distinct());
        if (!added.Succeeded)
        {
            return new CreateResult(null, new() { ["roles"] = [.. added.Errors.Select(e => e.Description)] });
        }

        audit.Record(byUserId, "user.create", nameof(AppUser), user.Id, after: new { roles });
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return new CreateResult(new AccountEndpoints.UserResponse(user.Id, user.Email!, user.DisplayName, [.. roles]), []);
    }
}
