namespace PeerInterview.Web.Infrastructure.Pdf;

/// <summary>The three faces the PDF writer uses: Helvetica, Helvetica-Bold and Helvetica-Oblique.</summary>
public enum PdfFontStyle
{
    Regular,
    Bold,
    Italic,
}
