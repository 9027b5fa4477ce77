using System.Text;
using PeerInterview.Web.Import;

namespace PeerInterview.Tests.Import;

/// <summary>
/// Large and hostile documents are recognised completely. How fast is measured by the benchmarks in bench/
/// (docs/PERFORMANCE.md), not here: timed tests fail on busy machines and prove nothing.
/// </summary>
public class ScaleTests
{
    private static byte[] GeneratedDocument(int questions)
    {
        var sb = new StringBuilder("Generated Interview Questions\n\n");
        for (var i = 1; i <= questions; i++)
        {
            sb.Append(i).Append(". How would you support a peer who is facing challenge number ").Append(i).Append(" at work?\n\n")
              .Append("Purpose: To see how the candidate balances empathy with practical help.\n\n")
              .Append("How to Answer: Describe listening first, then agreeing next steps together.\n\n")
              .Append("Example: “I would ask what they need, share what helped me, and agree a small next step.”\n\n");
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    [Fact]
    public void TwoThousandQuestionDocument_IsRecognisedCompletely()
    {
        var bytes = GeneratedDocument(2000);
        Assert.InRange(bytes.Length, 450_000, QuestionDocumentImporter.MaxBytes);

        var doc = new QuestionDocumentImporter().Parse(bytes, "big.txt");

        Assert.Equal(2000, doc.Questions.Count);
        Assert.All(doc.Questions, q => Assert.NotNull(q.SampleAnswer));
        Assert.Equal("How would you support a peer who is facing challenge number 2000 at work?", doc.Questions[^1].Text);
    }

    [Fact]
    public void PathologicalLines_StillParse()
    {
        var text = new StringBuilder();
        text.Append("How do you build trust?\n\n");
        text.Append(new string('a', 200_000)).Append('\n');
        text.Append(string.Concat(Enumerable.Repeat("1.", 50_000))).Append('\n');
        text.Append(string.Concat(Enumerable.Repeat("WORD ", 40_000))).Append('\n');
        text.Append(string.Concat(Enumerable.Repeat("- ", 50_000))).Append('\n');
        text.Append("Example: ").Append(string.Concat(Enumerable.Repeat("“", 10_000))).Append('\n');
        text.Append("🚨\n>\n#\n•\n1.\n(\n**\n:\n");

        var doc = new QuestionDocumentImporter().Parse(Encoding.UTF8.GetBytes(text.ToString()), "odd.txt");

        Assert.Equal("How do you build trust?", doc.Questions[0].Text);
    }
}
