using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PeerInterview.Web.Data;

/// <summary>
/// U+0000 never means anything in a name, a question or a note, and PostgreSQL refuses it in text ("invalid byte
/// sequence"), which would turn hostile input into a 500 on one provider only. Every text value is saved without it,
/// on both providers, so they behave the same.
/// </summary>
public sealed class NulCharacters : SaveChangesInterceptor
{
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
                if (property.CurrentValue is string text && text.Contains('\0', StringComparison.Ordinal))
                {
                    property.CurrentValue = text.Replace("\0", "", StringComparison.Ordinal);
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
        reader.GetString()?.Replace("\0", "", StringComparison.Ordinal);

    public override void Write(System.Text.Json.Utf8JsonWriter writer, string value, System.Text.Json.JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
