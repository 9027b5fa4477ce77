using PeerInterview.Web.Import;
using Xunit.Abstractions;

namespace PeerInterview.Tests.Import;

public class NearDuplicateFinderTests(ITestOutputHelper output)
{
    private static List<(string Key, string Text)> SeedQuestions() =>
        SeedDocuments.ParseAll()
            .SelectMany(d => d.Document.Questions.Select((q, i) => (Key: $"{d.Prefix}#{i + 1}", q.Text)))
            .ToList();

    [Fact]
    public void Seeds_StayUpdatedOnBestPracticesQuestionsFromThreeDocumentsAreOneGroup()
    {
        var items = SeedQuestions();

        var groups = NearDuplicateFinder.FindGroups(items);

        var group = Assert.Single(groups, g => g.Contains("002#8"));
        Assert.Equal(["000#5", "001#14", "002#8"], group);
        Assert.Equal("Staying updated on best practices and emerging trends", items.Single(i => i.Key == "001#14").Text);
    }

    [Fact]
    public void Seeds_GroupsAreSmallAndSensible()
    {
        var items = SeedQuestions();
        var text = items.ToDictionary(i => i.Key, i => i.Text);

        var groups = NearDuplicateFinder.FindGroups(items);
        foreach (var g in groups)
        {
            output.WriteLine(string.Join("\n", g.Select(k => $"  {k}: {text[k]}")) + "\n");
        }

        Assert.InRange(groups.Count, 3, 15);
        Assert.All(groups, g => Assert.InRange(g.Count, 2, 4));
        var grouped = groups.SelectMany(g => g).ToHashSet();
        Assert.Contains(groups, g => g.SequenceEqual(["002#2", "003#15"])); // professional boundaries
        Assert.Contains(groups, g => g.SequenceEqual(["001#2", "003#21"])); // suicidal thoughts

        // Clearly different questions are never in a group together.
        Assert.DoesNotContain(groups, g => g.Contains("000#4") && g.Contains("003#12")); // own mental health vs role in mental-health recovery
        Assert.DoesNotContain(groups, g => g.Contains("002#14") && g.Contains("003#19")); // navigating resources vs staying informed about them
        Assert.DoesNotContain("000#1", grouped); // what inspired you
        Assert.DoesNotContain("003#30", grouped); // peer feels powerless
    }

    [Fact]
    public void IdenticalTextsGroup_AndUnrelatedDoNot()
    {
        IReadOnlyList<(int Key, string Text)> items =
        [
            (1, "How do you handle conflict in a team?"),
            (2, "How do you celebrate a peer's small victories?"),
            (3, "How do you handle conflict within a team?"),
            (4, "What is your experience with documentation?"),
        ];

        var groups = NearDuplicateFinder.FindGroups(items);

        Assert.Equal([1, 3], Assert.Single(groups));
    }

    [Fact]
    public void Normalise_KeepsContentWordStems()
    {
        Assert.Equal("stay updat best practic", NearDuplicateFinder.Normalise("How do you stay updated on best practices in peer support?"));
        Assert.Equal(
            NearDuplicateFinder.Normalise("Staying updated on best practices"),
            NearDuplicateFinder.Normalise("stay update on best practice"));
    }
}

public class NearDuplicateFinderScaleTests
{
    [Fact]
    public void TenThousandQuestions_GroupIdenticalWordingsAndKeepDifferentTopicsApart()
    {
        string[] verbs = ["handle", "support", "approach", "manage", "respond to", "explain", "document", "plan for", "talk about", "prepare for"];
        string[] subjects = ["a crisis", "a relapse", "conflict", "boundaries", "goals", "feedback", "stigma", "housing", "trust", "grief", "anger", "loneliness", "debt", "court dates", "medication changes", "family tension", "self-harm", "job loss", "sleep problems", "panic attacks"];
        string[] settings = ["at a drop-in", "on the phone", "in a group", "at home visits", "in hospital", "in a shelter", "online", "in court", "at a clinic", "in the community"];
        string[] people = ["a young adult", "an older veteran", "a new parent", "a student", "a carer", "a refugee", "a nurse", "a farmer", "a musician", "a teacher"];
        var random = new Random(7);
        var items = new List<(int Key, string Text)>(10_000);
        for (var i = 0; i < 9_998; i++)
        {
            items.Add((i, $"How do you {verbs[random.Next(verbs.Length)]} {subjects[random.Next(subjects.Length)]} with {people[random.Next(people.Length)]} {settings[random.Next(settings.Length)]}?"));
        }

        // Two hand-written near-duplicates hidden among them.
        items.Add((20_000, "What strategies do you use to stay updated on best practices in peer support?"));
        items.Add((20_001, "How do you stay updated on best practices in peer support?"));

        var groups = NearDuplicateFinder.FindGroups(items);
        var groupOf = groups.SelectMany((g, n) => g.Select(k => (k, n))).ToDictionary(x => x.k, x => x.n);

        Assert.Equal(groupOf[20_000], groupOf[20_001]);
        Assert.DoesNotContain(groups[groupOf[20_000]], k => k < 20_000);
    }
}
