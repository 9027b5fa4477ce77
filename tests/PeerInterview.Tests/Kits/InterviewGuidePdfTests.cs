using System.Text;
using PeerInterview.Tests.Infrastructure;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Kits;
using PeerInterview.Web.Questions;

namespace PeerInterview.Tests.Kits;

public class InterviewGuidePdfTests
{
    private static readonly DateTimeOffset FixedDate = new(2025, 3, 4, 9, 0, 0, TimeSpan.Zero);

    private static InterviewGuide.Item Item(int number, string question, int minutes = 10, string? guidance = null,
        string? poor = "Gives no example.", string? meets = "Describes one concrete example.", string? excellent = "Several examples with measured outcomes.",
        params InterviewGuide.Flag[] flags) =>
        new(number, 100 + number, question, "COM", "Communication", minutes, $"Purpose of question {number}.", guidance,
            AnchorLayers.Resolve(AnchorTexts.None, new AnchorTexts(poor, meets, excellent), AnchorTexts.None), [], false, flags);

    private static InterviewGuide Guide(IReadOnlyList<InterviewGuide.Section> sections, params string[] globalFlags) =>
        new(7, "Backend Engineer Kit", "Backend Engineer", 3, KitStatus.Published, new DateTimeOffset(2025, 2, 14, 0, 0, 0, TimeSpan.Zero),
            sections.Sum(s => s.Items.Sum(i => i.Minutes)), sections, globalFlags);

    private static InterviewGuide SampleGuide() => Guide(
        [
            new("Warm-up", [
                Item(1, "Tell me about a project you’re proud of – what was your part?", minutes: 5,
                    guidance: "Listen for **ownership**.\n\n- Who decided what\n- What they would change\n\n# Follow-up\nAsk for *numbers*."),
            ]),
            new("Technical depth", [
                Item(2, "How would you design a rate limiter for a public API?", minutes: 20, meets: null,
                    flags: [new("q1", "Blames teammates for every failure.", RedFlagSeverity.Concern), new("q2", "Proposes storing passwords in plain text.", RedFlagSeverity.KnockOut)]),
                Item(3, "Walk me through debugging a slow database query.", minutes: 15),
            ]),
        ],
        "Candidate is rude to the panel.", "Candidate asks for the answers.");

    [Fact]
    public void Guide_ListsEveryQuestionInOrder_WithTimings()
    {
        var text = PdfText.Flow(InterviewGuidePdf.Render(SampleGuide(), FixedDate));

        var positions = new[]
        {
            "Tell me about a project you’re proud of – what was your part?",
            "How would you design a rate limiter for a public API?",
            "Walk me through debugging a slow database query.",
        }.Select(q => text.IndexOf(q, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);

        Assert.Contains("Backend Engineer Kit", text, StringComparison.Ordinal);
        Assert.Contains("Total time: 40 minutes", text, StringComparison.Ordinal);
        Assert.Contains("Published: 14 February 2025", text, StringComparison.Ordinal);
        Assert.Contains("COM · Communication · 20 minutes", text, StringComparison.Ordinal);
        Assert.Contains("Warm-up", text, StringComparison.Ordinal);
        Assert.Contains("Technical depth", text, StringComparison.Ordinal);
        Assert.Contains("1. Tell me about", text, StringComparison.Ordinal);
        Assert.Contains("3. Walk me through", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Guide_ShowsAnchors_RedFlagsAndTheRatingLine()
    {
        var text = PdfText.Flow(InterviewGuidePdf.Render(SampleGuide(), FixedDate));

        Assert.Contains("1 – Poor", text, StringComparison.Ordinal);
        Assert.Contains("3 – Meets the new-hire standard", text, StringComparison.Ordinal);
        Assert.Contains("Several examples with measured outcomes.", text, StringComparison.Ordinal);
        Assert.Contains("Gives no example. (generic) " + PeerInterview.Web.Domain.RatingScale.GenericMeets, text, StringComparison.Ordinal);
        Assert.Contains($"{InterviewGuidePdf.KnockOutMarker}: Proposes storing passwords in plain text.", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"{InterviewGuidePdf.KnockOutMarker}: Blames teammates", text, StringComparison.Ordinal);
        Assert.Contains("Blames teammates for every failure.", text, StringComparison.Ordinal);
        Assert.Contains("Why it is asked: Purpose of question 2.", text, StringComparison.Ordinal);
        Assert.Contains("Rating: 1 2 3 4 5 not observed", text, StringComparison.Ordinal);
        Assert.Contains("Red flags for the whole interview", text, StringComparison.Ordinal);
        Assert.Contains("Candidate asks for the answers.", text, StringComparison.Ordinal);
        Assert.Contains("tick “not observed”", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Guidance_IsMarkdownStrippedToPlainTextAndBullets()
    {
        var strings = PdfText.Strings(InterviewGuidePdf.Render(SampleGuide(), FixedDate));

        Assert.Contains("Listen for ownership.", strings);
        Assert.Contains("Who decided what", strings);
        Assert.Contains("Follow-up", strings);
        Assert.Contains("Ask for numbers.", strings);
        Assert.DoesNotContain(strings, s => s.Contains("**", StringComparison.Ordinal) || s.StartsWith('#') || s.StartsWith("- ", StringComparison.Ordinal));
        var bullet = strings.ToList().IndexOf("Who decided what") - 1;
        Assert.Equal("•", strings[bullet]);
    }

    [Fact]
    public void LongGuide_KeepsEachQuestionOnOnePage()
    {
        var items = Enumerable.Range(1, 12).Select(n => Item(n, $"Question number {n} about a topic?", guidance: "Some guidance that takes a line or two of space on the page."));
        var guide = Guide([new("Only section", [.. items])]);

        var pages = PdfText.Pages(InterviewGuidePdf.Render(guide, FixedDate));

        Assert.True(pages.Count > 3);
        for (var n = 1; n <= 12; n++)
        {
            var page = pages.Single(p => p.Contains($"Question number {n} about", StringComparison.Ordinal));
            var flow = string.Join(" ", page.Split('\n'));
            var question = flow.IndexOf($"Question number {n} about", StringComparison.Ordinal);
            // The item's last line (its notes box caption) is on the same page, after the question.
            Assert.True(flow.IndexOf("Evidence – what the candidate said or did", question, StringComparison.Ordinal) > question, $"Question {n} was split across pages");
        }

        Assert.Contains($"Page 2 of {pages.Count}", pages[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Guide_IsAValidRepeatablePdf()
    {
        var first = InterviewGuidePdf.Render(SampleGuide(), FixedDate);

        Assert.Equal(first, InterviewGuidePdf.Render(SampleGuide(), FixedDate));
        var text = Encoding.Latin1.GetString(first);
        Assert.StartsWith("%PDF-1.", text, StringComparison.Ordinal);
        Assert.EndsWith("%%EOF", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Guide_WithoutSectionsOrFlags_StillRenders()
    {
        var guide = new InterviewGuide(1, "Empty kit", "Role", 1, KitStatus.Draft, null, 0, [], []);

        var text = PdfText.Flow(InterviewGuidePdf.Render(guide, FixedDate));

        Assert.Contains("Published: Not published", text, StringComparison.Ordinal);
        Assert.Contains("Version: 1 (draft)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Red flags for the whole interview", text, StringComparison.Ordinal);
    }
}
