using PeerInterview.Web.Infrastructure;

namespace PeerInterview.Tests.Infrastructure;

public class MarkdownPlainTextTests
{
    [Fact]
    public void Markdown_IsFlattenedToParagraphsAndListItems()
    {
        var blocks = MarkdownPlainText.ToBlocks("## Probe\nListen for **ownership** and `tools`.\n\n- one\n  - nested\n- two\n\n3. third\n4. fourth\n\n<b>raw</b> [link](https://example.com)");

        Assert.Equal(
            [
                new("Probe", null, 0, IsHeading: true),
                new("Listen for ownership and tools.", null, 0),
                new("one", "•", 0),
                new("nested", "•", 1),
                new("two", "•", 0),
                new("third", "3.", 0),
                new("fourth", "4.", 0),
                new MarkdownPlainText.Block("<b>raw</b> link", null, 0),
            ],
            blocks);
    }

    [Fact]
    public void EmptyMarkdown_HasNoBlocks()
    {
        Assert.Empty(MarkdownPlainText.ToBlocks(null));
        Assert.Empty(MarkdownPlainText.ToBlocks("  \n "));
    }
}
