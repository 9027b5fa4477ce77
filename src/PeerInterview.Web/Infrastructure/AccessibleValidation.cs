using System.Net;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace PeerInterview.Web.Infrastructure;

/// <summary>
/// Form errors people can find and act on (WCAG 3.3.1, 1.3.1): every invalid field gets <c>aria-invalid</c> and is
/// described by its own message, and the validation summary at the top of the form lists every error (not only the
/// model-level ones) as links to the fields, under a heading, focusable so site.js can move focus to it on load.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class AccessibleFieldTagHelper : TagHelper
{
    [HtmlAttributeNotBound, ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    [HtmlAttributeName("asp-for")]
    public Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression For { get; set; } = null!;

    /// <summary>After the framework's own tag helpers, which write the id.</summary>
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        if (!ViewContext.ModelState.TryGetValue(name, out var entry) || entry.Errors.Count == 0)
        {
            return;
        }

        var id = output.Attributes["id"]?.Value?.ToString() ?? TagBuilder.CreateSanitizedId(name, "_");
        output.Attributes.SetAttribute("aria-invalid", "true");
        var describedBy = output.Attributes["aria-describedby"]?.Value?.ToString();
        output.Attributes.SetAttribute("aria-describedby", string.IsNullOrEmpty(describedBy) ? $"{id}-error" : $"{describedBy} {id}-error");
    }
}

/// <summary>Gives a field's validation message the id its field points at.</summary>
[HtmlTargetElement("span", Attributes = "asp-validation-for")]
public sealed class AccessibleFieldErrorTagHelper : TagHelper
{
    [HtmlAttributeName("asp-validation-for")]
    public Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression For { get; set; } = null!;

    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output) =>
        output.Attributes.SetAttribute("id", TagBuilder.CreateSanitizedId(For.Name, "_") + "-error");
}

/// <summary>The error summary: a heading and one link per error, to the field it is about.</summary>
[HtmlTargetElement("div", Attributes = "asp-validation-summary")]
public sealed class ErrorSummaryTagHelper : TagHelper
{
    [HtmlAttributeNotBound, ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>After <see cref="ValidationSummaryWithoutInlineStyle"/>.</summary>
    public override int Order => 1100;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var state = ViewContext.ModelState;
        if (state.IsValid)
        {
            return;
        }

        var items = new System.Text.StringBuilder();
        foreach (var (key, entry) in state)
        {
            foreach (var error in entry.Errors)
            {
                var message = WebUtility.HtmlEncode(error.ErrorMessage);
                items.Append(key.Length == 0
                    ? $"<li>{message}</li>"
                    : $"<li><a href=\"#{WebUtility.HtmlEncode(TagBuilder.CreateSanitizedId(key, "_"))}\">{message}</a></li>");
            }
        }

        // The framework's helper drops the whole element when a ModelOnly summary has no model-level error.
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "errors validation-summary-errors");
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Attributes.SetAttribute("data-error-summary", "");
        output.Attributes.SetAttribute("aria-labelledby", "error-summary-heading");
        output.Content.SetHtmlContent($"<h2 id=\"error-summary-heading\" class=\"error-summary-heading\">There is a problem</h2><ul>{items}</ul>");
        output.PostContent.Clear();
        output.PreContent.Clear();
    }
}
