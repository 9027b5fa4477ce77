namespace PeerInterview.Web.Infrastructure;

/// <summary>
/// Caps on what one request may ask for, checked before any database work so a huge request is a fast 400 and never holds
/// a write lock (a 10,000-id merge used to stall live autosave), and the window of dates the app accepts.
/// </summary>
public static class RequestLimits
{
    /// <summary>The most items any list in a request body may hold (ids, weights, red flags, roles).</summary>
    public const int MaxListItems = 100;

    /// <summary>Dates further than this from today are refused (a typo, not a plan), so date arithmetic cannot overflow.</summary>
    public const int DateWindowYears = 10;

    public static string TooMany(int max) => $"Send at most {max} items in one request.";

    /// <summary>Adds an error for <paramref name="field"/> when the list is longer than <paramref name="max"/>.</summary>
    public static void CheckList<T>(IReadOnlyCollection<T>? items, string field, Dictionary<string, string[]> errors, int max = MaxListItems)
    {
        if (items is { Count: var count } && count > max)
        {
            errors[field] = [TooMany(max)];
        }
    }

    /// <summary>The error for a date outside ±<see cref="DateWindowYears"/> years of <paramref name="now"/>, or null.</summary>
    public static string? DateOutsideWindow(DateTimeOffset value, DateTimeOffset now) =>
        value < now.AddYears(-DateWindowYears) || value > now.AddYears(DateWindowYears)
            ? $"Choose a date within {DateWindowYears} years of today."
            : null;

    public static string? DateOutsideWindow(DateOnly value, DateTimeOffset now) =>
        DateOutsideWindow(new DateTimeOffset(value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), now);
}

public static class DateRange
{
    /// <summary>
    /// Errors for a <c>from</c>/<c>to</c> filter of UTC days: each within ±<see cref="RequestLimits.DateWindowYears"/> years of
    /// today, and <c>from</c> not after <c>to</c>. The same messages for the API (400 naming the field) and the pages.
    /// </summary>
    public static Dictionary<string, string[]> Errors(DateOnly? from, DateOnly? to, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (from is { } f && RequestLimits.DateOutsideWindow(f, now) is { } fromError)
        {
            errors["from"] = [fromError];
        }

        if (to is { } t && RequestLimits.DateOutsideWindow(t, now) is { } toError)
        {
            errors["to"] = [toError];
        }

        if (errors.Count == 0 && from > to)
        {
            errors["from"] = ["The start date must be on or before the end date."];
        }

        return errors;
    }

    /// <summary>The first instant after UTC day <paramref name="day"/> (the last representable one for the last day).</summary>
    public static DateTimeOffset EndOf(DateOnly day) =>
        day == DateOnly.MaxValue ? DateTimeOffset.MaxValue : new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
