using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using PeerInterview.Web.Accounts;
using PeerInterview.Web.Data;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.Reports.Exports;

namespace PeerInterview.Web.Reports;

/// <summary>
/// Report reads and exports for admins, hiring managers and HR: a candidate's report as JSON, CSV or PDF, a position's
/// view as JSON, and the position export as CSV or XLSX. Every read is audited (who, which format, which candidate or
/// position; never a name) and marked <c>Cache-Control: no-store</c>, because these are personal data.
/// </summary>
public static class ExportEndpoints
{
    public static readonly string[] CandidateFormats = ["json", "csv", "pdf"];
    public static readonly string[] PositionExportFormats = ["csv", "xlsx", "pdf"];

    private static readonly Dictionary<string, string> MediaTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/json"] = "json",
        ["text/csv"] = "csv",
        ["application/pdf"] = "pdf",
        [XlsxWriter.ContentType] = "xlsx",
    };

    public static void MapExportEndpoints(this RouteGroupBuilder api)
    {
        Reader(api.MapGet("/candidates/{id:int}/report", CandidateReportAsync)
            .Produces<CandidateReportJson>(StatusCodes.Status200OK, "application/json", "text/csv", "application/pdf"));
        Reader(api.MapGet("/positions/{id:int}/report", PositionReportAsync)
            .Produces<PositionView>());
        Reader(api.MapGet("/positions/{id:int}/export", PositionExportAsync)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv", additionalContentTypes: [XlsxWriter.ContentType, "application/pdf"]));
    }

    private static void Reader(RouteHandlerBuilder endpoint) => endpoint
        .WithTags("Reports")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .RequireAuthorization(Policies.Readers)
        .AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            return await next(context);
        });

    /// <summary>
    /// JSON by default; <c>?format=csv|pdf|json</c>, or an Accept of text/csv or application/pdf (the query wins). About the
    /// latest interview that was not cancelled, or the one named by <c>?interviewId=</c> (404 if it is not this candidate's).
    /// </summary>
    private static async Task<IResult> CandidateReportAsync(
        int id, string? format, int? interviewId, HttpContext http, ReportBuilder reports, BlindRule blind, AuditLog audit, AppDbContext db, CancellationToken ct)
    {
        var negotiated = Negotiate(format, http.Request, CandidateFormats, "json");
        if (negotiated.Error is { } error)
        {
            return error;
        }

        var chosen = negotiated.Format;
        var report = interviewId is { } round ? await reports.ForInterviewAsync(id, round, ct) : await reports.ForCandidateAsync(id, ct);
        if (report is null)
        {
            return interviewId is null
                ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Candidate not found", detail: $"There is no candidate {id}.")
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Interview not found", detail: $"Candidate {id} has no interview {interviewId} that was not cancelled.");
        }

        // The blind rule holds whatever roles the caller has: a panel member who has not submitted gets no report.
        if ((await blind.ApplyAsync(report, http.User.UserId(), ct)).Withheld)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Report withheld", detail: BlindRule.Message,
                extensions: new Dictionary<string, object?> { ["withheld"] = true, ["interviewId"] = report.Interview?.InterviewId });
        }

        await AuditAsync(audit, db, http, "candidate.report", "Candidate", id, new { Format = chosen, InterviewId = report.Interview?.InterviewId }, ct);
        return Render(report, chosen, id);
    }

    private static IResult Render(CandidateReport report, string? chosen, int id)
    {
        var stamp = report.GeneratedAt.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return chosen switch
        {
            "csv" => TypedResults.File(CandidateExport.Csv(report), CsvWriter.ContentType, $"candidate-{id}-report-{stamp}.csv"),
            "pdf" => TypedResults.File(CandidatePdf.Render(report), "application/pdf", $"candidate-{id}-report-{stamp}.pdf"),
            _ => TypedResults.Ok(CandidateReportJson.From(report)),
        };
    }

    /// <summary>The position view: every candidate's band, overall and competency scores side by side.</summary>
    private static async Task<IResult> PositionReportAsync(
        int id, HttpContext http, ReportBuilder reports, BlindRule blind, AuditLog audit, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await ViewAsync(id, http, reports, blind, clock, ct) is not { } view)
        {
            return PositionNotFound(id);
        }

        await AuditAsync(audit, db, http, "position.report", "Position", id, new { Format = "json", Candidates = view.Candidates.Count }, ct);
        return TypedResults.Ok(view);
    }

    /// <summary>CSV by default; <c>?format=csv|xlsx|pdf</c> or the matching Accept header.</summary>
    private static async Task<IResult> PositionExportAsync(
        int id, string? format, HttpContext http, ReportBuilder reports, BlindRule blind, AuditLog audit, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var negotiated = Negotiate(format, http.Request, PositionExportFormats, "csv");
        if (negotiated.Error is { } error)
        {
            return error;
        }

        if (await ViewAsync(id, http, reports, blind, clock, ct) is not { } view)
        {
            return PositionNotFound(id);
        }

        await AuditAsync(audit, db, http, "position.export", "Position", id, new { Format = negotiated.Format, Candidates = view.Candidates.Count }, ct);
        var name = $"position-{id}-{Slug(view.PositionTitle)}-{view.GeneratedAt.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";
        return negotiated.Format switch
        {
            "xlsx" => TypedResults.File(PositionExport.Xlsx(view), XlsxWriter.ContentType, name + ".xlsx"),
            "pdf" => TypedResults.File(PositionPdf.Render(view), "application/pdf", name + ".pdf"),
            _ => TypedResults.File(PositionExport.Csv(view), CsvWriter.ContentType, name + ".csv"),
        };
    }

    /// <summary>The position view as the caller may see it: candidates whose panel they sit on unsubmitted are withheld.</summary>
    private static async Task<PositionView?> ViewAsync(int id, HttpContext http, ReportBuilder reports, BlindRule blind, TimeProvider clock, CancellationToken ct)
    {
        if (await reports.ForPositionAsync(id, ct) is not { } position)
        {
            return null;
        }

        var title = position.Title;
        var candidates = await blind.ApplyAsync(position.Reports, http.User.UserId(), ct);
        return PositionView.From(id, title, candidates, candidates.Count > 0 ? candidates[0].GeneratedAt : clock.GetUtcNow());
    }

    private static ProblemHttpResult PositionNotFound(int id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Position not found", detail: $"There is no position {id}.");

    /// <summary>Ids and the format only: audit entries never carry a candidate's name.</summary>
    private static async Task AuditAsync(AuditLog audit, AppDbContext db, HttpContext http, string action, string entity, int id, object details, CancellationToken ct)
    {
        audit.Record(http.User.UserId(), action, entity, id, after: details);
        await using (await WriteGate.EnterAsync(db, ct))
        {
            await db.SaveChangesAsync(ct);
        }
    }

    internal readonly record struct Negotiated(string? Format, IResult? Error);

    /// <summary>
    /// The query's <c>format</c> wins; otherwise the Accept header's most preferred type we can produce (*/* means the
    /// default). An unknown format is 400 and an Accept we cannot meet is 406, both listing the valid formats.
    /// </summary>
    internal static Negotiated Negotiate(string? format, HttpRequest request, string[] valid, string fallback)
    {
        var list = string.Join(", ", valid);
        if (!string.IsNullOrWhiteSpace(format))
        {
            var wanted = format.Trim().ToLowerInvariant();
            return valid.Contains(wanted)
                ? new Negotiated(wanted, null)
                : new Negotiated(null, TypedResults.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "Unknown format",
                    detail: $"format must be one of: {list}.",
                    extensions: new Dictionary<string, object?> { ["validFormats"] = valid }));
        }

        var accept = request.Headers.Accept.ToString();
        if (string.IsNullOrWhiteSpace(accept) || !MediaTypeHeaderValue.TryParseList([accept], out var types))
        {
            return new Negotiated(fallback, null);
        }

        foreach (var type in types.Where(t => t.Quality is not 0).OrderByDescending(t => t.Quality ?? 1))
        {
            var media = type.MediaType.ToString();
            var found = media.EndsWith("/*", StringComparison.Ordinal)
                ? valid.OrderBy(v => v == fallback ? 0 : 1).FirstOrDefault(v => MediaTypeOf(v).StartsWith(media[..^1], StringComparison.OrdinalIgnoreCase) || media == "*/*")
                : MediaTypes.GetValueOrDefault(media);
            if (found is not null && valid.Contains(found))
            {
                return new Negotiated(found, null);
            }
        }

        return new Negotiated(null, TypedResults.Problem(
            statusCode: StatusCodes.Status406NotAcceptable,
            title: "Not acceptable",
            detail: $"This report is available as: {string.Join(", ", valid.Select(MediaTypeOf))}. Use ?format= ({list}) or one of those Accept types.",
            extensions: new Dictionary<string, object?> { ["validFormats"] = valid }));
    }

    private static string MediaTypeOf(string format) => MediaTypes.First(m => m.Value == format).Key;

    private static string Slug(string title)
    {
        var sb = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != '-' && char.IsWhiteSpace(c) | c is '-' or '_' or '/' or '&')
            {
                sb.Append('-');
            }
        }

        var slug = sb.ToString().Trim('-');
        return slug.Length == 0 ? "position" : slug[..Math.Min(40, slug.Length)].Trim('-');
    }
}
