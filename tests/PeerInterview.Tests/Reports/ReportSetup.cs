using System.IO.Compression;
using System.Net;
using System.Text;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Tests.Interviews;
using PeerInterview.Tests.Scoring;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Kits;

namespace PeerInterview.Tests.Reports;

/// <summary>A published kit whose items score the competencies given (by code), in that order.</summary>
internal sealed record ReportKit(KitVersionRef Version, IReadOnlyList<int> Items);

/// <summary>Kits, positions and candidates with panels scored and submitted through the real scorecard API.</summary>
internal sealed class ReportSetup(TestApp app, HttpClient manager, HttpClient raterA, HttpClient raterB, string raterAId, string raterBId)
{
    public TestApp App { get; } = app;

    public static async Task<ReportSetup> StartAsync(TestApp app) => new(
        app,
        await app.ApiClientAsAsync(Roles.HiringManager),
        await app.ApiClientAsAsync(Roles.Interviewer),
        await app.ApiClientAsync(TestData.SecondInterviewerEmail),
        await TestData.UserIdForRoleAsync(app, Roles.Interviewer),
        await TestData.UserIdAsync(app, TestData.SecondInterviewerEmail));

    /// <summary>One kit item per code, on distinct seeded questions, frozen to that competency like a published version.</summary>
    public Task<ReportKit> KitAsync(params string[] competencyCodes) =>
        App.WithScopeAsync(async db =>
        {
            var competencies = await db.Competencies.ToDictionaryAsync(c => c.Code);
            var questions = await db.Questions.OrderBy(q => q.Id).Select(q => new { q.Id, q.Text }).Take(competencyCodes.Length).ToListAsync();
            var now = DateTimeOffset.UtcNow;
            var kit = new InterviewKit { Name = "Report kit", Role = "Peer Support Specialist", CreatedAt = now };
            var version = new KitVersion { Number = 3, Status = KitStatus.Published, CreatedAt = now, PublishedAt = now };
            kit.Versions.Add(version);
            db.Kits.Add(kit);
            await db.SaveChangesAsync();
            var section = new KitSection { KitVersionId = version.Id, Name = "Core", Order = 0 };
            db.KitSections.Add(section);
            await db.SaveChangesAsync();
            var items = competencyCodes.Select((code, i) => new KitItem
            {
                KitVersionId = version.Id,
                KitSectionId = section.Id,
                QuestionId = questions[i].Id,
                QuestionTextSnapshot = questions[i].Text,
                CompetencyIdSnapshot = competencies[code].Id,
                Order = i,
                Minutes = 5,
            }).ToList();
            db.KitItems.AddRange(items);
            await db.SaveChangesAsync();
            await KitFreezer.BackfillAsync(db, now);
            return new ReportKit(new KitVersionRef(kit.Id, version.Id), [.. items.Select(i => i.Id)]);
        });

    public Task<int> PositionAsync(ReportKit kit, string title = "Peer Support Specialist") => TestData.PositionAsync(App, title, kit.Version.KitId);

    /// <summary>
    /// A candidate interviewed on <paramref name="kit"/> by both demo interviewers. Ratings per item (null = not
    /// observed); a rater given null ratings does not touch their scorecard; <paramref name="submitB"/> false leaves B's
    /// ratings as a draft. Every rating carries evidence "{prefix} item n".
    /// </summary>
    public async Task<int> CandidateAsync(
        int positionId, ReportKit kit, string name, int?[]? a, int?[]? b, bool submitB = true, string evidenceA = "A saw", string evidenceB = "B saw")
    {
        var candidateId = await TestData.CandidateAsync(App, positionId, name, email: $"c{Guid.NewGuid():N}@example.org");
        var scenario = new Scenario(kit.Version, positionId, candidateId, raterAId, raterBId);
        var response = await SchedulingApiTests.ScheduleAsync(manager, scenario, raterAId, raterBId);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var interview = await Json.ReadAsync(response);
        var cards = interview.GetProperty("scorecards").EnumerateArray()
            .ToDictionary(c => c.GetProperty("interviewerId").GetString()!, c => c.GetProperty("id").GetInt32());

        if (a is not null)
        {
            await ScoreAsync(raterA, cards[raterAId], kit, a, evidenceA, submit: true);
        }

        if (b is not null)
        {
            await ScoreAsync(raterB, cards[raterBId], kit, b, evidenceB, submitB);
        }

        return candidateId;
    }

    private static async Task ScoreAsync(HttpClient client, int card, ReportKit kit, int?[] ratings, string evidence, bool submit)
    {
        for (var i = 0; i < kit.Items.Count; i++)
        {
            await client.RatedAsync(card, kit.Items[i], ratings[i], notObserved: ratings[i] is null, notes: $"{evidence} item {i + 1}");
        }

        var view = await client.GetJsonAsync($"/api/v1/scorecards/{card}");
        var saved = await client.SummaryAsync(card, "Yes", "Summary.", view.GetProperty("version").GetInt32());
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        if (submit)
        {
            var submitted = await client.SubmitAsync(card);
            Assert.True(submitted.StatusCode == HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        }
    }
}

/// <summary>A small RFC 4180 reader, written here so the test does not trust the exporter's own writer.</summary>
internal static class Csv
{
    public static List<List<string>> Parse(byte[] bytes)
    {
        Assert.True(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "CSV starts with a UTF-8 byte-order mark");
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                Assert.False(c == '\n' || c == '\r', "an unquoted line break that is not CRLF");
                field.Append(c);
            }
        }

        Assert.True(row.Count == 0 && field.Length == 0, "the CSV ends with CRLF");
        Assert.All(rows, r => Assert.Equal(rows[0].Count, r.Count));
        return rows;
    }

    public static Dictionary<string, string> Row(List<List<string>> rows, int index) =>
        rows[0].Select((h, i) => (h, i)).ToDictionary(x => x.h, x => rows[index][x.i]);
}

/// <summary>Reads an XLSX's first sheet straight from the zip's XML: each cell's text or number and its number format.</summary>
internal sealed record XlsxCell(string Text, double? Number, string? NumberFormat);

internal static class Xlsx
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public static Dictionary<string, XlsxCell> Read(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        XDocument Load(string path)
        {
            var entry = zip.GetEntry(path) ?? throw new InvalidOperationException($"{path} is missing from the XLSX");
            using var stream = entry.Open();
            return XDocument.Load(stream);
        }

        Assert.NotNull(zip.GetEntry("[Content_Types].xml"));
        var styles = Load("xl/styles.xml");
        var custom = styles.Descendants(Main + "numFmt").ToDictionary(f => (int)f.Attribute("numFmtId")!, f => (string)f.Attribute("formatCode")!);
        var builtIn = new Dictionary<int, string> { [0] = "General", [1] = "0", [2] = "0.00", [9] = "0%" };
        var formats = styles.Root!.Element(Main + "cellXfs")!.Elements(Main + "xf")
            .Select(xf => (int)xf.Attribute("numFmtId")!)
            .Select(id => custom.GetValueOrDefault(id) ?? builtIn.GetValueOrDefault(id, id.ToString()))
            .ToList();
        var shared = zip.GetEntry("xl/sharedStrings.xml") is null ? [] : Load("xl/sharedStrings.xml").Descendants(Main + "si").Select(si => string.Concat(si.Descendants(Main + "t").Select(t => t.Value))).ToList();

        var cells = new Dictionary<string, XlsxCell>();
        var sheet = zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)).FullName;
        foreach (var c in Load(sheet).Descendants(Main + "c"))
        {
            var type = (string?)c.Attribute("t");
            var style = (int?)c.Attribute("s") ?? 0;
            var value = c.Element(Main + "v")?.Value;
            var cell = type switch
            {
                "inlineStr" => new XlsxCell(string.Concat(c.Descendants(Main + "t").Select(t => t.Value)), null, null),
                "s" => new XlsxCell(shared[int.Parse(value!)], null, null),
                "str" or "b" or "e" => new XlsxCell(value ?? "", null, null),
                _ => new XlsxCell(value ?? "", double.Parse(value!, System.Globalization.CultureInfo.InvariantCulture), formats[style]),
            };
            cells[(string)c.Attribute("r")!] = cell;
        }

        return cells;
    }

    /// <summary>The header row's columns by name: "overall" → "F".</summary>
    public static Dictionary<string, string> Columns(Dictionary<string, XlsxCell> cells) =>
        cells.Where(c => c.Key.EndsWith('1') && !char.IsDigit(c.Key[^2])).ToDictionary(c => c.Value.Text, c => c.Key[..^1]);
}
