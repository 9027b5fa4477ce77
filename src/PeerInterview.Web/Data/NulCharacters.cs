using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PeerInterview.Web.Data;

/// <summary>
/// U+0000 never means anything in a name, a question or a note, and PostgreSQL refuses it in text ("invalid byte
/// sequence"); Npgsql refuses half a surrogate pair. Either would turn hostile input into a 500 on one provider only.
/// Every text value is saved without NULs and with lone surrogates as U+FFFD, on both providers, so they behave the same.
/// </summary>
public sealed class NulCharacters : SaveChangesInterceptor
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
        Strip(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Strip(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Strip(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            foreach (var property in entry.Properties.Where(p => p.Metadata.ClrType == typeof(string)))
            {
                if (property.CurrentValue is string text && !ReferenceEquals(Clean(text), text))
                {
                    property.CurrentValue = Clean(text);
                }
            }
        }
    }
}

public static class NulCharacterRequests
{
    /// <summary>Query strings with an encoded NUL are refused up front: no search or filter has a use for one.</summary>
    public static IApplicationBuilder RejectNulInQueryStrings(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.QueryString.Value?.Contains("%00", StringComparison.Ordinal) == true)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await Results.Problem(statusCode: 400, title: "Invalid query string", detail: "The query string contains a NUL character (%00).").ExecuteAsync(context);
            return;
        }

        await next(context);
    });
}

/// <summary>JSON strings arrive without U+0000, so lookups by a hostile id answer 4xx on PostgreSQL as on SQLite.</summary>
public sealed class NulFreeStringConverter : System.Text.Json.Serialization.JsonConverter<string>
{
    public override string? Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
        NulCharacters.Clean(reader.GetString());

    public override void Write(System.Text.Json.Utf8JsonWriter writer, string value, System.Text.Json.JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
