using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.Reports;

namespace PeerInterview.Web.Pages.Reports;

/// <summary>
/// Every candidate of a position side by side: band, overall and each competency as a heat map. No rank number:
/// bands and evidence, compared by people (DESIGN.md). Candidates still incomplete are listed apart, as such.
/// </summary>
public class PositionModel(ReportBuilder reports, BlindRule blind) : PageModel
{
    public int PositionId { get; private set; }

    public string PositionTitle { get; private set; } = "";

    public IReadOnlyList<CandidateReport> Complete { get; private set; } = [];

    public IReadOnlyList<CandidateReport> Incomplete { get; private set; } = [];

    /// <summary>Competency columns: every competency any candidate's kit scores, in framework order.</summary>
    public IReadOnlyList<(int Id, string Code, string Name, bool IsHurdle)> Columns { get; private set; } = [];

    public IReadOnlyDictionary<Band, int> Counts { get; private set; } = new Dictionary<Band, int>();

    [BindProperty(SupportsGet = true)]
    public Band? Band { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await reports.ForPositionAsync(id, ct) is not { } position)
        {
            return NotFound();
        }

        var title = position.Title;
        var all = await blind.ApplyAsync(position.Reports, User.UserId(), ct);
        PositionId = id;
        PositionTitle = title;
        Counts = all.GroupBy(r => r.Result.Band).ToDictionary(g => g.Key, g => g.Count());
        Columns = [.. all.SelectMany(r => r.Result.Competencies)
            .GroupBy(c => c.CompetencyId)
            .Select(g => g.First())
            .OrderBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => (c.CompetencyId, c.Code, c.Name, c.IsHurdle))];

        var shown = Band is { } band ? all.Where(r => r.Result.Band == band).ToList() : [.. all];
        Complete = [.. shown.Where(r => r.Result.Band != Web.Reports.Band.Incomplete)];
        Incomplete = [.. shown.Where(r => r.Result.Band == Web.Reports.Band.Incomplete)];
        return Page();
    }
}
