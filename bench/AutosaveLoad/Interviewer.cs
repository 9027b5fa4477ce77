using System.Text.Json.Nodes;

namespace AutosaveLoad;

/// <summary>What one item of a scorecard should hold at the end: the last value and notes the client saved.</summary>
internal sealed record ExpectedRating(int ScorecardId, int KitItemId, int Value, string Notes, int Version);

/// <summary>An item whose saved rating is not what its client last wrote (a lost or corrupted write).</summary>
internal sealed record Mismatch(int Client, int ScorecardId, int KitItemId, string Expected, string Actual);

/// <summary>
/// One interviewer autosaving their own scorecard like the scorecard page does: items in turn, each write carrying the
/// version the previous write of that item returned. It remembers the last value it saved for every item.
/// </summary>
internal sealed class Interviewer(Seat seat, ApiClient api)
{
    // About the length of a real evidence note written during an answer.
    private const string Filler =
        "Described calling the crisis line with the tenant, then waiting with them until the worker arrived; named what they did not know and who they asked.";

    private readonly Dictionary<int, int> _versions = [];
    private readonly Dictionary<int, ExpectedRating> _saved = [];
    private List<int> _items = [];
    private int _writes;
    private bool _stale;

    public Seat Seat => seat;

    public int Saves { get; private set; }

    public int Resyncs { get; private set; }

    public IEnumerable<ExpectedRating> Expected => _saved.Values.OrderBy(e => e.KitItemId);

    /// <summary>Opens the scorecard as the page does, learning its items and their current versions.</summary>
    public async Task OpenAsync(CancellationToken ct)
    {
        var scorecard = await api.GetAsync($"/api/v1/scorecards/{seat.ScorecardId}", ct);
        _items = [];
        foreach (var item in scorecard["items"]!.AsArray())
        {
            var id = item!["kitItemId"]!.GetValue<int>();
            _items.Add(id);
            _versions[id] = item["rating"]?["version"]?.GetValue<int>() ?? 0;
        }

        if (_items.Count == 0)
        {
            throw new InvalidOperationException($"Scorecard {seat.ScorecardId} has no items.");
        }
    }

    /// <summary>One autosave: the next item in turn, value cycling 1..5, notes naming the client and the write.</summary>
    public async Task<Sample> AutosaveAsync(CancellationToken ct)
    {
        if (_stale && !await TryResyncAsync(ct))
        {
            return new Sample(0, 0);
        }

        var k = _writes++;
        var item = _items[k % _items.Count];
        var value = (k % 5) + 1;
        var notes = $"client {seat.Number} write {k}: {Filler}";
        var response = await api.SendAsync(
            HttpMethod.Put,
            $"/api/v1/scorecards/{seat.ScorecardId}/ratings/{item}",
            new { value, notObserved = false, notes, version = _versions[item] },
            ct);
        if (response.IsSuccess && response.Body?["version"]?.GetValue<int>() is { } version)
        {
            _versions[item] = version;
            _saved[item] = new ExpectedRating(seat.ScorecardId, item, value, notes, version);
            Saves++;
            return new Sample(response.Status, response.Milliseconds);
        }

        // A failed write leaves the client unsure of the item's version: re-read it (not timed) and carry on,
        // as the page would after showing the error.
        _stale = true;
        await TryResyncAsync(ct);
        return new Sample(response.IsSuccess ? 0 : response.Status, response.Milliseconds);
    }

    private async Task<bool> TryResyncAsync(CancellationToken ct)
    {
        Resyncs++;
        try
        {
            await OpenAsync(ct);
            _stale = false;
        }
        catch (InvalidOperationException)
        {
            // The app is not answering; the next autosave tries again, and counts as an error meanwhile.
            await Task.Delay(100, ct);
        }

        return !_stale;
    }

    /// <summary>Reads the scorecard back and lists every item whose rating differs from the last value saved.</summary>
    public async Task<List<Mismatch>> VerifyAsync(CancellationToken ct)
    {
        var scorecard = await api.GetAsync($"/api/v1/scorecards/{seat.ScorecardId}", ct);
        var actual = scorecard["items"]!.AsArray().ToDictionary(i => i!["kitItemId"]!.GetValue<int>(), i => i!["rating"]);
        var mismatches = new List<Mismatch>();
        foreach (var expected in _saved.Values)
        {
            var rating = actual.GetValueOrDefault(expected.KitItemId);
            var value = rating?["value"]?.GetValue<int?>();
            var notes = rating?["notes"]?.GetValue<string?>();
            var version = rating?["version"]?.GetValue<int>();
            if (value != expected.Value || notes != expected.Notes || version != expected.Version)
            {
                mismatches.Add(new Mismatch(
                    seat.Number,
                    seat.ScorecardId,
                    expected.KitItemId,
                    $"{expected.Value} v{expected.Version} \"{Head(expected.Notes)}\"",
                    rating is null ? "no rating" : $"{value} v{version} \"{Head(notes)}\""));
            }
        }

        return mismatches;
    }

    private static string Head(string? notes) => notes is null ? "" : notes[..Math.Min(notes.Length, 24)];

    public static JsonArray ToJson(IEnumerable<ExpectedRating> expected) =>
        [.. expected.Select(e => (JsonNode)new JsonObject
        {
            ["scorecardId"] = e.ScorecardId,
            ["kitItemId"] = e.KitItemId,
            ["value"] = e.Value,
            ["notes"] = e.Notes,
            ["version"] = e.Version,
        })];
}
