using System.Text;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Import;

namespace PeerInterview.Tests.Import;

/// <summary>Layouts the seeds do not use but real uploads will.</summary>
public class LayoutTests
{
    internal const string NumberedSections = """
        Peer Support Interview Kit

        1. Engagement

        1.1. How do you build trust with a peer who has been let down by services before?

        How to answer
        - Acknowledge past experiences without judgement
        - Describe following through on small promises
        - Mention going at the peer's pace

        What not to say
        - "I just tell them to trust me"
        - Blaming the services they used before

        1.2. Tell us how you would respond if a peer says they are thinking about ending their life.

        How to answer
        - Stay calm and ask directly about safety
        - Follow the organisation's crisis protocol

        What not to say
        - Promising to keep it a secret

        2. Boundaries

        2.1. How do you keep professional boundaries when a peer asks to be friends on social media?

        How to answer
        - Explain the boundary kindly and why it exists
        - Offer other ways to stay connected to support

        What not to say
        - Accepting the request to avoid upsetting them
        """;

    internal const string ExampleOnlyArticle = """
        Peer Support Worker Interview Questions (with Examples)

        Why do you want to work in peer support?

        Interviewers want to hear a motivation that is about helping others, not only about your own story.

        Example: “After my own recovery I volunteered at a drop-in centre and saw how much it meant to people to talk to someone who had been there.”

        How would you respond to a peer who has just relapsed?

        Relapse is part of many recovery journeys; the interviewer is checking that you respond without judgement.

        Example: “I would thank them for telling me and ask what they need right now.

        Then we would look at their recovery plan together – is anything missing? What helped last time?”

        What does self-care look like for you?

        The role is emotionally demanding, so employers look for sustainable habits.

        Example: “I keep regular supervision, I walk every morning and I switch my work phone off at six.”
        """;

    internal const string MarkdownKit = """
        # Peer Support Specialist Interview Kit

        ## Crisis and safety

        ### How do you respond when a peer tells you they are thinking about suicide?

        **Purpose:** Checks that the candidate follows safety protocol while staying person-centred.

        **Look for:** asks directly about safety; involves a supervisor; stays with the peer.

        **Red flags:** promises to keep it secret; lectures the peer

        **Competency:** D5

        ### How do you decide what to share about your own recovery story?

        **Purpose:** Purposeful self-disclosure that keeps the focus on the peer.

        **Look for:**
        - shares with the peer's goal in mind
        - keeps details brief

        **Red flags:**
        - overshares graphic details (knock-out)
        - makes the conversation about themselves

        **Competency:** D7

        ### Tell me about a time you worked with a team to support a peer's goals.

        **Sample answer:** "I joined the care-planning meeting with the peer and made sure their own words went into the plan."

        **Competency:** Communication & teamwork
        """;

    private static ParsedDocument Parse(string text, string fileName = "upload.txt") =>
        new QuestionDocumentImporter().Parse(Encoding.UTF8.GetBytes(text), fileName);

    [Fact]
    public void NumberedSections_GiveQuestionsWithBulletTipsAndWhatNotToSayFlags()
    {
        var doc = Parse(NumberedSections);

        Assert.Equal(3, doc.Questions.Count);
        var first = doc.Questions[0];
        Assert.Equal("How do you build trust with a peer who has been let down by services before?", first.Text);
        Assert.Equal("Engagement", first.Section);
        Assert.Equal(3, first.GuidanceTips.Count);
        Assert.Equal("Acknowledge past experiences without judgement", first.GuidanceTips[0]);
        Assert.StartsWith("- Acknowledge past experiences", first.Guidance, StringComparison.Ordinal);
        Assert.Equal(2, first.RedFlags.Count);
        Assert.All(first.RedFlags, f => Assert.Equal(RedFlagSeverity.Concern, f.Severity));
        Assert.Equal("Blaming the services they used before", first.RedFlags[1].Text);

        Assert.StartsWith("Tell us how you would respond", doc.Questions[1].Text, StringComparison.Ordinal);
        Assert.Equal("D5", doc.Questions[1].Competency);
        Assert.Equal("Promising to keep it a secret", Assert.Single(doc.Questions[1].RedFlags).Text);

        Assert.Equal("Boundaries", doc.Questions[2].Section);
        Assert.Equal("D7", doc.Questions[2].Competency);
        Assert.DoesNotContain(doc.Questions.SelectMany(q => q.RedFlags), f => f.Text == "Boundaries");
        Assert.Empty(doc.GlobalRedFlags);
        Assert.Equal("numbered-how-to-answer", doc.Format);
    }

    [Fact]
    public void ExampleOnlyArticle_GivesQuestionsWithPurposeAndUnquotedSampleAnswers()
    {
        var doc = Parse(ExampleOnlyArticle);

        Assert.Equal(3, doc.Questions.Count);
        Assert.Equal(
            ["Why do you want to work in peer support?", "How would you respond to a peer who has just relapsed?", "What does self-care look like for you?"],
            doc.Questions.Select(q => q.Text));
        Assert.All(doc.Questions, q =>
        {
            Assert.NotNull(q.Purpose);
            Assert.NotNull(q.SampleAnswer);
            Assert.False(q.SampleAnswer!.StartsWith('“'));
            Assert.False(q.SampleAnswer.EndsWith('”'));
        });

        // A question inside a quoted answer does not start a new question.
        var relapse = doc.Questions[1];
        Assert.Contains("\n\nThen we would look at their recovery plan together – is anything missing? What helped last time?", relapse.SampleAnswer, StringComparison.Ordinal);
        Assert.Equal(QuestionType.Situational, relapse.Type);
        Assert.Equal("D5", relapse.Competency);
        Assert.Equal("plain-example", doc.Format);
    }

    [Fact]
    public void MarkdownKit_ReadsHeadingsAndBoldLabels()
    {
        var doc = Parse(MarkdownKit, "kit.md");

        Assert.Equal("Peer Support Specialist Interview Kit", doc.Title);
        Assert.Equal("markdown-labelled", doc.Format);
        Assert.Equal(3, doc.Questions.Count);

        var crisis = doc.Questions[0];
        Assert.Equal("How do you respond when a peer tells you they are thinking about suicide?", crisis.Text);
        Assert.Equal("Crisis and safety", crisis.Section);
        Assert.Equal("Checks that the candidate follows safety protocol while staying person-centred.", crisis.Purpose);
        Assert.Contains("asks directly about safety", crisis.Guidance, StringComparison.Ordinal);
        Assert.Equal(["promises to keep it secret", "lectures the peer"], crisis.RedFlags.Select(f => f.Text));
        Assert.Equal("D5", crisis.Competency);
        Assert.Equal("explicit Competency: line", crisis.CompetencyReason);

        var disclosure = doc.Questions[1];
        Assert.Contains("- shares with the peer's goal in mind", disclosure.Guidance, StringComparison.Ordinal);
        Assert.Empty(disclosure.GuidanceTips);
        Assert.Equal(RedFlagSeverity.KnockOut, disclosure.RedFlags[0].Severity);
        Assert.Equal("overshares graphic details", disclosure.RedFlags[0].Text);
        Assert.Equal(RedFlagSeverity.Concern, disclosure.RedFlags[1].Severity);

        var team = doc.Questions[2];
        Assert.Equal("Tell me about a time you worked with a team to support a peer's goals.", team.Text);
        Assert.Equal(QuestionType.Behavioural, team.Type);
        Assert.Equal("I joined the care-planning meeting with the peer and made sure their own words went into the plan.", team.SampleAnswer);
        Assert.Equal("D6", team.Competency);
        Assert.Empty(doc.GlobalRedFlags);
    }

    [Fact]
    public void MarkdownKit_ExplicitCompetencyLineBeatsKeywords()
    {
        var disclosure = Parse(MarkdownKit).Questions[1];

        // "own recovery story" and "self-disclosure" point at D2, but the kit says D7.
        Assert.Equal("D7", disclosure.Competency);
        Assert.Equal("explicit Competency: line", disclosure.CompetencyReason);
        Assert.Equal("D2", CompetencyTagger.Tag(disclosure.Text, null, disclosure.Purpose, null, CompetencyTagger.Defaults).Code);
    }

    [Fact]
    public void HowToAnswerHeading_FollowedByParagraphs_AndSeveralNumberedExampleAnswers()
    {
        var doc = Parse("""
            Situational questions

            What would you do if a peer arrived at a group session intoxicated?

            How to Answer

            Show that you put safety first and keep the peer's dignity.

            Mention your organisation's policy.

            Example Answers

            1

            I would quietly ask them to step outside with me and check they are safe.

            2

            I would follow our policy, arrange for them to get home safely and check in the next day.
            """);

        var q = Assert.Single(doc.Questions);
        Assert.Equal(QuestionType.Situational, q.Type);
        Assert.Equal("Show that you put safety first and keep the peer's dignity.\n\nMention your organisation's policy.", q.Guidance);
        Assert.Empty(q.GuidanceTips);
        Assert.Equal(
            "I would quietly ask them to step outside with me and check they are safe.\n\n---\n\nI would follow our policy, arrange for them to get home safely and check in the next day.",
            q.SampleAnswer);
    }

    [Fact]
    public void RedFlagsListAfterTheQuestions_IsGlobalWhenItIsAHeadingAboveTheQuestionBlocks()
    {
        var doc = Parse("""
            ## Questions

            ### How do you handle a disagreement with a colleague?

            **Sample answer:** I talk to them privately and look for common ground.

            ## Red flags

            - Speaks badly about former colleagues
            - Cannot describe any boundary (knock-out)
            """);

        Assert.Single(doc.Questions);
        Assert.Empty(doc.Questions[0].RedFlags);
        Assert.Equal(2, doc.GlobalRedFlags.Count);
        Assert.Equal(RedFlagSeverity.KnockOut, doc.GlobalRedFlags[1].Severity);
    }

    [Fact]
    public void OverlongQuestionsAndRedFlags_AreWarnedAbout_BecauseTheyWillBeCutToTheColumnLength()
    {
        var longFlag = string.Join(" ", Enumerable.Repeat("dismisses", 60));
        var longQuestion = "How do you " + string.Join(" ", Enumerable.Repeat("support", 150)) + "?";
        var doc = Parse($"""
            1. How do you handle a disagreement with a colleague?
            Sample answer: I talk to them privately and look for common ground.
            2. {longQuestion}
            Sample answer: I listen first.
            Red flags: {longFlag}

            Red flags
            - {longFlag}
            """);

        Assert.True(longFlag.Length > TextLimits.RedFlagText && longQuestion.Length > TextLimits.QuestionText);
        Assert.True(doc.Questions.Count == 2 && doc.Questions[1].RedFlags.Count == 1 && doc.GlobalRedFlags.Count == 1, string.Join("\n", doc.Warnings) + $"\n{doc.Questions.Count} {doc.GlobalRedFlags.Count}");
        Assert.Contains(doc.Warnings, w => w.StartsWith("Line 3: the question is longer than 1,000 characters", StringComparison.Ordinal));
        Assert.Contains(doc.Warnings, w => w.StartsWith("Line 3: a red flag of", StringComparison.Ordinal) && w.Contains("longer than 500 characters", StringComparison.Ordinal));
        Assert.Contains("1 red flag(s) for the whole document are longer than 500 characters and will be cut to that length.", doc.Warnings);
        Assert.DoesNotContain(doc.Warnings, w => w.Contains("disagreement", StringComparison.Ordinal) && w.Contains("longer", StringComparison.Ordinal));
    }

    [Fact]
    public void PlainListOfQuestions_IsImportedWithoutGuidance_AndWarned()
    {
        var doc = Parse("""
            Questions for the second interview

            How do you look after yourself after a hard shift?
            What does recovery mean to you?
            How would you explain peer support to a new client?
            """);

        Assert.Equal(3, doc.Questions.Count);
        Assert.Equal(3, doc.Warnings.Count(w => w.Contains("no guidance or sample answer", StringComparison.Ordinal)));
        Assert.Equal("Questions for the second interview", doc.Questions[0].Section);
    }

    [Fact]
    public void SoftWrappedMarkdownParagraphs_AreJoinedWithSpaces()
    {
        var doc = Parse("""
            ### How do you build rapport with a peer who does not want to talk?

            **Purpose:** Engagement with people who are
            wary of services and have been let down.
            """);

        Assert.Equal("Engagement with people who are wary of services and have been let down.", doc.Questions[0].Purpose);
    }

    [Fact]
    public void CompetencyListPassedIn_IsUsedForTagging()
    {
        IReadOnlyList<CompetencyRef> custom = [new("GEN", "General"), new("SAFE", "Safety planning")];
        var doc = new QuestionDocumentImporter().Parse(Encoding.UTF8.GetBytes(MarkdownKit), "kit.md", custom);

        // "D5" is not in this list, so the explicit line cannot be honoured; the purpose mentions safety.
        Assert.Equal("SAFE", doc.Questions[0].Competency);
        Assert.Equal("keyword \"safety\" in purpose", doc.Questions[0].CompetencyReason);
        Assert.Equal("GEN", doc.Questions[1].Competency);
        Assert.Equal(CompetencyTagger.DefaultReason, doc.Questions[1].CompetencyReason);
    }

    [Fact]
    public void QuestionAndAnswerPrefixes_AreRead()
    {
        var doc = Parse("""
            Q: Tell me about a time you supported someone through a setback.
            A: A peer I worked with lost their housing. We broke the problem into small steps.
            Follow-up: What would you do differently?

            Q: How do you stay well yourself?
            A: Supervision and long walks.
            """);

        Assert.Equal(2, doc.Questions.Count);
        Assert.Equal("Tell me about a time you supported someone through a setback.", doc.Questions[0].Text);
        Assert.Equal(QuestionType.Behavioural, doc.Questions[0].Type);
        Assert.Equal("A peer I worked with lost their housing. We broke the problem into small steps.", doc.Questions[0].SampleAnswer);
        Assert.Equal("**Follow-up:** What would you do differently?", doc.Questions[0].Guidance);
        Assert.Equal("Supervision and long walks.", doc.Questions[1].SampleAnswer);
    }

    [Fact]
    public void IntroductionThenNumberedQuestions_IntroductionIsNotImported()
    {
        var doc = Parse("""
            Introduction

            This kit helps hiring managers interview peer specialists. Use it with the scoring guide.

            1. How do you explain your role to a new peer?

            Look for: plain language, mutuality, hope.

            2. Describe how you would end a session with a peer who is upset.

            Look for: safety check, agreed next contact.
            """);

        Assert.Equal(2, doc.Questions.Count);
        Assert.Equal("**Look for:** plain language, mutuality, hope.", doc.Questions[0].Guidance);
        Assert.DoesNotContain(doc.Questions, q => (q.Purpose ?? string.Empty).Contains("hiring managers", StringComparison.Ordinal));
    }

    [Fact]
    public void NumberedWhatNotToSayList_DoesNotSwallowTheNextNumberedQuestion()
    {
        var doc = Parse("""
            1. Describe how you prepare for a first meeting with a peer.

            What not to say
            1. I don't prepare, I just wing it

            2. Explain how you would respond to a peer who misses three appointments.

            How to answer
            1. Reach out without blame
            2. Ask what got in the way
            3. Adjust the plan together
            """);

        Assert.Equal(2, doc.Questions.Count);
        Assert.Equal("I don't prepare, I just wing it", Assert.Single(doc.Questions[0].RedFlags).Text);
        Assert.Equal(["Reach out without blame", "Ask what got in the way", "Adjust the plan together"], doc.Questions[1].GuidanceTips);
        Assert.Equal("1. Reach out without blame\n2. Ask what got in the way\n3. Adjust the plan together", doc.Questions[1].Guidance);
    }

    [Fact]
    public void PlainRedFlagsHeadingAfterTheLastAnswer_IsGlobalWhenNoQuestionHadFlags()
    {
        var doc = Parse("""
            - How do you handle a peer who is angry with you?

              Sample answer: I stay calm and listen first.

            - What does mutuality mean to you?

              Sample answer: We learn from each other.

            Red Flags
            - Talks down to peers
            - No self-care plan
            """);

        Assert.Equal(2, doc.Questions.Count);
        Assert.Empty(doc.Questions[1].RedFlags);
        Assert.Equal(["Talks down to peers", "No self-care plan"], doc.GlobalRedFlags.Select(f => f.Text));
    }

    [Fact]
    public void PromptsUnderAQuestionsHeading_AreQuestionsEvenWithoutQuestionMarks()
    {
        var doc = Parse("""
            Behavioural questions

            Tell me about a time you had to set a boundary with someone you supported.
            Describe a time you used your lived experience to help someone.

            Situational questions

            What would you do if a peer asked to borrow money?
            """);

        Assert.Equal(3, doc.Questions.Count);
        Assert.Equal(QuestionType.Behavioural, doc.Questions[0].Type);
        Assert.Equal(QuestionType.Behavioural, doc.Questions[1].Type);
        Assert.Equal(QuestionType.Situational, doc.Questions[2].Type);
        Assert.Equal("D7", doc.Questions[0].Competency);
        Assert.Equal("D2", doc.Questions[1].Competency);
    }

    [Fact]
    public void QuestionNumberHeadings_AnnounceTheQuestionBelow()
    {
        var doc = Parse("""
            # Kit

            ## Question 1

            How do you keep a peer's information confidential?

            **Purpose:** Confidentiality.

            ## Question 2

            How do you look after your own wellbeing?

            **Purpose:** Self-care.
            """);

        Assert.Equal(["How do you keep a peer's information confidential?", "How do you look after your own wellbeing?"], doc.Questions.Select(q => q.Text));
        Assert.All(doc.Questions, q => Assert.Null(q.Section));
    }
}
