using Microsoft.AspNetCore.Razor.TagHelpers;

namespace PeerInterview.Web.Infrastructure;

/// <summary>
/// The built-in validation summary writes a placeholder <c>&lt;li style="display:none"&gt;</c> for client-side validation,
/// which the Content-Security-Policy (no inline styles) blocks and reports. This runs after it and uses the
/// <c>hidden</c> attribute instead, which means the same without a style.
/// </summary>
[HtmlTargetElement("div", Attributes = "asp-validation-summary")]
public sealed class ValidationSummaryWithoutInlineStyle : TagHelper
{
    private const string Placeholder = "<li style=\"display:none\"></li>";

    /// <summary>After the framework's ValidationSummaryTagHelper (order -1000).</summary>
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var content = output.PostContent.GetContent();
        if (content.Contains(Placeholder, StringComparison.Ordinal))
        {
            output.PostContent.SetHtmlContent(content.Replace(Placeholder, "<li hidden></li>", StringComparison.Ordinal));
        }
    }
}
