using Microsoft.EntityFrameworkCore;
using PeerInterview.Web.Data;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Import;
using PeerInterview.Web.Infrastructure;

namespace PeerInterview.Web.Questions;

/// <summary>Search, read and curate the question bank: used by the bank pages and the questions API alike.</summary>
public sealed class QuestionBank(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int MaxPageSize = 200;

    private const string EditConflict = "Someone else saved this question after you opened it. Reload it and apply your edit again.";

    public async Task<QuestionPage> SearchAsync(QuestionFilter filter, CancellationToken ct = default)
    {
        var page = Math.Max(1, filter.Page);
        var pageSize = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        var query = Filter(db.Questions.AsNoTracking(), filter);

        var total = await query.CountAsync(ct);

        // Relevance before id: questions whose own wording matches come before those matched only by guidance or purpose.
        // SearchText starts with the lower-cased question text, so a first match before its length is a match in the wording.
        var terms = SearchTerms(filter.Q);
        var first = terms.Count == 0 ? "" : terms[0];
        var ordered = terms.Count == 0
            ? query.OrderBy(q => q.Id)
            : query.OrderBy(q => q.SearchText.IndexOf(first) < q.Text.Length ? 0 : 1).ThenBy(q => q.Status == QuestionStatus.NeedsReview ? 1 : 0).ThenBy(q => q.Id);
        var items = await ordered
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(q => new QuestionListItem(
                q.Id,
                q.Text,
                q.TitleInferred,
                q.Competency!.Code,
                q.Competency.Name,
                q.Type,
                q.Topic,
                q.Status,
                q.HasLintWarning,
                q.DuplicateGroupId,
                q.Sources.OrderBy(s => s.Id).Select(s => (int?)s.SourceDocumentId).FirstOrDefault(),
                q.Sources.OrderBy(s => s.Id).Select(s => s.SourceDocument!.FileName).FirstOrDefault()))
            .ToListAsync(ct);
        return new QuestionPage(items, total, page, pageSize);
    }

    private IQueryable<Question> Filter(IQueryable<Question> query, QuestionFilter filter)
    {
        query = filter.Status is { } status
            ? query.Where(q => q.Status == status)
            : query.Where(q => q.Status != QuestionStatus.Archived);

        if (!string.IsNullOrWhiteSpace(filter.Competency))
        {
            var code = filter.Competency.Trim();
            query = query.Where(q => q.Competency!.Code == code);
        }

        if (filter.Type is { } type)
        {
            query = query.Where(q => q.Type == type);
        }

        if (filter.Source is { } source)
        {
            query = query.Where(q => q.Sources.Any(s => s.SourceDocumentId == source));
        }

        if (filter.HasLint is { } hasLint)
        {
            query = query.Where(q => q.HasLintWarning == hasLint);
        }

        if (filter.DuplicateGroup is { } group)
        {
            query = group == 0 ? query.Where(q => q.DuplicateGroupId != null) : query.Where(q => q.DuplicateGroupId == group);
        }

        return Search(query, SearchTerms(filter.Q));
    }

    /// <summary>
    /// Every word must match, as a word prefix ("cris" finds "crisis"), accents ignored. SQLite answers from its FTS5
    /// index, PostgreSQL from a GIN full-text index (both made by the QuestionFullTextSearch migrations); any other
    /// provider falls back to a substring scan of <see cref="Question.SearchText"/>.
    /// </summary>
    private IQueryable<Question> Search(IQueryable<Question> query, IReadOnlyList<string> terms)
    {
        if (terms.Count == 0)
        {
            return query;
        }

        if (db.Database.IsSqlite())
        {
            var words = terms.Where(t => t.Any(char.IsLetterOrDigit)).ToList();
            if (words.Count == 0)
            {
                return query.Where(q => false);
            }

            var match = string.Join(" AND ", words.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"*"));
            var ids = db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM \"QuestionSearch\" WHERE \"QuestionSearch\" MATCH {match}");
            return query.Where(q => ids.Contains(q.Id));
        }

        if (db.Database.IsNpgsql())
        {
            var tsQuery = PostgresPrefixQuery(terms);
            if (tsQuery.Length == 0)
            {
                return query.Where(q => false);
            }

            var ids = db.Database.SqlQuery<int>(
                $"SELECT \"Id\" AS \"Value\" FROM \"Questions\" WHERE to_tsvector('peerinterview_search', \"SearchText\") @@ to_tsquery('peerinterview_search', {tsQuery})");
            return query.Where(q => ids.Contains(q.Id));
        }

        foreach (var term in terms)
        {
            query = query.Where(q => q.SearchText.Contains(term));
        }

        return query;
    }

    /// <summary>
    /// The tsquery twin of the FTS5 expression above: each term is split into its letter-or-digit runs (as FTS5's
    /// tokenizer does), the runs of one term must follow each other (<c>&lt;-&gt;</c>, a phrase) and the last is a prefix
    /// (<c>:*</c>); terms are ANDed. Only letters and digits reach the query text, so no input can change its syntax.
    /// </summary>
    internal static string PostgresPrefixQuery(IReadOnlyList<string> terms)
    {
        var phrases = new List<string>();
        foreach (var term in terms)
        {
            var runs = new List<string>();
            var start = -1;
            for (var i = 0; i <= term.Length; i++)
            {
                var inWord = i < term.Length && char.IsLetterOrDigit(term[i]);
                if (inWord && start < 0)
                {
                    start = i;
                }
                else if (!inWord && start >= 0)
                {
                    runs.Add("'" + term[start..i] + "'");
                    start = -1;
                }
            }

            if (runs.Count > 0)
            {
                runs[^1] += ":*";
                phrases.Add(runs.Count == 1 ? runs[0] : "(" + string.Join(" <-> ", runs) + ")");
            }
        }

        return string.Join(" & ", phrases);
    }

    /// <summary>Every word must appear (in the text, topic, purpose or guidance); quotes are ignored.</summary>
    public static IReadOnlyList<string> SearchTerms(string? q) =>
        string.IsNullOrWhiteSpace(q)
            ? []
            : q.ToLowerInvariant()
                .Split([' ', '\t', '\n', '"', '\''], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(t => t.Length > 0)
                .Distinct()
                .Take(8)
                .ToList();

    public async Task<QuestionDetail?> GetAsync(int id, CancellationToken ct = default)
    {
        var q = await db.Questions.AsNoTracking()
            .Where(q => q.Id == id)
            .Select(q => new
            {
                Question = q,
                CompetencyCode = q.Competency!.Code,
                CompetencyName = q.Competency.Name,
                Secondary = q.SecondaryCompetency == null ? null : q.SecondaryCompetency.Code,
                Sources = q.Sources.OrderBy(s => s.Id).Select(s => new QuestionSourceView(s.SourceDocumentId, s.SourceDocument!.FileName, s.LineStart, s.LineEnd, s.OriginalText)).ToList(),
                RedFlags = q.RedFlags.Where(r => !r.IsRetired).OrderBy(r => r.Id).Select(r => new RedFlagView(r.Id, r.Text, r.Severity)).ToList(),
            })
            .AsSplitQuery()
            .FirstOrDefaultAsync(ct);
        if (q is null)
        {
            return null;
        }

        var x = q.Question;
        return new QuestionDetail
        {
            Id = x.Id,
            Text = x.Text,
            TitleInferred = x.TitleInferred,
            Purpose = x.Purpose,
            Guidance = x.Guidance,
            GuidanceTips = x.GuidanceTips,
            SampleAnswer = x.SampleAnswer,
            Type = x.Type,
            Topic = x.Topic,
            Section = x.Section,
            Competency = q.CompetencyCode,
            CompetencyName = q.CompetencyName,
            SecondaryCompetency = q.Secondary,
            CompetencyReason = x.CompetencyReason,
            AnchorPoor = x.AnchorPoor,
            AnchorMeets = x.AnchorMeets,
            AnchorExcellent = x.AnchorExcellent,
            ListenFor = x.ListenFor,
            AnchorsReviewed = x.AnchorsReviewed,
            AnchorsAreStarter = !x.AnchorsReviewed && (!new AnchorTexts(x.AnchorPoor, x.AnchorMeets, x.AnchorExcellent).IsEmpty || x.ListenFor.Count > 0),
            Status = x.Status,
            LintWarnings = x.LintWarnings,
            DuplicateGroupId = x.DuplicateGroupId,
            MergedIntoId = x.MergedIntoId,
            Sources = q.Sources,
            RedFlags = q.RedFlags,
            Version = x.Version,
        };
    }

    public async Task<Outcome<QuestionDetail>> UpdateAsync(int id, QuestionUpdate update, string? userId, CancellationToken ct = default)
    {
        if (update.RedFlags is { Count: > RequestLimits.MaxListItems })
        {
            return Failure.Invalid("redFlags", RequestLimits.TooMany(RequestLimits.MaxListItems));
        }

        var question = await db.Questions.Include(q => q.RedFlags).FirstOrDefaultAsync(q => q.Id == id, ct);
        if (question is null)
        {
            return Failure.NotFound("Question not found", $"There is no question {id}.");
        }

        var errors = new Dictionary<string, string[]>();
        if (update.Version is null)
        {
            errors["version"] = ["Send the version you edited (from GET) so concurrent edits are not lost."];
        }
        else if (update.Version != question.Version)
        {
            return Failure.Conflict("The question was changed by someone else", EditConflict);
        }

        if (update.Text is not null && string.IsNullOrWhiteSpace(update.Text))
        {
            errors["text"] = ["The question text cannot be empty."];
        }
        else if (update.Text?.Length > 1000)
        {
            errors["text"] = ["The question text must be 1,000 characters or fewer."];
        }

        var competencies = await db.Competencies.AsNoTracking().Select(c => new { c.Id, c.Code, c.IsRetired }).ToListAsync(ct);
        int? competencyId = null, secondaryId = null;
        if (update.Competency is not null)
        {
            competencyId = competencies.FirstOrDefault(c => string.Equals(c.Code, update.Competency, StringComparison.OrdinalIgnoreCase) && !c.IsRetired)?.Id;
            if (competencyId is null)
            {
                errors["competency"] = [$"Unknown competency '{update.Competency}'. Use one of: {string.Join(", ", competencies.Where(c => !c.IsRetired).Select(c => c.Code))}."];
            }
        }

        if (!string.IsNullOrEmpty(update.SecondaryCompetency))
        {
            secondaryId = competencies.FirstOrDefault(c => string.Equals(c.Code, update.SecondaryCompetency, StringComparison.OrdinalIgnoreCase) && !c.IsRetired)?.Id;
            if (secondaryId is null)
            {
                errors["secondaryCompetency"] = [$"Unknown competency '{update.SecondaryCompetency}'."];
            }
        }

        // JSON can carry values the enums do not name ("NeedsReview, Archived" parses as bits 1|2): only named values.
        if (update.Type is { } type && !Enum.IsDefined(type))
        {
            errors["type"] = ["Choose Behavioural, Situational, Knowledge or Motivational."];
        }

        if (update.Status is { } newStatus && !Enum.IsDefined(newStatus))
        {
            errors["status"] = ["Choose Active, NeedsReview or Archived."];
        }

        foreach (var (name, text) in new[] { ("anchorPoor", update.AnchorPoor), ("anchorMeets", update.AnchorMeets), ("anchorExcellent", update.AnchorExcellent) })
        {
            if (text?.Length > TextLimits.Anchor)
            {
                errors[name] = [$"An anchor must be {TextLimits.Anchor:N0} characters or fewer."];
            }
        }

        var listenFor = update.ListenFor?.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).ToList();
        if (listenFor is not null && (listenFor.Count > TextLimits.ListenForPoints || listenFor.Any(p => p.Length > TextLimits.ListenForPoint)))
        {
            errors["listenFor"] = [$"Give at most {TextLimits.ListenForPoints} points to listen for, each {TextLimits.ListenForPoint} characters or fewer."];
        }

        foreach (var (flag, i) in (update.RedFlags ?? []).Select((f, i) => (f, i)))
        {
            if (flag is null || string.IsNullOrWhiteSpace(flag.Text) || flag.Text.Length > 500)
            {
                errors[$"redFlags[{i}].text"] = ["Each red flag needs text of 1 to 500 characters."];
            }
            else if (!Enum.IsDefined(flag.Severity))
            {
                errors[$"redFlags[{i}].severity"] = ["Choose Concern or KnockOut."];
            }
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        var before = new { question.Text, question.CompetencyId, question.Status, question.AnchorPoor, question.AnchorMeets, question.AnchorExcellent, question.AnchorsReviewed };
        var anchorsBefore = AnchorsFingerprint(question);
        if (update.Text is not null && update.Text.Trim() != question.Text)
        {
            question.Text = update.Text.Trim();
            question.TitleInferred = false;
            question.LintWarnings = [.. QuestionLint.Check(question.Text).Select(w => w.Reason)];
            question.HasLintWarning = question.LintWarnings.Count > 0;
        }

        question.Purpose = update.Purpose ?? question.Purpose;
        question.Guidance = update.Guidance ?? question.Guidance;
        question.SampleAnswer = update.SampleAnswer ?? question.SampleAnswer;
        question.Type = update.Type ?? question.Type;
        question.Topic = update.Topic ?? question.Topic;
        question.AnchorPoor = update.AnchorPoor ?? question.AnchorPoor;
        question.AnchorMeets = update.AnchorMeets ?? question.AnchorMeets;
        question.AnchorExcellent = update.AnchorExcellent ?? question.AnchorExcellent;
        if (listenFor is not null)
        {
            question.ListenFor = listenFor;
        }

        // A person who edits the anchors or the listen-for list has made them the organisation's own.
        if (anchorsBefore != AnchorsFingerprint(question))
        {
            question.AnchorsReviewed = true;
        }

        if (competencyId is { } cid && cid != question.CompetencyId)
        {
            question.CompetencyId = cid;
            question.CompetencyReason = "set by a hiring manager";
        }

        if (update.SecondaryCompetency is not null)
        {
            question.SecondaryCompetencyId = secondaryId;
        }

        if (update.Status is { } status)
        {
            question.Status = status;
            if (status == QuestionStatus.Active)
            {
                // A person has reviewed the wording; it is no longer the importer's guess.
                question.TitleInferred = false;
            }
        }

        if (update.RedFlags is { } flags)
        {
            ReplaceRedFlags(question, flags);
        }

        question.RefreshSearchText();
        question.UpdatedAt = clock.GetUtcNow();
        question.Version++;
        audit.Record(userId, "question.update", nameof(Question), question.Id, before,
            new { question.Text, question.CompetencyId, question.Status, question.AnchorPoor, question.AnchorMeets, question.AnchorExcellent, question.AnchorsReviewed });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Conflict("The question was changed by someone else", EditConflict);
        }

        return (await GetAsync(id, ct))!;
    }

    /// <summary>Anchors and listen-for points as one comparable string; blank and missing are the same.</summary>
    private static string AnchorsFingerprint(Question q) =>
        string.Join('\u001f', new[] { q.AnchorPoor, q.AnchorMeets, q.AnchorExcellent }.Select(t => t?.Trim() ?? "").Concat(q.ListenFor));

    /// <summary>A hiring manager accepts the starter anchors and listen-for list as the organisation's own (audited).</summary>
    public async Task<Outcome<QuestionDetail>> AcceptAnchorsAsync(int id, int? version, string? userId, CancellationToken ct = default)
    {
        var question = await db.Questions.FirstOrDefaultAsync(q => q.Id == id, ct);
        if (question is null)
        {
            return Failure.NotFound("Question not found", $"There is no question {id}.");
        }

        if (version is { } v && v != question.Version)
        {
            return Failure.Conflict("The question was changed by someone else", EditConflict);
        }

        if (new AnchorTexts(question.AnchorPoor, question.AnchorMeets, question.AnchorExcellent).IsEmpty && question.ListenFor.Count == 0)
        {
            return Failure.Conflict("Nothing to accept", "This question has no anchors or listen-for points yet. Write them on the edit page.");
        }

        if (!question.AnchorsReviewed)
        {
            question.AnchorsReviewed = true;
            question.UpdatedAt = clock.GetUtcNow();
            question.Version++;
            audit.Record(userId, "question.anchors-accept", nameof(Question), question.Id, new { AnchorsReviewed = false }, new { AnchorsReviewed = true });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Failure.Conflict("The question was changed by someone else", EditConflict);
            }
        }

        return (await GetAsync(id, ct))!;
    }

    private static void ReplaceRedFlags(Question question, IReadOnlyList<RedFlagView> flags)
    {
        var keep = flags.Where(f => f.Id is not null).Select(f => f.Id!.Value).ToHashSet();
        foreach (var existing in question.RedFlags)
        {
            if (!keep.Contains(existing.Id))
            {
                // Retired, not deleted: scorecards may already have checked it.
                existing.IsRetired = true;
            }
        }

        foreach (var flag in flags)
        {
            var existing = flag.Id is null ? null : question.RedFlags.FirstOrDefault(r => r.Id == flag.Id);
            if (existing is null)
            {
                question.RedFlags.Add(new RedFlag { Text = flag.Text.Trim(), Severity = flag.Severity });
            }
            else
            {
                existing.Text = flag.Text.Trim();
                existing.Severity = flag.Severity;
                existing.IsRetired = false;
            }
        }
    }

    /// <summary>Merges near-duplicates into one question that keeps every source; the others are archived and point at it.</summary>
    public async Task<Outcome<QuestionDetail>> MergeAsync(int survivorId, IReadOnlyList<int> otherIds, string? userId, CancellationToken ct = default)
    {
        if (otherIds.Count > RequestLimits.MaxListItems)
        {
            return Failure.Invalid("questionIds", RequestLimits.TooMany(RequestLimits.MaxListItems)); // before any database work
        }

        var ids = otherIds.Where(i => i != survivorId).Distinct().ToList();
        if (ids.Count == 0)
        {
            return Failure.Invalid(new Dictionary<string, string[]> { ["questionIds"] = ["Choose at least one other question to merge into this one."] });
        }

        // Validate with a plain read first: on SQLite the transaction below takes the write lock, which live autosave needs.
        var found = await db.Questions.AsNoTracking().Where(q => q.Id == survivorId || ids.Contains(q.Id)).Select(q => new { q.Id, q.Status }).ToListAsync(ct);
        if (found.All(q => q.Id != survivorId))
        {
            return Failure.NotFound("Question not found", $"There is no question {survivorId}.");
        }

        if (found.Count(q => q.Id != survivorId && q.Status != QuestionStatus.Archived) != ids.Count)
        {
            return Failure.Invalid(new Dictionary<string, string[]> { ["questionIds"] = ["Every question to merge must exist and not be archived already."] });
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var all = await db.Questions.Include(q => q.Sources).Include(q => q.RedFlags)
            .Where(q => q.Id == survivorId || ids.Contains(q.Id))
            .ToListAsync(ct);
        var survivor = all.FirstOrDefault(q => q.Id == survivorId);
        if (survivor is null)
        {
            return Failure.NotFound("Question not found", $"There is no question {survivorId}.");
        }

        var others = all.Where(q => q.Id != survivorId).ToList();
        if (others.Count != ids.Count || others.Any(o => o.Status == QuestionStatus.Archived))
        {
            return Failure.Invalid(new Dictionary<string, string[]> { ["questionIds"] = ["Every question to merge must exist and not be archived already."] });
        }

        foreach (var other in others)
        {
            foreach (var source in other.Sources)
            {
                survivor.Sources.Add(new QuestionSource { SourceDocumentId = source.SourceDocumentId, LineStart = source.LineStart, LineEnd = source.LineEnd, OriginalText = source.OriginalText });
            }

            foreach (var flag in other.RedFlags.Where(f => !f.IsRetired && !survivor.RedFlags.Any(s => string.Equals(s.Text, f.Text, StringComparison.OrdinalIgnoreCase))))
            {
                survivor.RedFlags.Add(new RedFlag { Text = flag.Text, Severity = flag.Severity, SourceDocumentId = flag.SourceDocumentId });
            }

            survivor.Purpose ??= other.Purpose;
            survivor.Guidance ??= other.Guidance;
            survivor.SampleAnswer = string.IsNullOrWhiteSpace(survivor.SampleAnswer)
                ? other.SampleAnswer
                : string.IsNullOrWhiteSpace(other.SampleAnswer) ? survivor.SampleAnswer : survivor.SampleAnswer + "\n\n---\n\n" + other.SampleAnswer;
            other.Status = QuestionStatus.Archived;
            other.MergedIntoId = survivor.Id;
            other.DuplicateGroupId = null;
            other.Version++;
        }

        survivor.RefreshSearchText();
        survivor.UpdatedAt = clock.GetUtcNow();
        survivor.Version++;
        await db.SaveChangesAsync(ct);

        // A group of one is no longer a duplicate group.
        if (survivor.DuplicateGroupId is { } groupId && !await db.Questions.AnyAsync(q => q.DuplicateGroupId == groupId && q.Id != survivor.Id, ct))
        {
            survivor.DuplicateGroupId = null;
        }

        audit.Record(userId, "question.merge", nameof(Question), survivor.Id, after: new { merged = ids });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (await GetAsync(survivorId, ct))!;
    }

    public async Task<IReadOnlyList<CompetencyView>> CompetenciesAsync(CancellationToken ct = default) =>
        await db.Competencies.AsNoTracking()
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Code)
            .Select(c => new CompetencyView(c.Id, c.Code, c.Name, c.Description, c.IsHurdle, c.IsRetired,
                db.Questions.Count(q => q.CompetencyId == c.Id && q.Status != QuestionStatus.Archived),
                new CompetencyAnchors(c.AnchorPoor, c.AnchorMeets, c.AnchorExcellent)))
            .ToListAsync(ct);
}
