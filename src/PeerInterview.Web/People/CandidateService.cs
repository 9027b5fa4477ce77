using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.Questions;

namespace PeerInterview.Web.People;

/// <summary>Candidates: search, read, create, edit and move between stages; used by the candidate pages and /api/v1/candidates.</summary>
public sealed class CandidateService(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<PagedList<CandidateListItem>> SearchAsync(CandidateFilter filter, CancellationToken ct = default)
    {
        var (page, size) = Paging.Clamp(filter.Page, filter.PageSize);
        var query = db.Candidates.AsNoTracking();
        if (filter.PositionId is { } positionId)
        {
            query = query.Where(c => c.PositionId == positionId);
        }

        if (filter.Stage is { } stage)
        {
            query = query.Where(c => c.Stage == stage);
        }

        foreach (var term in QuestionBank.SearchTerms(filter.Q))
        {
            var pattern = TextSearch.Containing(term);
            query = query.Where(c => EF.Functions.Like(c.Name.ToLower(), pattern, TextSearch.Escape)
                || (c.Email != null && EF.Functions.Like(c.Email.ToLower(), pattern, TextSearch.Escape)));
        }

        var now = clock.GetUtcNow();
        var total = await query.CountAsync(ct);
        var items = await query
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Skip((page - 1) * size)
            .Take(size)
            .Select(c => new CandidateListItem(
                c.Id,
                c.Name,
                c.Email,
                c.Phone,
                c.PositionId,
                c.Position!.Title,
                c.Stage,
                c.CreatedAt,
                db.Interviews.Count(i => i.CandidateId == c.Id && !i.IsCancelled),
                db.Interviews.Where(i => i.CandidateId == c.Id && !i.IsCancelled && i.ScheduledAt >= now)
                    .OrderBy(i => i.ScheduledAt).Select(i => (DateTimeOffset?)i.ScheduledAt).FirstOrDefault()))
            .ToListAsync(ct);
        return new PagedList<CandidateListItem>(items, total, page, size);
    }

    public async Task<CandidateDetail?> GetAsync(int id, CancellationToken ct = default)
    {
        var candidate = await db.Candidates.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new CandidateDetail(c.Id, c.Name, c.Email, c.Phone, c.PositionId, c.Position!.Title, c.Stage, c.CreatedAt, c.ErasedAt, new List<CandidateInterview>(), c.PseudonymId))
            .FirstOrDefaultAsync(ct);
        if (candidate is null)
        {
            return null;
        }

        var interviews = await db.Interviews.AsNoTracking()
            .Where(i => i.CandidateId == id)
            .OrderByDescending(i => i.ScheduledAt)
            .Select(i => new CandidateInterview(
                i.Id,
                i.ScheduledAt,
                i.KitVersion!.Kit!.Name,
                i.KitVersion.Number,
                i.IsCancelled,
                i.Scorecards.Count,
                i.Scorecards.Count(s => s.State == ScorecardState.Submitted),
                i.Scorecards.OrderBy(s => s.Interviewer!.DisplayName).Select(s => s.Interviewer!.DisplayName ?? s.Interviewer.Email ?? s.InterviewerId).ToList()))
            .ToListAsync(ct);
        return candidate with { Interviews = interviews };
    }

    public async Task<Outcome<CandidateDetail>> CreateAsync(CandidateInput input, string? userId, CancellationToken ct = default)
    {
        var errors = await ValidateAsync(input, null, ct);
        var stage = CandidateStage.Applied;
        if (input.Stage is not null && !EnumText.TryParse(input.Stage, out stage))
        {
            errors["stage"] = [$"Unknown stage '{input.Stage}'. Use one of: {StageText.Choices}."];
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        var candidate = new Candidate
        {
            Name = input.Name!.Trim(),
            Email = input.Email!.Trim(),
            Phone = PositionService.Blank(input.Phone),
            PositionId = input.PositionId!.Value,
            Stage = stage,
            CreatedAt = clock.GetUtcNow(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Candidates.Add(candidate);
        await db.SaveChangesAsync(ct);

        // Audit entries hold ids and stages only, never names or contact details.
        audit.Record(userId, "candidate.create", nameof(Candidate), candidate.Id, after: new { candidate.PositionId, Stage = candidate.Stage.ToString() });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (await GetAsync(candidate.Id, ct))!;
    }

    public async Task<Outcome<CandidateDetail>> UpdateAsync(int id, CandidateInput input, string? userId, CancellationToken ct = default)
    {
        var candidate = await db.Candidates.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (candidate is null)
        {
            return Failure.NotFound("Candidate not found", $"There is no candidate {id}.");
        }

        if (candidate.ErasedAt is not null)
        {
            return Failure.Conflict("Candidate erased", "This candidate's personal data was erased on request; the record cannot be edited.");
        }

        var errors = await ValidateAsync(input, id, ct);
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        var before = new { candidate.PositionId };
        candidate.Name = input.Name!.Trim();
        candidate.Email = input.Email!.Trim();
        candidate.Phone = PositionService.Blank(input.Phone);
        candidate.PositionId = input.PositionId!.Value;
        audit.Record(userId, "candidate.update", nameof(Candidate), candidate.Id, before, new { candidate.PositionId });
        await db.SaveChangesAsync(ct);
        return (await GetAsync(id, ct))!;
    }

    public async Task<Outcome<CandidateDetail>> ChangeStageAsync(int id, string? stageText, string? userId, CancellationToken ct = default)
    {
        var candidate = await db.Candidates.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (candidate is null)
        {
            return Failure.NotFound("Candidate not found", $"There is no candidate {id}.");
        }

        if (!EnumText.TryParse<CandidateStage>(stageText, out var stage))
        {
            return Failure.Invalid(new() { ["stage"] = [stageText is null ? $"Choose a stage: {StageText.Choices}." : $"Unknown stage '{stageText}'. Use one of: {StageText.Choices}."] });
        }

        if (candidate.ErasedAt is not null)
        {
            return Failure.Conflict("Candidate erased", "This candidate's personal data was erased on request; the record cannot be changed.");
        }

        if (candidate.Stage != stage)
        {
            var before = new { Stage = candidate.Stage.ToString() };
            candidate.Stage = stage;
            audit.Record(userId, "candidate.stage", nameof(Candidate), candidate.Id, before, new { Stage = stage.ToString() });
            await db.SaveChangesAsync(ct);
        }

        return (await GetAsync(id, ct))!;
    }

    private async Task<Dictionary<string, string[]>> ValidateAsync(CandidateInput input, int? candidateId, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors["name"] = ["Enter the candidate's name."];
        }
        else if (input.Name.Trim().Length > 200)
        {
            errors["name"] = ["The name must be 200 characters or fewer."];
        }

        var email = input.Email?.Trim();
        if (string.IsNullOrEmpty(email) || email.Length > 256 || !new EmailAddressAttribute().IsValid(email) || !email.Contains('.', StringComparison.Ordinal))
        {
            errors["email"] = ["Enter a valid email address, like name@example.org."];
        }

        var phone = input.Phone?.Trim();
        if (!string.IsNullOrEmpty(phone) && (phone.Length > 40 || phone.Count(char.IsDigit) < 6 || phone.Any(ch => !char.IsDigit(ch) && " +-().".IndexOf(ch, StringComparison.Ordinal) < 0)))
        {
            errors["phone"] = ["Enter a phone number of digits, spaces and + - ( ) only, or leave it empty."];
        }

        if (input.PositionId is not { } positionId)
        {
            errors["positionId"] = ["Choose the position the candidate applied for."];
        }
        else if (!await db.Positions.AnyAsync(p => p.Id == positionId, ct))
        {
            errors["positionId"] = [$"There is no position {positionId}."];
        }
        else if (!errors.ContainsKey("email"))
        {
            var exactly = TextSearch.Literal(email!.ToLowerInvariant());
            var duplicate = await db.Candidates.AsNoTracking()
                .Where(c => c.PositionId == positionId && c.Email != null && EF.Functions.Like(c.Email.ToLower(), exactly, TextSearch.Escape) && c.Id != candidateId)
                .Select(c => (int?)c.Id)
                .FirstOrDefaultAsync(ct);
            if (duplicate is { } other)
            {
                errors["email"] = [$"A candidate with this email has already applied for this position (candidate {other})."];
            }
        }

        return errors;
    }
}
