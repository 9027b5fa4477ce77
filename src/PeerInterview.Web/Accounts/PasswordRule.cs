using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Accounts;

/// <summary>
/// The password rule (the app holds health-related notes): at least <see cref="MinimumLength"/> characters and not on the
/// list of commonly used passwords shipped with the app (<c>Accounts/common-passwords.txt</c>, written by
/// <c>tools/common-passwords.py</c>). A password is compared lower-cased, whole and with its trailing digits and symbols
/// stripped, so "Password2024!" counts as "password". No composition rules: length beats forced symbols.
/// </summary>
public sealed class PasswordRule : IPasswordValidator<AppUser>
{
    public const int MinimumLength = 12;

    public const string TooShortCode = "PasswordTooShort";
    public const string CommonCode = "PasswordCommon";

    public static readonly string TooShortMessage = $"Use at least {MinimumLength} characters: a few unrelated words make a strong password that is easy to remember.";

    public const string CommonMessage = "This password is on a list of commonly used passwords, which attackers try first: choose another.";

    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(Check(password) is { } error ? IdentityResult.Failed(error) : IdentityResult.Success);

    /// <summary>The first rule <paramref name="password"/> breaks, or null.</summary>
    public static IdentityError? Check(string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumLength)
        {
            return new IdentityError { Code = TooShortCode, Description = TooShortMessage };
        }

        return IsCommon(password) ? new IdentityError { Code = CommonCode, Description = CommonMessage } : null;
    }

    public static bool IsCommon(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        var stripped = lower.TrimEnd(TrailingNoise);
        return Common.Value.Contains(lower) || (stripped.Length > 0 && Common.Value.Contains(stripped)) || stripped.Length < 3;
    }

    private static readonly char[] TrailingNoise = [.. "0123456789!@#$%^&*()_+-=.,?;:'\"~`[]{}<>/\\| "];

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(PasswordRule).Assembly.GetManifestResourceStream("common-passwords.txt")
            ?? throw new InvalidOperationException("The common-passwords list is missing from the build.");
        using var reader = new StreamReader(stream);
        var entries = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                entries.Add(line);
            }
        }

        return entries.ToFrozenSet(StringComparer.Ordinal);
    }
}
