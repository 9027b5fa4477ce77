namespace PeerInterview.Web.Kits;

/// <summary>The printable interview guide as a PDF (placeholder until the PDF writer lands).</summary>
public static class InterviewGuidePdf
{
    public static byte[] Render(InterviewGuide guide)
    {
        ArgumentNullException.ThrowIfNull(guide);
        return System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n");
    }
}
