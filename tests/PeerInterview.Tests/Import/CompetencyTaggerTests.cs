using PeerInterview.Web.Import;
using Xunit.Abstractions;

namespace PeerInterview.Tests.Import;

public class CompetencyTaggerTests(ITestOutputHelper output)
{
    private static (string Code, string Reason) Tag(string text, string? topic = null, string? purpose = null, string? explicitCompetency = null) =>
        CompetencyTagger.Tag(text, topic, purpose, explicitCompetency, CompetencyTagger.Defaults);

    [Fact]
    public void Defaults_AreTheSevenPeerSupportCompetencies()
    {
        Assert.Equal(["D1", "D2", "D3", "D4", "D5", "D6", "D7"], CompetencyTagger.Defaults.Select(c => c.Code));
        Assert.Equal("Crisis & safety", CompetencyTagger.Defaults[4].Name);
    }

    [Fact]
    public void TopicLabel_BeatsKeywords()
    {
        // Keywords alone say D5 (crisis); the source's topic label says BOUNDARIES.
        Assert.Equal("D5", Tag("How do you document a crisis call?").Code);
        Assert.Equal(("D7", "topic label \"BOUNDARIES\""), Tag("How do you document a crisis call?", topic: "BOUNDARIES"));
    }

    [Fact]
    public void Seed003_TopicDecidesWhereKeywordsWouldNot()
    {
        var growth = SeedDocuments.Parse("003").Questions.Single(q => q.Topic == "PERSONAL GROWTH");

        Assert.Equal("D7", growth.Competency);
        Assert.Equal("topic label \"PERSONAL GROWTH\"", growth.CompetencyReason);
        Assert.Equal("D1", Tag(growth.Text).Code);
    }

    [Fact]
    public void ExplicitCompetencyLine_BeatsTopicLabel()
    {
        Assert.Equal(("D2", "explicit Competency: line"), Tag("A peer is expressing suicidal thoughts.", topic: "CRISIS INTERVENTION", explicitCompetency: "D2"));
    }

    [Theory]
    [InlineData("d5")]
    [InlineData("D5 – Crisis & safety")]
    [InlineData("Crisis & safety")]
    [InlineData("crisis and safety")]
    public void ExplicitCompetency_MatchesCodeOrName(string value)
    {
        Assert.Equal("D5", Tag("How do you plan goals?", explicitCompetency: value).Code);
    }

    [Fact]
    public void UnknownExplicitCompetency_FallsThroughToKeywords()
    {
        Assert.Equal("D3", Tag("How do you set goals with a peer?", explicitCompetency: "Z9 Juggling").Code);
    }

    [Fact]
    public void UnknownTopic_FallsThroughToKeywords()
    {
        Assert.Equal(("D5", "keyword \"suicidal\" in question"), Tag("A peer is expressing suicidal thoughts. What do you do?", topic: "SCENARIO"));
    }

    [Theory]
    [InlineData("A peer is expressing suicidal thoughts. How would you handle this situation?", "D5")]
    [InlineData("How do you maintain professional boundaries while providing peer support?", "D7")]
    [InlineData("What is your stance on self-disclosure in peer support work?", "D2")]
    [InlineData("How do you stay updated on best practices in peer support?", "D7")]
    [InlineData("How do you approach setting goals with a client?", "D3")]
    [InlineData("How do you support clients in navigating community resources and services?", "D4")]
    [InlineData("What is your approach to collaborating with other members of a care team?", "D6")]
    [InlineData("How do you build trust with someone who is initially reluctant to open up?", "D1")]
    public void Keywords_PickTheObviousCompetency(string text, string code)
    {
        var (actual, reason) = Tag(text);

        Assert.Equal(code, actual);
        Assert.StartsWith("keyword \"", reason, StringComparison.Ordinal);
        Assert.EndsWith("\" in question", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void KeywordReason_QuotesTheWordAsWritten()
    {
        Assert.Equal(("D5", "keyword \"suicidal\" in question"), Tag("How do you handle a peer expressing suicidal thoughts?"));
    }

    [Fact]
    public void PurposeIsUsedWhenTheQuestionHasNoClearKeyword()
    {
        Assert.Equal(
            ("D2", "keyword \"lived experience\" in purpose"),
            Tag("The therapeutic benefits of peer support", purpose: "Peer specialists bring lived experience to the role."));
    }

    [Fact]
    public void NoKeyword_DefaultsToD1()
    {
        Assert.Equal(("D1", CompetencyTagger.DefaultReason), Tag("Can you share a time when you helped someone overcome a significant challenge?"));
        Assert.Equal("no keyword matched; default", CompetencyTagger.DefaultReason);
    }

    [Fact]
    public void Ties_AreBrokenInAFixedOrder()
    {
        // "crisis" (D5) and "boundaries" (D7) weigh the same; D5 comes first in the fixed order, every time.
        var first = Tag("Crisis work and team boundaries");
        Assert.Equal(first, Tag("Crisis work and team boundaries"));
        Assert.Equal("D5", Tag("crisis boundaries").Code);
    }

    [Fact]
    public void Seeds_AreTaggedSensibly_AndEveryCompetencyIsUsed()
    {
        var questions = SeedDocuments.ParseAll().SelectMany(d => d.Document.Questions).ToList();
        var counts = questions.GroupBy(q => q.Competency).OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Count()}");
        output.WriteLine(string.Join(", ", counts));

        Assert.Equal(["D1", "D2", "D3", "D4", "D5", "D6", "D7"], questions.Select(q => q.Competency).Distinct().Order());
        Assert.True(questions.Count(q => q.CompetencyReason == CompetencyTagger.DefaultReason) <= 3);
        Assert.All(questions.Where(q => q.Text.Contains("suicidal", StringComparison.OrdinalIgnoreCase)), q => Assert.Equal("D5", q.Competency));
        Assert.All(questions.Where(q => q.Text.Contains("boundaries", StringComparison.OrdinalIgnoreCase)), q => Assert.Equal("D7", q.Competency));
        Assert.All(questions.Where(q => q.Text.Contains("self-disclosure", StringComparison.OrdinalIgnoreCase)), q => Assert.Equal("D2", q.Competency));
        Assert.All(questions.Where(q => q.Text.Contains("best practices", StringComparison.OrdinalIgnoreCase)), q => Assert.Equal("D7", q.Competency));
        Assert.Equal(3, questions.Count(q => q.Text.Contains("best practices", StringComparison.OrdinalIgnoreCase)));
    }
}
