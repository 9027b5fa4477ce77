using PeerInterview.Web.Import;

namespace PeerInterview.Tests.Import;

public class QuestionLintTests
{
    [Theory]
    [InlineData("Have you ever been hospitalised?", "treatment")]
    [InlineData("Have you ever been hospitalized for your mental health?", "treatment")]
    [InlineData("What medication do you take?", "medication")]
    [InlineData("Are you currently taking any medication?", "medication")]
    [InlineData("Tell us about your diagnosis.", "diagnosis")]
    [InlineData("Have you been diagnosed with bipolar disorder?", "diagnosis")]
    [InlineData("Do you have a mental illness?", "disability")]
    [InlineData("Do you have any disabilities we should know about?", "disability")]
    [InlineData("Are you in therapy at the moment?", "treatment")]
    [InlineData("How long have you been in recovery?", "recovery history")]
    [InlineData("How long have you been sober?", "recovery history")]
    [InlineData("When is your sobriety date?", "recovery history")]
    [InlineData("Have you ever relapsed?", "recovery history")]
    [InlineData("What drugs did you use?", "recovery history")]
    [InlineData("How old are you?", "age")]
    [InlineData("What year were you born?", "age")]
    [InlineData("What church do you attend?", "religion")]
    [InlineData("Are you religious?", "religion")]
    [InlineData("Are you pregnant?", "pregnancy")]
    [InlineData("Do you plan to have children soon?", "pregnancy")]
    [InlineData("Do you have kids at home?", "pregnancy")]
    [InlineData("Are you married?", "marital status")]
    [InlineData("What does your husband do?", "marital status")]
    [InlineData("Where were you born?", "national origin")]
    [InlineData("Is English your first language?", "national origin")]
    [InlineData("Are you a U.S. citizen?", "national origin")]
    [InlineData("Have you ever been arrested?", "arrest record")]
    [InlineData("What is your medical history?", "medical history")]
    [InlineData("Have you ever been treated for depression?", "treatment")]
    [InlineData("Do you suffer from anxiety?", "diagnosis")]
    [InlineData("Does anyone in your family have a history of mental illness?", "medical history")]
    [InlineData("How many days of work did you miss last year because you were sick?", "medical history")]
    [InlineData("What holidays do you celebrate?", "religion")]
    [InlineData("Who looks after your children while you work?", "pregnancy")]
    [InlineData("Where did you grow up?", "national origin")]
    [InlineData("Are you gay?", "sexual orientation or gender identity")]
    [InlineData("How much do you weigh?", "height or weight")]
    public void QuestionsAboutTheCandidate_AreFlagged(string question, string category)
    {
        var warnings = QuestionLint.Check(question);

        var warning = Assert.Single(warnings, w => w.Category == category);
        Assert.StartsWith("Asks ", warning.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OneWarningPerCategory()
    {
        var warnings = QuestionLint.Check("Have you been diagnosed with bipolar disorder, and what is your diagnosis now?");

        Assert.Single(warnings, w => w.Category == "diagnosis");
    }

    [Fact]
    public void MedicationWarning_NamesTheRule()
    {
        var warning = Assert.Single(QuestionLint.Check("What medication do you take?"));

        Assert.Equal("Asks the candidate about their medication (disability-related; EEOC pre-offer rules)", warning.Reason);
    }

    [Theory]
    [InlineData("How would you support a peer who stopped taking their medication?")]
    [InlineData("What would you do if a client disclosed a relapse?")]
    [InlineData("How do you respond when a participant tells you about their diagnosis?")]
    [InlineData("A peer has just been discharged from hospital. How would you help them settle back in?")]
    [InlineData("How do you use your lived experience in your work?")]
    [InlineData("How do you decide what to share about your own recovery journey?")]
    [InlineData("How do you maintain your own mental health while supporting others?")]
    [InlineData("How would you help a peer whose family does not accept their religion?")]
    [InlineData("How do you support peers from diverse cultural backgrounds?")]
    [InlineData("Are you legally authorised to work in the United States?")]
    [InlineData("How would you support a pregnant client who is using substances?")]
    [InlineData("How would you support a peer who has experienced depression?")]
    [InlineData("How do you help a peer whose children have been taken into care?")]
    [InlineData("Do you have experience with depression screening tools?")]
    [InlineData("")]
    public void QuestionsAboutAParticipantOrTheJob_AreNotFlagged(string question)
    {
        Assert.Empty(QuestionLint.Check(question));
    }

    [Fact]
    public void NoneOfThe109SeedQuestionsIsFlagged()
    {
        var flagged = SeedDocuments.ParseAll()
            .SelectMany(d => d.Document.Questions)
            .Where(q => q.LintWarnings.Count > 0 || QuestionLint.Check(q.Text).Count > 0)
            .Select(q => q.Text)
            .ToList();

        Assert.Empty(flagged);
    }

    [Fact]
    public void BorderlineSeedQuestion_OwnMentalHealth_AsksAboutSelfCareNotACondition()
    {
        // Seed 000 asks "How do you maintain your own mental health while supporting others?". It asks how the
        // candidate looks after themselves at work (self-care practices the job needs), not whether they have a
        // condition, so it is not flagged. "What is your mental health condition?" would be.
        Assert.Empty(QuestionLint.Check("How do you maintain your own mental health while supporting others?"));
        Assert.NotEmpty(QuestionLint.Check("What is your mental health condition?"));
    }

    [Fact]
    public void FlaggedQuestionInAnUpload_CarriesTheWarningAndADocumentWarning()
    {
        var doc = new QuestionDocumentImporter().Parse(
            System.Text.Encoding.UTF8.GetBytes("1. How long have you been sober?\n\nExample: Five years.\n\n2. How do you build trust?\n\nExample: I listen.\n"),
            "kit.txt");

        Assert.Equal("recovery history", Assert.Single(doc.Questions[0].LintWarnings).Category);
        Assert.Empty(doc.Questions[1].LintWarnings);
        Assert.Contains(doc.Warnings, w => w.Contains("may be unlawful to ask before an offer", StringComparison.Ordinal));
    }
}
