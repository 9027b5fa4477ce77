using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PeerInterview.Web.Data;

/// <summary>
/// Text is saved by the same rules on both providers, so hostile input can't become a 500 on one of them only:
/// <list type="bullet">
/// <item>U+0000 never means anything in a name, a question or a note, and PostgreSQL refuses it in text ("invalid byte
/// sequence"); Npgsql refuses half a surrogate pair. Every text value is saved without NULs and with lone surrogates as
/// U+FFFD.</item>
/// <item>PostgreSQL enforces a column's maximum length, SQLite ignores it. A value longer than its column's limit is
/// refused with <see cref="TextTooLongException"/> (400) on both, before anything is written. Forms and endpoints
/// validate lengths with their own messages first; this is the net under them.</item>
/// </list>
/// </summary>
public sealed class SavedText : SaveChangesInterceptor
{
    /// <summary>The text without U+0000 and with any unpaired surrogate replaced by U+FFFD; unchanged text is returned as is.</summary>
    public static string? Clean(string? text)
    {
        if (text is null || (!text.Contains('\0', StringComparison.Ordinal) && !HasLoneSurrogate(text)))
        {
            return text;
        }

        var sb = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else
            {
                sb.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return sb.ToString();
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Apply(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Apply(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Apply(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            foreach (var property in entry.Properties.Where(p => p.Metadata.ClrType == typeof(string)))
            {
                if (property.CurrentValue is not string text)
                {
                    continue;
                }

                if (!ReferenceEquals(Clean(text), text))
                {
                    text = Clean(text)!;
                    property.CurrentValue = text;
                }

                // Only what this save writes: an unchanged value stored before the limit was enforced must not block
                // an unrelated change to the same row.
                if (property.Metadata.GetMaxLength() is { } max && text.Length > max && (entry.State == EntityState.Added || property.IsModified))
                {
                    throw new TextTooLongException(entry.Metadata.ClrType.Name, property.Metadata.Name, max);
                }
            }
        }
    }
}

/// <summary>A text value longer than its column allows; answered as a 400 by <see cref="TextTooLongHandler"/>.</summary>
public sealed class TextTooLongException(string entity, string property, int maxLength)
    : Exception($"{Words(entity)} {Words(property).ToLowerInvariant()} must be {maxLength:N0} characters or fewer.")
{
    public int MaxLength { get; } = maxLength;

    // "RedFlag" → "Red flag", "Text" → "text": the message names the field as a person would.
    private static string Words(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
}

/// <summary>Answers <see cref="TextTooLongException"/> with a 400 problem (for pages and the API alike) instead of a 500.</summary>
public sealed class TextTooLongHandler : Microsoft.AspNetCore.Diagnostics.IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not TextTooLongException tooLong)
        {
            return false;
        }

        await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Text too long", detail: tooLong.Message).ExecuteAsync(httpContext);
        return true;
    }
}

/// <summary>JSON strings arrive without U+0000, so lookups by a hostile id answer 4xx on PostgreSQL as on SQLite.</summary>
public sealed class NulFreeStringConverter : System.Text.Json.Serialization.JsonConverter<string>
{
    public override string? Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
        SavedText.Clean(reader.GetString());

    public override void Write(System.Text.Json.Utf8JsonWriter writer, string value, System.Text.Json.JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
