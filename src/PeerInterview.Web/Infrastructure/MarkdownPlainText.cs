using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PeerInterview.Web.Infrastructure;

/// <summary>Markdown flattened to plain paragraphs and list items, for output that cannot render HTML (PDF, CSV).</summary>
public static class MarkdownPlainText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UseListExtras()
        .Build();

    /// <param name="Marker">"•" or "1." for a list item; null for a paragraph.</param>
    /// <param name="Level">Nesting depth of a list item, 0 for a top-level list.</param>
    /// <param name="IsHeading">The text was a Markdown heading.</param>
    public sealed record Block(string Text, string? Marker, int Level, bool IsHeading = false);

    public static IReadOnlyList<Block> ToBlocks(string? markdown)
    {
        var blocks = new List<Block>();
        if (!string.IsNullOrWhiteSpace(markdown))
        {
            Collect(Markdown.Parse(markdown, Pipeline), blocks, marker: null, level: -1);
        }

        return blocks;
    }

    private static void Collect(ContainerBlock container, List<Block> blocks, string? marker, int level)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case ListBlock list:
                    var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        Collect(item, blocks, list.IsOrdered ? $"{number++}." : "•", level + 1);
                    }

                    break;
                case ContainerBlock nested:
                    Collect(nested, blocks, marker, level);
                    break;
                case LeafBlock leaf when leaf is not ThematicBreakBlock:
                    var text = leaf.Inline is { } inline ? InlineText(inline) : leaf.Lines.ToString();
                    text = text.Trim();
                    if (text.Length > 0)
                    {
                        // Only the first paragraph of a list item gets the marker; later ones continue it.
                        blocks.Add(new Block(text, marker, Math.Max(level, 0), leaf is HeadingBlock));
                        marker = marker is null ? null : "";
                    }

                    break;
            }
        }
    }

    private static string InlineText(ContainerInline container)
    {
        var sb = new StringBuilder();
        foreach (var inline in container)
        {
            sb.Append(inline switch
            {
                LiteralInline literal => literal.Content.ToString(),
                CodeInline code => code.Content,
                LineBreakInline lineBreak => lineBreak.IsHard ? "\n" : " ",
                AutolinkInline autolink => autolink.Url,
                HtmlEntityInline entity => entity.Transcoded.ToString(),
                HtmlInline html => html.Tag,
                LinkInline { IsImage: true } image => InlineText(image),
                ContainerInline nested => InlineText(nested),
                _ => "",
            });
        }

        return sb.ToString();
    }
}
