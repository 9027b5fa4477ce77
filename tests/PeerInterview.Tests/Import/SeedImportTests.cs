using PeerInterview.Web.Domain;
using PeerInterview.Web.Import;

namespace PeerInterview.Tests.Import;

public class SeedImportTests
{
    [Fact]
    public void Seed000_Has10QuestionsWithPurposeAndSampleAnswer_And5GlobalConcerns()
    {
        var doc = SeedDocuments.Parse("000");

        Assert.Equal(10, doc.Questions.Count);
        Assert.All(doc.Questions, q =>
        {
            Assert.False(string.IsNullOrWhiteSpace(q.Purpose));
            Assert.False(string.IsNullOrWhiteSpace(q.SampleAnswer));
            Assert.False(q.TitleInferred);
            Assert.EndsWith("?", q.Text, StringComparison.Ordinal);
        });
        Assert.Equal("What inspired you to become a Peer Support Specialist?", doc.Questions[0].Text);
        Assert.Equal("To understand the candidate's motivation and personal connection to the role.", doc.Questions[0].Purpose);

        Assert.Equal(5, doc.GlobalRedFlags.Count);
        Assert.All(doc.GlobalRedFlags, f => Assert.Equal(RedFlagSeverity.Concern, f.Severity));
        Assert.Equal("Lack of empathy or understanding", doc.GlobalRedFlags[0].Text);
        Assert.Equal("Inability to handle stress or practice self-care", doc.GlobalRedFlags[4].Text);
        Assert.All(doc.Questions, q => Assert.Empty(q.RedFlags));
    }

    [Fact]
    public void Seed000_QuestionTextsHaveNoEmojiVariationSelectors()
    {
        var doc = SeedDocuments.Parse("000");

        Assert.Contains(doc.Questions, q => q.Text == "How do you approach setting goals with a client?");
        Assert.Contains(doc.Questions, q => q.Text == "How do you build trust with someone who is initially reluctant to open up?");
        Assert.All(doc.Questions, q => Assert.DoesNotContain('\uFE0F', q.Text));
    }

    [Fact]
    public void Seed001_Has23InferredQuestionsWithPurposeGuidanceAndSample()
    {
        var doc = SeedDocuments.Parse("001");

        Assert.Equal(23, doc.Questions.Count);
        Assert.All(doc.Questions, q =>
        {
            Assert.True(q.TitleInferred);
            Assert.False(string.IsNullOrWhiteSpace(q.Purpose));
            Assert.False(string.IsNullOrWhiteSpace(q.Guidance));
            Assert.False(string.IsNullOrWhiteSpace(q.SampleAnswer));
            Assert.InRange(q.Text.Length, 5, 101);
            // The provisional title is made of the purpose paragraph's own words, never an invented question.
            Assert.Contains(q.Text.TrimEnd('…'), q.Purpose, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain('?', q.Text);
        });
        Assert.Equal(23, doc.Warnings.Count(w => w.Contains("needs review", StringComparison.Ordinal)));
        Assert.Empty(doc.GlobalRedFlags);
    }

    [Fact]
    public void Seed001_InferredTitleIsTheSubjectOfThePurposeParagraph()
    {
        var doc = SeedDocuments.Parse("001");

        var updated = Assert.Single(doc.Questions, q => q.Text == "Staying updated on best practices and emerging trends");
        Assert.StartsWith("Staying updated on best practices and emerging trends is crucial", updated.Purpose, StringComparison.Ordinal);
        Assert.StartsWith("Highlight specific methods you use to stay informed", updated.Guidance, StringComparison.Ordinal);
        Assert.Equal("Ensuring the safety and well-being of a peer in crisis", doc.Questions[0].Text);
        Assert.Equal("Understanding how to handle a peer expressing suicidal thoughts", doc.Questions[1].Text);
    }

    [Fact]
    public void Seed001_IntroductionParagraphsAreNotQuestions()
    {
        var doc = SeedDocuments.Parse("001");

        Assert.Equal(6, doc.Questions[0].LineStart);
        Assert.DoesNotContain(doc.Questions, q => q.Purpose!.StartsWith("Landing a job", StringComparison.Ordinal));
    }

    [Fact]
    public void Seed001_MultiParagraphExamplesKeepParagraphsAndLoseSurroundingCurlyQuotes()
    {
        var first = SeedDocuments.Parse("001").Questions[0];

        Assert.StartsWith("My first step is always to ensure", first.SampleAnswer, StringComparison.Ordinal);
        Assert.EndsWith("can see a path forward.", first.SampleAnswer, StringComparison.Ordinal);
        Assert.Contains("\n\nIf they are open to it,", first.SampleAnswer, StringComparison.Ordinal);
        Assert.Equal(9, first.LineEnd);
    }

    [Fact]
    public void Seed002_Has23NumberedQuestionsWithPurposeGuidanceAndSample()
    {
        var doc = SeedDocuments.Parse("002");

        Assert.Equal(23, doc.Questions.Count);
        Assert.All(doc.Questions, q =>
        {
            Assert.False(q.TitleInferred);
            Assert.False(string.IsNullOrWhiteSpace(q.Purpose));
            Assert.False(string.IsNullOrWhiteSpace(q.Guidance));
            Assert.False(string.IsNullOrWhiteSpace(q.SampleAnswer));
            Assert.False(char.IsDigit(q.Text[0]), q.Text);
        });
        Assert.Equal("Identify key signs of relapse and explain your approach to addressing them.", doc.Questions[0].Text);
        Assert.Equal("Describe your involvement in training or mentoring new peer specialists.", doc.Questions[20].Text);
        Assert.Equal("How do you gather feedback from clients to improve services?", doc.Questions[22].Text);
        Assert.EndsWith("more likely to continue providing valuable input.", doc.Questions[22].SampleAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed003_Has30QuestionsWithTypeAndTopic()
    {
        var doc = SeedDocuments.Parse("003");

        Assert.Equal(30, doc.Questions.Count);
        Assert.Equal(10, doc.Questions.Count(q => q.Type == QuestionType.Behavioural));
        Assert.Equal(10, doc.Questions.Count(q => q.Type == QuestionType.Knowledge));
        Assert.Equal(10, doc.Questions.Count(q => q.Type == QuestionType.Situational));
        Assert.All(doc.Questions, q =>
        {
            Assert.False(string.IsNullOrWhiteSpace(q.Topic));
            Assert.Equal(5, q.GuidanceTips.Count);
            Assert.False(string.IsNullOrWhiteSpace(q.SampleAnswer));
        });

        Assert.Equal("EXPERIENCE", doc.Questions[0].Topic);
        Assert.Equal("CONFLICT RESOLUTION", doc.Questions[1].Topic);
        Assert.Equal("Describe a time when you had to mediate a disagreement between peers. How did you handle it?", doc.Questions[1].Text);
        Assert.Equal("Behavioral Interview Questions", doc.Questions[0].Section);
        Assert.Equal("Technical Interview Questions", doc.Questions[10].Section);
        Assert.Equal("PEER SUPPORT PRINCIPLES", doc.Questions[10].Topic);
        Assert.Equal("CRISIS INTERVENTION", doc.Questions[20].Topic);
        Assert.Equal("EMPOWERMENT", doc.Questions[29].Topic);
    }

    [Fact]
    public void Seed003_TipsBecomeAMarkdownNumberedList()
    {
        var first = SeedDocuments.Parse("003").Questions[0];

        Assert.Equal("Share a personal story that demonstrates your experience with peer support.", first.GuidanceTips[0]);
        Assert.StartsWith("1. Share a personal story", first.Guidance, StringComparison.Ordinal);
        Assert.Contains("\n5. Connect your experience to specific skills", first.Guidance, StringComparison.Ordinal);
        Assert.StartsWith("In my previous role as a peer support volunteer", first.SampleAnswer, StringComparison.Ordinal);
        Assert.DoesNotContain("INTERACTIVE", first.SampleAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed003_QuestionsWithoutQuestionMarksAfterATopicAreRecognised()
    {
        var texts = SeedDocuments.Parse("003").Questions.Select(q => q.Text).ToList();

        Assert.Contains("Give an example of how you showed empathy to a peer in a difficult situation.", texts);
        Assert.Contains("Tell me about a mistake you made in your peer support work and what you learned from it.", texts);
        Assert.Contains("Explain how active listening techniques are important in peer support work.", texts);
    }

    [Fact]
    public void Seed004_Has23QuestionsAndSkipsTheIntroductionBullets()
    {
        var doc = SeedDocuments.Parse("004");

        Assert.Equal(23, doc.Questions.Count);
        Assert.Equal("How do you view the role of active listening in peer support?", doc.Questions[0].Text);
        Assert.All(doc.Questions, q =>
        {
            Assert.False(string.IsNullOrWhiteSpace(q.Purpose));
            Assert.False(string.IsNullOrWhiteSpace(q.Guidance));
            Assert.False(string.IsNullOrWhiteSpace(q.SampleAnswer));
        });
        Assert.DoesNotContain(doc.Questions, q => q.Text.Contains("Empathy and Compassion", StringComparison.Ordinal));
    }

    [Fact]
    public void AllSeeds_Give109Questions_EachWithGuidanceOrSampleAnswer()
    {
        var questions = SeedDocuments.ParseAll().SelectMany(d => d.Document.Questions).ToList();

        Assert.Equal(109, questions.Count);
        Assert.All(questions, q => Assert.True(q.Guidance is not null || q.SampleAnswer is not null, q.Text));
    }

    [Fact]
    public void AllSeeds_OnlySeed000HasGlobalRedFlags()
    {
        foreach (var (prefix, doc) in SeedDocuments.ParseAll())
        {
            Assert.Equal(prefix == "000" ? 5 : 0, doc.GlobalRedFlags.Count);
        }
    }

    [Theory]
    [InlineData("Previous")]
    [InlineData("Download")]
    [InlineData("Good Candidates")]
    [InlineData("Great Ones Win Offers")]
    [InlineData("INTERACTIVE PRACTICE")]
    [InlineData("PREMIUM")]
    [InlineData("Master your interview")]
    [InlineData("Used by hundreds")]
    [InlineData("Back to Social Services")]
    [InlineData("Interview Questions & Answers")]
    [InlineData("Click the button")]
    [InlineData("Andre Mendes")]
    public void AllSeeds_PageFurnitureNeverEndsUpInAQuestion(string noise)
    {
        foreach (var q in SeedDocuments.ParseAll().SelectMany(d => d.Document.Questions))
        {
            Assert.DoesNotContain(noise, q.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(noise, q.Guidance ?? string.Empty, StringComparison.Ordinal);
            Assert.DoesNotContain(noise, q.SampleAnswer ?? string.Empty, StringComparison.Ordinal);
            Assert.DoesNotContain(noise, q.Purpose ?? string.Empty, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AllSeeds_NavigationLinesNeverEndUpInAQuestion()
    {
        foreach (var q in SeedDocuments.ParseAll().SelectMany(d => d.Document.Questions))
        {
            var lines = $"{q.Text}\n{q.Purpose}\n{q.Guidance}\n{q.SampleAnswer}".Split('\n');
            Assert.DoesNotContain(lines, l => l.Trim() is "Next" or "Previous" || l.StartsWith("23 Common", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void AllSeeds_LineRangesAreSetAndIncreasing()
    {
        foreach (var (prefix, doc) in SeedDocuments.ParseAll())
        {
            var lineCount = File.ReadAllLines(SeedDocuments.PathOf(prefix)).Length;
            var previousEnd = 0;
            foreach (var q in doc.Questions)
            {
                Assert.True(q.LineStart > previousEnd, $"{prefix}: {q.Text} starts at {q.LineStart}, previous ended at {previousEnd}");
                Assert.True(q.LineEnd >= q.LineStart, $"{prefix}: {q.Text}");
                Assert.True(q.LineEnd <= lineCount, $"{prefix}: {q.Text}");
                previousEnd = q.LineEnd;
            }
        }
    }

    [Theory]
    [InlineData("000", "bulleted-purpose-sample")]
    [InlineData("001", "paragraph-how-to-answer")]
    [InlineData("002", "numbered-how-to-answer")]
    [InlineData("003", "topic-sections-tips")]
    [InlineData("004", "numbered-how-to-answer")]
    public void Seeds_FormatNamesTheRecognisedLayout(string prefix, string format)
    {
        var doc = SeedDocuments.Parse(prefix);

        Assert.Equal(format, doc.Format);
        Assert.Equal("utf-8", doc.Encoding);
        Assert.Matches("^[0-9a-f]{64}$", doc.Sha256);
    }

    [Theory]
    [InlineData("000", "Peer Support Specialist Interview Questions and Answers")]
    [InlineData("002", "23 Common Peer Specialist Interview Questions & Answers")]
    [InlineData("003", "Top 30 Certified Peer Specialist Interview Questions and Answers")]
    public void Seeds_TitleIsThePageTitle(string prefix, string title)
    {
        Assert.Equal(title, SeedDocuments.Parse(prefix).Title);
    }

    [Fact]
    public void Seeds_ParsingTwiceGivesTheSameResult()
    {
        var first = SeedDocuments.Parse("003");
        var second = SeedDocuments.Parse("003");

        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Equal(first.Questions.Select(q => (q.Text, q.Competency, q.LineStart)), second.Questions.Select(q => (q.Text, q.Competency, q.LineStart)));
    }
}
