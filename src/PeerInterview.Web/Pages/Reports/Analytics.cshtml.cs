using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.Reports.Analytics;

namespace PeerInterview.Web.Pages.Reports;

/// <summary>Programme analytics for Admin, HiringManager and HR: interviewer leniency and reliability per competency. No candidate names.</summary>
public class AnalyticsModel(ProgrammeAnalyticsQuery query) : PageModel
{
    /// <summary>Leniency beyond this (in scale points) is worth a calibration conversation.</summary>
    public const double CalibrateBeyond = 0.5;

    [BindProperty(SupportsGet = true)]
    public int? PositionId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public IReadOnlyList<PositionOption> Positions { get; private set; } = [];

    public ProgrammeAnalytics? Analytics { get; private set; }

    public string? FilterError { get; private set; }

    public string Scope
    {
        get
        {
            var position = Positions.FirstOrDefault(p => p.Id == PositionId)?.Title ?? "all positions";
            var dates = (From, To) switch
            {
                ({ } f, { } t) => $", interviews {Day(f)} to {Day(t)}",
                ({ } f, null) => $", interviews from {Day(f)}",
                (null, { } t) => $", interviews up to {Day(t)}",
                _ => "",
            };
            return position + dates;
        }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Positions = await query.PositionsAsync(ct);
        if (PositionId is { } id && Positions.All(p => p.Id != id))
        {
            return NotFound();
        }

        if (DateRange.Errors(From, To, DateTimeOffset.UtcNow) is { Count: > 0 } errors)
        {
            FilterError = string.Join(" ", errors.SelectMany(e => e.Value));
            return Page();
        }

        Analytics = await query.LoadAsync(new AnalyticsFilter(PositionId, From, To), User.UserId(), ct);
        return Page();
    }

    /// <summary>"+0.50", "−0.50" (a real minus sign), "0.00".</summary>
    public static string WithSign(double value)
    {
        var rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        var text = Math.Abs(rounded).ToString("0.00", CultureInfo.InvariantCulture);
        return rounded > 0 ? "+" + text : rounded < 0 ? "\u2212" + text : text;
    }

    public static string Number(double value) => value < 0 ? "\u2212" + (-value).ToString("0.00", CultureInfo.InvariantCulture) : value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
