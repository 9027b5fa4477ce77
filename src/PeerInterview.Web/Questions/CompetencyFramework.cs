using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;

namespace PeerInterview.Web.Questions;

/// <summary>Competencies are data: hiring managers rename, add, retire them and choose the hurdles.</summary>
public sealed class CompetencyFramework(AppDbContext db, AuditLog audit)
{
    /// <summary>Null leaves a field as it is; an empty anchor clears it (the question falls through to the generic scale).</summary>
    public sealed record CompetencyInput(string? Code, string? Name, string? Description, bool? IsHurdle, bool? IsRetired,
        string? AnchorPoor = null, string? AnchorMeets = null, string? AnchorExcellent = null);

    public async Task<Outcome<CompetencyView>> AddAsync(CompetencyInput input, string? userId, CancellationToken ct = default)
    {
        var errors = Validate(input, requireAll: true);
        var code = input.Code?.Trim().ToUpperInvariant() ?? "";
        if (errors.Count == 0 && await db.Competencies.AnyAsync(c => c.Code == code, ct))
        {
            errors["code"] = [$"A competency with the code {code} already exists."];
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        var competency = new Competency
        {
            Code = code,
            Name = input.Name!.Trim(),
            Description = input.Description?.Trim(),
            IsHurdle = input.IsHurdle ?? false,
            AnchorPoor = Anchor(input.AnchorPoor, null),
            AnchorMeets = Anchor(input.AnchorMeets, null),
            AnchorExcellent = Anchor(input.AnchorExcellent, null),
            SortOrder = await db.Competencies.Select(c => c.SortOrder).DefaultIfEmpty().MaxAsync(ct) + 1,
        };
        db.Competencies.Add(competency);
        await db.SaveChangesAsync(ct);
        audit.Record(userId, "competency.create", nameof(Competency), competency.Id, after: new { competency.Code, competency.Name, competency.IsHurdle });
        await db.SaveChangesAsync(ct);
        return View(competency, 0);
    }

    public async Task<Outcome<CompetencyView>> UpdateAsync(int id, CompetencyInput input, string? userId, CancellationToken ct = default)
    {
        var competency = await db.Competencies.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (competency is null)
        {
            return Failure.NotFound("Competency not found", $"There is no competency {id}.");
        }

        var errors = Validate(input, requireAll: false);
        if (input.IsRetired == true && await db.Questions.AnyAsync(q => q.CompetencyId == id && q.Status != QuestionStatus.Archived, ct))
        {
            errors["isRetired"] = ["Move this competency's questions to another competency before retiring it."];
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        var before = new { competency.Name, competency.IsHurdle, competency.IsRetired, competency.AnchorPoor, competency.AnchorMeets, competency.AnchorExcellent };
        competency.Name = input.Name?.Trim() ?? competency.Name;
        competency.Description = input.Description is null ? competency.Description : input.Description.Trim();
        competency.IsHurdle = input.IsHurdle ?? competency.IsHurdle;
        competency.IsRetired = input.IsRetired ?? competency.IsRetired;
        competency.AnchorPoor = Anchor(input.AnchorPoor, competency.AnchorPoor);
        competency.AnchorMeets = Anchor(input.AnchorMeets, competency.AnchorMeets);
        competency.AnchorExcellent = Anchor(input.AnchorExcellent, competency.AnchorExcellent);
        audit.Record(userId, "competency.update", nameof(Competency), id, before,
            new { competency.Name, competency.IsHurdle, competency.IsRetired, competency.AnchorPoor, competency.AnchorMeets, competency.AnchorExcellent });
        await db.SaveChangesAsync(ct);
        var count = await db.Questions.CountAsync(q => q.CompetencyId == id && q.Status != QuestionStatus.Archived, ct);
        return View(competency, count);
    }

    private static CompetencyView View(Competency c, int questionCount) =>
        new(c.Id, c.Code, c.Name, c.Description, c.IsHurdle, c.IsRetired, questionCount, new CompetencyAnchors(c.AnchorPoor, c.AnchorMeets, c.AnchorExcellent));

    // A cleared anchor is stored as "" rather than null: start-up fills the default anchors only where they were never set,
    // so an organisation that deliberately cleared them does not see them come back.
    private static string? Anchor(string? input, string? current) => input is null ? current : input.Trim();

    private static Dictionary<string, string[]> Validate(CompetencyInput input, bool requireAll)
    {
        var errors = new Dictionary<string, string[]>();
        if (requireAll && (string.IsNullOrWhiteSpace(input.Code) || input.Code.Trim().Length > 16 || !input.Code.Trim().All(char.IsLetterOrDigit)))
        {
            errors["code"] = ["Give a short code of 1 to 16 letters or digits, e.g. D8."];
        }

        if ((requireAll || input.Name is not null) && (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 120))
        {
            errors["name"] = ["Names are 1 to 120 characters."];
        }

        if (input.Description?.Length > 2000)
        {
            errors["description"] = ["Descriptions are 2,000 characters or fewer."];
        }

        foreach (var (name, text) in new[] { ("anchorPoor", input.AnchorPoor), ("anchorMeets", input.AnchorMeets), ("anchorExcellent", input.AnchorExcellent) })
        {
            if (text?.Length > TextLimits.Anchor)
            {
                errors[name] = [$"An anchor must be {TextLimits.Anchor:N0} characters or fewer."];
            }
        }

        return errors;
    }
}
