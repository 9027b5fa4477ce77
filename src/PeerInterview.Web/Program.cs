using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PeerInterview.Web.Accounts;
using PeerInterview.Web.Audit;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Import;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.Interviews;
using PeerInterview.Web.People;
using PeerInterview.Web.Kits;
using PeerInterview.Web.Questions;
using PeerInterview.Web.Reports;
using PeerInterview.Web.Scoring;
using PeerInterview.Web.Seeding;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
if (await DatabaseCommands.TryRunAsync(args, builder.Configuration))
{
    return; // backup / restore: see README "Backup and restore"
}

builder.Host.UseSerilog((context, logger) => logger
    .ReadFrom.Configuration(context.Configuration)
    .Enrich.FromLogContext()
    .RedactQueryStrings()
    .EscapeControlCharacters()
    .WriteTo.Console());

builder.Services.AddAppDatabase(builder.Configuration);
builder.Services.AddSharedDataProtection();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<QuestionDocumentImporter>();
builder.Services.AddScoped<ImportService>();
builder.Services.AddScoped<AuditLog>();
builder.Services.AddScoped<QuestionBank>();
builder.Services.AddScoped<CompetencyFramework>();
builder.Services.AddScoped<StarterAnchors>();
builder.Services.AddScoped<StaffDirectory>();
builder.Services.AddScoped<PositionService>();
builder.Services.AddScoped<CandidateService>();
builder.Services.AddScoped<CandidateErasure>();
builder.Services.AddScoped<InterviewQueries>();
builder.Services.AddScoped<PanelProgressQuery>();
builder.Services.AddScoped<SchedulingService>();
builder.Services.AddScoped<KitService>();
builder.Services.AddScoped<InterviewGuideBuilder>();
builder.Services.AddScoped<ScorecardService>();
builder.Services.AddScoped<ReportBuilder>();
builder.Services.AddScoped<BlindRule>();
builder.Services.AddScoped<RedFlagReviews>();
builder.Services.AddScoped<DatabaseInitializer>();
builder.Services.AddScoped<DemoHiring>();
builder.Services.AddScoped<UserService>();
builder.Services.AddProgrammeAnalytics();
builder.Services.AddAuditTrail();

// Cookies for the Razor Pages UI, bearer tokens (from /api/v1/auth/login) for API clients; the policy scheme picks per request.
const string CookieOrBearer = "CookieOrBearer";
builder.Services.AddAuthentication(CookieOrBearer)
    .AddPolicyScheme(CookieOrBearer, "Cookie or bearer", o => o.ForwardDefaultSelector = context =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? IdentityConstants.BearerScheme
            : IdentityConstants.ApplicationScheme)
    .AddBearerToken(IdentityConstants.BearerScheme)
    .AddIdentityCookies();
builder.Services.ConfigureApplicationCookie(o =>
{
    o.LoginPath = "/Account/Login";
    o.LogoutPath = "/Account/Logout";
    o.AccessDeniedPath = "/Account/AccessDenied";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Lax;
    // Secure flag and cookie names: Accounts/SecuritySetup.cs (AddAppSecurity).
    o.Events.OnRedirectToLogin = ApiAwareRedirect(StatusCodes.Status401Unauthorized);
    o.Events.OnRedirectToAccessDenied = ApiAwareRedirect(StatusCodes.Status403Forbidden);
    // Instead of Identity's security-stamp validator (which re-issues the cookie with a new principal): sessions end on
    // sign-out, deactivation, password and role changes, checked on every request (Accounts/Sessions.cs).
    o.Events.OnValidatePrincipal = SessionEvents.ValidateCookieAsync;
    o.ExpireTimeSpan = CookieLifetime.From(builder.Configuration);
    o.SlidingExpiration = CookieLifetime.Sliding(builder.Configuration);
});
builder.Services.Configure<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions>(IdentityConstants.BearerScheme, o =>
    o.Events.OnMessageReceived = SessionEvents.ValidateBearerAsync);
builder.Services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = UserService.ResetLinkLifetime);
builder.Services.Configure<SessionCheckOptions>(builder.Configuration.GetSection(SessionCheckOptions.Section));
builder.Services.AddMemoryCache();
builder.Services.AddScoped<SessionGuard>();
builder.Services.AddIdentityCore<AppUser>(o =>
    {
        o.User.RequireUniqueEmail = true;
        o.SignIn.RequireConfirmedAccount = true; // "confirmed" = not deactivated (ActiveAccountConfirmation)
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(10);
    })
    .AddRoles<IdentityRole>()
    .AddClaimsPrincipalFactory<SessionClaimsPrincipalFactory>()
    .AddUserConfirmation<ActiveAccountConfirmation>()
    .AddEntityFrameworkStores<AppDbContext>()
    .AddSignInManager()
    .AddDefaultTokenProviders()
    .AddApiEndpoints();
// The password rule replaces Identity's composition rules (Accounts/PasswordRule.cs).
builder.Services.Replace(ServiceDescriptor.Scoped<IPasswordValidator<AppUser>, PasswordRule>());
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(Policies.Managers, p => p.RequireRole(Roles.Admin, Roles.HiringManager))
    .AddPolicy(Policies.Admins, p => p.RequireRole(Roles.Admin))
    .AddPolicy(Policies.Readers, p => p.RequireRole(Roles.Admin, Roles.HiringManager, Roles.HR))
    .AddPolicy(Policies.Auditors, p => p.RequireRole(Roles.Admin, Roles.HR))
    .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.All.ToArray()));

builder.Services.AddRazorPages(o =>
{
    o.Conventions.AuthorizeFolder("/", Policies.Staff); // signed in and holding a role: an account without one sees nothing
    o.Conventions.AllowAnonymousToPage("/Account/Login");
    o.Conventions.AllowAnonymousToPage("/Account/Logout"); // so an account without a role can still sign out
    o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
    o.Conventions.AllowAnonymousToPage("/Account/ResetPassword"); // the one-time link an admin hands over
    o.Conventions.AllowAnonymousToPage("/Error");
    o.Conventions.AuthorizeFolder("/Admin", Policies.Admins);
    o.Conventions.AuthorizeFolder("/Import", Policies.Managers);
    o.Conventions.AuthorizeFolder("/Positions", Policies.Readers);
    o.Conventions.AuthorizeFolder("/Candidates", Policies.Readers);
    o.Conventions.AuthorizeFolder("/Kits", Policies.Readers);
    o.Conventions.AuthorizeFolder("/Reports", Policies.Readers);
    o.Conventions.AuthorizeFolder("/Audit", Policies.Auditors);
    o.Conventions.ConfigureFilter(new NulFormFilter());
});
builder.Services.AddAntiforgery(o => o.HeaderName = "RequestVerificationToken");
builder.Services.AddAppSecurity(builder.Configuration, builder.Environment);
builder.Services.AddScoped<ApiAntiforgeryFilter>();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<TextTooLongHandler>();
builder.Services.AddOpenApi();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(allowIntegerValues: false))); // names only: 99 is not a question type
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JsonMarkup.EscapingEncoder);
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new NulFreeStringConverter()));
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = QuestionDocumentImporter.MaxBytes + 64 * 1024);

var app = builder.Build();
PeerInterview.Web.Documents.DocumentFonts.Logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PeerInterview.Web.Documents");

using (var scope = app.Services.CreateScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
}

app.UseForwardedHeaders();
app.UseSecurityHeaders();
app.RejectNulInRequests();

// The API answers errors with problem details; people get a readable page instead of raw JSON.
app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api =>
{
    api.UseExceptionHandler();
    api.UseStatusCodePages();
});
app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"), pages =>
{
    pages.UseExceptionHandler("/Error");
    pages.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
});
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseSerilogRequestLogging();
app.UseStaticFiles();
app.UseRouting();
app.UseSignInRateLimit();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapOpenApi("/openapi/{documentName}.json");
app.MapHealthChecks("/healthz").AllowAnonymous();

var api = app.MapGroup("/api/v1").AddEndpointFilter<ApiAntiforgeryFilter>();
api.MapAuthEndpoints();
api.MapPreferenceEndpoints();
api.MapUserEndpoints();
api.MapImportEndpoints();
api.MapQuestionEndpoints();
api.MapPeopleEndpoints();
api.MapInterviewEndpoints();
api.MapKitEndpoints();
api.MapScorecardEndpoints();
api.MapReportEndpoints();
api.MapAnalyticsEndpoints();
api.MapAuditEndpoints();
api.MapExportEndpoints();

app.MapRazorPages();

await app.RunAsync();

static Func<Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions>, Task> ApiAwareRedirect(int status) => context =>
{
    if (context.Request.Path.StartsWithSegments("/api"))
    {
        context.Response.StatusCode = status;
        return context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = status == StatusCodes.Status401Unauthorized ? "Authentication required" : "Forbidden",
                Detail = status == StatusCodes.Status401Unauthorized
                    ? "Sign in with POST /api/v1/auth/login and send the access token as a bearer token."
                    : "Your role does not allow this action.",
            },
        }).AsTask();
    }

    context.Response.Redirect(context.RedirectUri);
    return Task.CompletedTask;
};

public partial class Program;
