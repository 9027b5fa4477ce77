using FsCheck;
using FsCheck.Fluent;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Tests.Kits;

namespace PeerInterview.Tests.Properties;

/// <summary>
/// Reports never change after the fact: random sequences of bank edits (question text, purpose, guidance, anchors, red
/// flags' text and severity, dropped flags, competency), global red-flag edits and framework edits (rename, hurdle on
/// and off) after the panel submitted leave every earlier report byte-identical (bar the time it was generated).
/// </summary>
public class FrozenReportProperties(Xunit.Abstractions.ITestOutputHelper log)
{
    private static readonly string[] Codes = ["D1", "D2", "D3", "D4", "D5", "D6", "D7"];

    private enum EditKind
    {
        Question,
        Competency,
        GlobalFlags,
    }

    private sealed record Edit(EditKind Kind, int Question, string Tag, string? Severity, string? Competency, bool DropFlags, string Code)
    {
        public override string ToString() => Kind switch
        {
            EditKind.Question => $"question #{Question}: {Tag}, severity {Severity ?? "kept"}, competency {Competency ?? "kept"}{(DropFlags ? ", flags dropped" : "")}",
            EditKind.Competency => $"competency {Code}: renamed {Tag}, hurdle turned over",
            _ => $"global red flags: reworded {Tag}, severities turned over, first retired, one added",
        };
    }

    [Fact]
    public async Task RandomBankAndFrameworkEdits_AfterSubmission_LeaveEveryEarlierReportByteIdentical()
    {
        using var app = new TestApp();
        var world = await FrozenVersionWorld.CreateAsync(app);
        var baseline = await ReportsAsync(world);
        var applied = 0;

        var edits =
            from kind in Gen.Frequency((5, Gen.Constant(EditKind.Question)), (3, Gen.Constant(EditKind.Competency)), (2, Gen.Constant(EditKind.GlobalFlags)))
            from question in Gen.Choose(0, world.QuestionIds.Count - 1)
            from tag in Gen.Choose(1, 9999).Select(n => $"E{n}")
            from severity in Gen.Elements<string?>("Concern", "KnockOut", null)
            from competency in Gen.Elements<string?>([.. Codes, null])
            from drop in Gen.Frequency((1, Gen.Constant(true)), (5, Gen.Constant(false)))
            from code in Gen.Elements(Codes)
            select new Edit(kind, question, tag, severity, competency, drop, code);
        var sequences = Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(edits, n));

        var property = Prop.ForAll(Arb.From(sequences), sequence =>
        {
            foreach (var edit in sequence)
            {
                ApplyAsync(world, edit).GetAwaiter().GetResult();
                applied++;
            }

            var now = ReportsAsync(world).GetAwaiter().GetResult();
            foreach (var (name, text) in baseline)
            {
                Assert.True(text == now[name], $"{name} changed after [{string.Join("; ", sequence.Select(e => e.ToString()))}]:\n{text}\n---\n{now[name]}");
            }
        });

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.Run(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(10), property));
        log.WriteLine($"{applied} edits in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(applied >= 10, "the property applied too few edits to mean anything");
    }

    private static Task ApplyAsync(FrozenVersionWorld world, Edit edit) => edit.Kind switch
    {
        EditKind.Question => world.EditQuestionAsync(world.QuestionIds[edit.Question], edit.Tag, edit.Severity, edit.Competency, edit.DropFlags),
        EditKind.Competency => world.EditCompetencyAsync(edit.Code, edit.Tag),
        _ => world.EditGlobalRedFlagsAsync(edit.Tag),
    };

    /// <summary>Every report on the submitted interview: candidate JSON and CSV, the position's report.</summary>
    private static async Task<Dictionary<string, string>> ReportsAsync(FrozenVersionWorld world) => new()
    {
        ["report.json"] = FrozenVersionWorld.WithoutGeneratedAt(await world.Manager.GetStringAsync($"/api/v1/candidates/{world.CandidateId}/report")),
        ["report.csv"] = await world.Manager.GetStringAsync($"/api/v1/candidates/{world.CandidateId}/report?format=csv"),
        ["position.json"] = FrozenVersionWorld.WithoutGeneratedAt(await world.Manager.GetStringAsync($"/api/v1/positions/{world.PositionId}/report")),
    };
}
