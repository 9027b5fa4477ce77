using FsCheck;
using FsCheck.Fluent;
using PeerInterview.Web.Import;

namespace PeerInterview.Tests.Properties;

/// <summary>The importer (plain C#) under hostile documents: a parse with questions, or a rejection with a clear reason — never anything else.</summary>
public class ImporterProperties
{
    private static readonly QuestionDocumentImporter Importer = new();

    [Fact]
    public void AnyDocument_ParsesOrIsRejectedWithAReason_NeverThrowsAnythingElse()
    {
        var property = Prop.ForAll(HostileDocuments.Any(), document =>
        {
            try
            {
                var parsed = Importer.Parse(document.Content, "hostile.txt");
                Assert.NotEmpty(parsed.Questions);
                Assert.All(parsed.Questions, q =>
                {
                    Assert.False(string.IsNullOrWhiteSpace(q.Text));
                    Assert.False(string.IsNullOrWhiteSpace(q.Competency));
                });
                Assert.Equal(64, parsed.Sha256.Length);
            }
            catch (ImportRejectedException rejected)
            {
                Assert.True(Enum.IsDefined(rejected.Reason));
                Assert.False(string.IsNullOrWhiteSpace(rejected.Message));
            }
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(250), property);
    }
}
