using System.Globalization;
using PeerInterview.Web.Domain;
using PeerInterview.Web.Infrastructure;
using PeerInterview.Web.Documents;
using PeerInterview.Web.Questions;

namespace PeerInterview.Web.Kits;

/// <summary>The printable interview guide: every question in order with its anchors, red flags and room for notes.</summary>
public static class InterviewGuidePdf
{
    public const string KnockOutMarker = "KNOCK-OUT";

    private static readonly string[] Instructions =
    [
        "Ask every question as written and in the order shown.",
        "Rate each question from 1 to 5 against its anchors, or tick “not observed” if the answer gave you nothing to rate.",
        "Write down the evidence – what the candidate said or did – not just your impression.",
        "Do not discuss the candidate with the rest of the panel until you have submitted your scorecard.",
    ];

    private static readonly string[] RatingOptions = ["1", "2", "3", "4", "5", "not observed"];

    /// <param name="createdAt">The PDF's creation date; fixed in tests so the bytes are repeatable.</param>
    public static byte[] Render(InterviewGuide guide, DateTimeOffset? createdAt = null)
    {
        ArgumentNullException.ThrowIfNull(guide);
        var pdf = new PdfDocumentBuilder($"Interview guide – {guide.KitName} (version {guide.VersionNumber})", "PeerInterview", createdAt);

        pdf.Heading(guide.KitName, level: 1);
        pdf.KeyValue("Role", guide.Role);
        pdf.KeyValue("Version", $"{guide.VersionNumber} ({EnumText.Words(guide.Status)})");
        pdf.KeyValue("Published", guide.PublishedAt?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) ?? "Not published");
        pdf.KeyValue("Total time", Minutes(guide.TotalMinutes));
        pdf.Heading("Before you start", level: 3);
        pdf.Bullets(Instructions);

        foreach (var section in guide.Sections)
        {
            for (var i = 0; i < section.Items.Count; i++)
            {
                var item = section.Items[i];
                var first = i == 0;

                // A section heading travels with its first question.
                pdf.KeepTogether(() =>
                {
                    if (first)
                    {
                        pdf.Heading(section.Name, level: 2);
                    }

                    Item(pdf, item);
                });
            }
        }

        if (guide.GlobalRedFlags.Count > 0)
        {
            pdf.KeepTogether(() =>
            {
                pdf.Heading("Red flags for the whole interview", level: 2);
                pdf.Bullets(guide.GlobalRedFlags);
            });
        }

        return pdf.ToBytes();
    }

    private static void Item(PdfDocumentBuilder pdf, InterviewGuide.Item item)
    {
        pdf.Rule();
        pdf.ListItem($"{item.Number}.", item.Question, size: 11.5f, style: PdfFontStyle.Bold);
        pdf.Paragraph($"{item.CompetencyCode} · {item.CompetencyName} · {Minutes(item.Minutes)}", size: 9f, style: PdfFontStyle.Italic, gray: 0.35f, indent: 20f);

        if (!string.IsNullOrWhiteSpace(item.Purpose))
        {
            pdf.KeyValue("Why it is asked", item.Purpose, size: 9.5f);
        }

        if (item.ListenFor.Count > 0)
        {
            pdf.Paragraph("Listen for", size: 9.5f, style: PdfFontStyle.Bold);
            foreach (var point in item.ListenFor)
            {
                pdf.ListItem("•", point, size: 9.5f);
            }

            pdf.Space(3f);
        }

        var guidance = MarkdownPlainText.ToBlocks(item.Guidance);
        if (guidance.Count > 0)
        {
            pdf.Paragraph(GuidanceHeading(item), size: 9.5f, style: PdfFontStyle.Bold);
            foreach (var block in guidance)
            {
                if (block.Marker is null)
                {
                    pdf.Paragraph(block.Text, size: 9.5f, style: block.IsHeading ? PdfFontStyle.Bold : PdfFontStyle.Regular);
                }
                else
                {
                    pdf.ListItem(block.Marker, block.Text, block.Level, size: 9.5f);
                }
            }

            pdf.Space(3f);
        }

        pdf.Paragraph(AnchorLayers.Describe(item.AnchorSource, item.CompetencyCode), size: 8.5f, style: PdfFontStyle.Italic, gray: 0.35f);
        var a = item.Anchors;
        pdf.Table(
            ["1 – Poor", "3 – Meets the new-hire standard", "5 – Excellent"],
            [[Anchor(a.Poor, a.PoorSource, a.Source), Anchor(a.Meets, a.MeetsSource, a.Source), Anchor(a.Excellent, a.ExcellentSource, a.Source)]],
            [1f, 1f, 1f]);

        if (item.RedFlags.Count > 0)
        {
            pdf.Paragraph("Red flags", size: 9.5f, style: PdfFontStyle.Bold);
            foreach (var flag in item.RedFlags)
            {
                if (flag.Severity == RedFlagSeverity.KnockOut)
                {
                    pdf.ListItem("•", $"{KnockOutMarker}: {flag.Text}", size: 9.5f, style: PdfFontStyle.Bold);
                }
                else
                {
                    pdf.ListItem("•", flag.Text, size: 9.5f);
                }
            }

            pdf.Space(4f);
        }

        pdf.Checkboxes("Rating:", RatingOptions);
        pdf.Box(96f, "Evidence – what the candidate said or did");
    }

    /// <summary>A level filled from a lower layer than the item's own is marked, so nobody mistakes it for the question's.</summary>
    private static string Anchor(string text, AnchorSource level, AnchorSource item) =>
        level == item ? text : level == AnchorSource.Generic ? $"(generic) {text}" : $"(competency) {text}";

    /// <summary>The source's "how to answer" text was written to candidates; the guide says so.</summary>
    public static string GuidanceHeading(InterviewGuide.Item item) =>
        item.GuidanceIsSourceAdvice ? "What a strong answer covers (from the source's advice to candidates)" : "Guidance";

    private static string Minutes(int minutes) => minutes == 1 ? "1 minute" : $"{minutes} minutes";
}
