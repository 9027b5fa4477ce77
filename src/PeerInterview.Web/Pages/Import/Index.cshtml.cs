using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Data;
using PeerInterview.Web.Import;
using PeerInterview.Web.Infrastructure;

namespace PeerInterview.Web.Pages.Import;

/// <summary>Upload → dry-run preview → confirm. The preview carries the file back in a hidden field so no server keeps state between steps.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = QuestionDocumentImporter.MaxBytes + 64 * 1024, ValueLengthLimit = 4 * QuestionDocumentImporter.MaxBytes)]
public class IndexModel(ImportService importer, AppDbContext db) : PageModel
{
    public ParsedDocument? Preview { get; private set; }
    public string? Error { get; private set; }
    public bool AlreadyImported { get; private set; }
    public int? ExistingDocumentId { get; private set; }

    [BindProperty] public string? DocumentContent { get; set; }
    [BindProperty] public string? FileName { get; set; }

    public IReadOnlyList<ImportEndpoints.DocumentView> Documents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadDocumentsAsync(ct);

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken ct)
    {
        await LoadDocumentsAsync(ct);
        if (file is null)
        {
            Error = "Choose a document to upload.";
            return Page();
        }

        if (file.Length > QuestionDocumentImporter.MaxBytes)
        {
            Error = $"The file is {file.Length / 1024.0 / 1024.0:0.0} MB; the limit for a question document is 2 MB.";
            return Page();
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        FileName = Path.GetFileName(file.FileName);
        return await RunAsync(bytes, dryRun: true, ct);
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        await LoadDocumentsAsync(ct);
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(DocumentContent ?? "");
        }
        catch (FormatException)
        {
            Error = "The preview expired or was altered; upload the document again.";
            return Page();
        }

        return await RunAsync(bytes, dryRun: false, ct);
    }

    private async Task<IActionResult> RunAsync(byte[] bytes, bool dryRun, CancellationToken ct)
    {
        try
        {
            var outcome = await importer.ImportAsync(bytes, FileName ?? "upload.txt", dryRun, User.UserId(), ct);
            if (outcome.AlreadyImported)
            {
                AlreadyImported = true;
                ExistingDocumentId = outcome.DocumentId;
            }

            if (!dryRun && !outcome.AlreadyImported)
            {
                TempData["Flash"] = $"Imported {outcome.Document.Questions.Count} questions from {FileName}.";
                return Redirect($"/Questions?source={outcome.DocumentId}");
            }

            Preview = outcome.Document;
            DocumentContent = Convert.ToBase64String(bytes);
        }
        catch (ImportRejectedException ex)
        {
            Error = ex.Message;
        }

        return Page();
    }

    private async Task LoadDocumentsAsync(CancellationToken ct) =>
        Documents = await db.SourceDocuments.AsNoTracking().OrderByDescending(d => d.Id)
            .Select(d => new ImportEndpoints.DocumentView(d.Id, d.FileName, d.Format, d.Encoding, d.ImportedAt, d.QuestionCount, d.RedFlagCount, d.Warnings))
            .ToListAsync(ct);
}
