using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Accounts;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;

namespace PeerInterview.Web.Import;

public static class ImportEndpoints
{
    public static void MapImportEndpoints(this RouteGroupBuilder api)
    {
        var imports = api.MapGroup("/imports").WithTags("Imports").RequireAuthorization(Policies.Staff);
        imports.MapPost("/", Import).Accepts<IFormFile>("multipart/form-data").RequireAuthorization(Policies.Managers);
        imports.MapGet("/", Documents);
    }

    private static async Task<IResult> Import(HttpRequest request, ImportService service, bool? dryRun, CancellationToken ct)
    {
        var upload = await UploadReader.ReadAsync(request, ct);
        if (upload.Problem is not null)
        {
            return upload.Problem;
        }

        try
        {
            var outcome = await service.ImportAsync(upload.Content!, upload.FileName!, dryRun ?? true, request.HttpContext.User.UserId(), ct);
            if (outcome.AlreadyImported && dryRun != true)
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: "Document already imported",
                    detail: $"This exact document was already imported (document {outcome.DocumentId}); nothing was saved.",
                    extensions: new Dictionary<string, object?> { ["documentId"] = outcome.DocumentId });
            }

            var body = ImportResponse.From(outcome, saved: dryRun == false);
            return dryRun == false ? TypedResults.Created($"/api/v1/imports/{outcome.DocumentId}", body) : TypedResults.Ok(body);
        }
        catch (ImportRejectedException ex)
        {
            return ImportProblem(ex);
        }
    }

    public static IResult ImportProblem(ImportRejectedException ex) => TypedResults.Problem(
        statusCode: ex.Reason == ImportRejection.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status422UnprocessableEntity,
        title: "The document could not be imported",
        detail: ex.Message,
        type: "https://peerinterview.example/problems/import-" + ex.Reason.ToString().ToLowerInvariant(),
        extensions: new Dictionary<string, object?> { ["reason"] = ex.Reason.ToString() });

    public sealed record DocumentView(int Id, string FileName, string Format, string Encoding, DateTimeOffset ImportedAt, int QuestionCount, int RedFlagCount, IReadOnlyList<string> Warnings);

    private static async Task<Ok<List<DocumentView>>> Documents(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.SourceDocuments.AsNoTracking().OrderBy(d => d.Id)
            .Select(d => new DocumentView(d.Id, d.FileName, d.Format, d.Encoding, d.ImportedAt, d.QuestionCount, d.RedFlagCount, d.Warnings))
            .ToListAsync(ct));
}

/// <summary>Reads the multipart field "file" with clear errors for a missing, empty or oversized upload.</summary>
public static class UploadReader
{
    public sealed record Upload(byte[]? Content, string? FileName, IResult? Problem);

    public static async Task<Upload> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        const string limit = "2 MB";
        if (request.ContentLength > QuestionDocumentImporter.MaxBytes + 64 * 1024)
        {
            return Fail(StatusCodes.Status413PayloadTooLarge, $"The upload is larger than the {limit} limit for a question document.");
        }

        if (!request.HasFormContentType)
        {
            return Fail(StatusCodes.Status400BadRequest, "Send the document as multipart/form-data in a field named 'file'.");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            return Fail(StatusCodes.Status413PayloadTooLarge, $"The upload is larger than the {limit} limit for a question document.");
        }

        var file = form.Files.GetFile("file");
        if (file is null)
        {
            return Fail(StatusCodes.Status400BadRequest, "Send the document as multipart/form-data in a field named 'file'.");
        }

        if (file.Length > QuestionDocumentImporter.MaxBytes)
        {
            return Fail(StatusCodes.Status413PayloadTooLarge, $"The file is {file.Length / 1024.0 / 1024.0:0.0} MB; the limit for a question document is {limit}.");
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return new Upload(buffer.ToArray(), string.IsNullOrWhiteSpace(file.FileName) ? "upload.txt" : Path.GetFileName(file.FileName), null);

        static Upload Fail(int status, string detail) =>
            new(null, null, TypedResults.Problem(statusCode: status, title: "The document could not be imported", detail: detail));
    }
}

public sealed record ImportResponse(
    string Format,
    string Encoding,
    int? DocumentId,
    bool Saved,
    IReadOnlyList<ImportResponse.QuestionView> Questions,
    IReadOnlyList<ImportResponse.RedFlagView> RedFlags,
    IReadOnlyList<string> Warnings)
{
    public sealed record RedFlagView(string Text, RedFlagSeverity Severity);

    public sealed record QuestionView(
        string Text, bool TitleInferred, string? Purpose, string? Guidance, IReadOnlyList<string> GuidanceTips, string? SampleAnswer,
        QuestionType? Type, string? Topic, string Competency, string CompetencyReason, IReadOnlyList<RedFlagView> RedFlags,
        IReadOnlyList<string> LintWarnings, int LineStart, int LineEnd);

    public static ImportResponse From(ImportOutcome outcome, bool saved) => new(
        outcome.Document.Format,
        outcome.Document.Encoding,
        saved ? outcome.DocumentId : null,
        saved,
        [.. outcome.Document.Questions.Select(q => new QuestionView(
            q.Text, q.TitleInferred, q.Purpose, q.Guidance, q.GuidanceTips, q.SampleAnswer, q.Type, q.Topic, q.Competency, q.CompetencyReason,
            [.. q.RedFlags.Select(f => new RedFlagView(f.Text, f.Severity))], [.. q.LintWarnings.Select(w => w.Reason)], q.LineStart, q.LineEnd))],
        [.. outcome.Document.GlobalRedFlags.Select(f => new RedFlagView(f.Text, f.Severity))],
        outcome.Document.Warnings);
}
