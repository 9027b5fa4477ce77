using System.Diagnostics;
using System.Text;
using PeerInterview.Web.Import;
using Xunit.Abstractions;

namespace PeerInterview.Tests.Import;

public class PerformanceTests(ITestOutputHelper output)
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
    public void TwoThousandQuestionDocument_ParsesWellUnder300Milliseconds()
    {
        var bytes = GeneratedDocument(2000);
        Assert.InRange(bytes.Length, 450_000, QuestionDocumentImporter.MaxBytes);
        var importer = new QuestionDocumentImporter();
        importer.Parse(GeneratedDocument(5), "warm-up.txt");

        var watch = Stopwatch.StartNew();
        var doc = importer.Parse(bytes, "big.txt");
        watch.Stop();
        output.WriteLine($"{bytes.Length} bytes, {doc.Questions.Count} questions in {watch.ElapsedMilliseconds} ms");

        Assert.Equal(2000, doc.Questions.Count);
        Assert.All(doc.Questions, q => Assert.NotNull(q.SampleAnswer));
        Assert.True(watch.ElapsedMilliseconds < 300, $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void PathologicalLines_DoNotBlowUp()
    {
        var text = new StringBuilder();
        text.Append("How do you build trust?\n\n");
        text.Append(new string('a', 200_000)).Append('\n');
        text.Append(string.Concat(Enumerable.Repeat("1.", 50_000))).Append('\n');
        text.Append(string.Concat(Enumerable.Repeat("WORD ", 40_000))).Append('\n');
        text.Append(string.Concat(Enumerable.Repeat("- ", 50_000))).Append('\n');
        text.Append("Example: ").Append(string.Concat(Enumerable.Repeat("“", 10_000))).Append('\n');

        var watch = Stopwatch.StartNew();
        var doc = new QuestionDocumentImporter().Parse(Encoding.UTF8.GetBytes(text.ToString()), "odd.txt");
        watch.Stop();

        Assert.NotEmpty(doc.Questions);
        Assert.True(watch.ElapsedMilliseconds < 1000, $"took {watch.ElapsedMilliseconds} ms");
    }
}
