using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Seeding;

/// <summary>The default framework: seven dimensions mapped onto SAMHSA's Core Competencies for Peer Workers.</summary>
public static class DefaultCompetencies
{
    public static IReadOnlyList<Competency> Create() =>
    [
        New(1, "D1", "Engagement & support", "SAMHSA 1–2: engages peers in collaborative, caring relationships; provides support.", false),
        New(2, "D2", "Purposeful use of lived experience", "SAMHSA 3: shares lived experiences of recovery with purpose.", false),
        New(3, "D3", "Person-centred recovery planning", "SAMHSA 4–5: personalises peer support; supports recovery planning.", false),
        New(4, "D4", "Resources, wellness & recovery skills", "SAMHSA 6–7: links to resources, services and supports; provides information about skills related to health, wellness and recovery.", false),
        New(5, "D5", "Crisis & safety", "SAMHSA 8: helps peers manage crises.", true),
        New(6, "D6", "Communication & teamwork", "SAMHSA 9–10: values communication; supports collaboration and teamwork.", false),
        New(7, "D7", "Ethics, boundaries, advocacy & growth", "SAMHSA 11–12: promotes leadership and advocacy; promotes growth and development.", true),
    ];

    private static Competency New(int order, string code, string name, string description, bool hurdle) => new()
    {
        Code = code,
        Name = name,
        Description = description,
        IsHurdle = hurdle,
        SortOrder = order,
    };
}
