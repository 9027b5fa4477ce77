using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Seeding;

/// <summary>
/// The default framework: seven dimensions mapped onto SAMHSA's Core Competencies for Peer Workers, each with
/// behavioural anchors for a 1, a 3 and a 5: what an interviewer can hear in an answer, never anything about the
/// candidate's own health or history. Questions without anchors of their own are rated against these.
/// </summary>
public static class DefaultCompetencies
{
    public static IReadOnlyList<Competency> Create() =>
    [
        New(1, "D1", "Engagement & support", "SAMHSA 1–2: engages peers in collaborative, caring relationships; provides support.", false,
            "Talks about the person rather than with them: advises or instructs before listening, pushes for disclosure or gives up when the person holds back, and gives no example of staying engaged.",
            "Listens first and reflects back what the person said, shows warmth without judging, lets the person set the pace, and names at least one concrete thing they did to keep the relationship going.",
            "Gives a specific example of a relationship built over time: listened and reflected feelings, followed through on small promises, respected the person's pace and choices, and can say what changed as trust grew."),
        New(2, "D2", "Purposeful use of lived experience", "SAMHSA 3: shares lived experiences of recovery with purpose.", false,
            "Tells their own story at length or as the path to follow, turns the conversation to themselves, or cannot say why or when they would share.",
            "Shares briefly and only when it is relevant to the person, gives a reason for sharing (hope, connection) and turns the focus back to the person.",
            "Explains how they decide whether, when and how much to share by the person's needs; keeps it short and hopeful, checks how it landed, hands the focus back, and names what they keep private or take to supervision."),
        New(3, "D3", "Person-centred recovery planning", "SAMHSA 4–5: personalises peer support; supports recovery planning.", false,
            "Sets the goals for the person, uses one plan for everyone, or treats a setback as failure or non-compliance.",
            "Asks what the person wants, helps break it into small achievable steps, and checks in and adjusts the plan together.",
            "Gives an example where the person's own words, strengths and choices shaped the plan: small measurable steps, progress reviewed together, the plan changed after a setback without blame, and the person leading."),
        New(4, "D4", "Resources, wellness & recovery skills", "SAMHSA 6–7: links to resources, services and supports; provides information about skills related to health, wellness and recovery.", false,
            "Hands over a list or a phone number and stops there, suggests resources they do not know, or names no way of staying effective under the demands of the work.",
            "Matches a resource or skill to what the person said they need, explains it plainly and checks the person can use it; names realistic work habits (supervision, debriefing, limits) that keep them steady.",
            "Describes finding out what the person needs, checking a resource fits (eligibility, access, cost), offering a warm hand-off, following up on whether it helped and teaching the skill so the person can do it next time; models wellness habits at work without making it about themselves."),
        New(5, "D5", "Crisis & safety", "SAMHSA 8: helps peers manage crises.", true,
            "Acts alone, promises to keep a risk secret, argues, threatens or lectures, ignores the organisation's protocol or the person's safety plan, or leaves the person alone while at risk.",
            "Stays calm, asks directly about safety, follows the organisation's protocol, tells the supervisor or crisis team, and stays with the person until help is in place.",
            "Stays with the person and keeps them safe, asks directly and without judgement, works from the person's safety plan, brings in the right help (supervisor, crisis line, emergency services) while telling the person honestly what will be shared, documents it and follows up afterwards."),
        New(6, "D6", "Communication & teamwork", "SAMHSA 9–10: values communication; supports collaboration and teamwork.", false,
            "Interrupts, argues or takes sides; works around the team or keeps information to themselves; describes every conflict as someone else's fault.",
            "Listens and reflects back, states their own view respectfully, shares what the team needs through the right channels, and looks for common ground.",
            "Gives a specific example of using open questions and reflection to understand each side, bringing the person's voice into a team decision, sharing information only with consent, agreeing a concrete next step and checking back afterwards."),
        New(7, "D7", "Ethics, boundaries, advocacy & growth", "SAMHSA 11–12: promotes leadership and advocacy; promotes growth and development.", true,
            "Crosses or cannot name a boundary (personal number, social media, money, friendship), would share a person's information without consent or stay silent about a colleague's misconduct, or gets defensive about feedback.",
            "Names clear boundaries and the limits of confidentiality, follows the code of ethics, takes dilemmas and feedback to supervision, and speaks up for a person's rights through the proper channels.",
            "Gives a specific example of holding a boundary kindly and explaining it, working through a dilemma with the code of ethics and a supervisor, advocating with the person's consent so their own voice is heard, and changing their practice after feedback or training."),
    ];

    private static Competency New(int order, string code, string name, string description, bool hurdle, string poor, string meets, string excellent) => new()
    {
        Code = code,
        Name = name,
        Description = description,
        IsHurdle = hurdle,
        SortOrder = order,
        AnchorPoor = poor,
        AnchorMeets = meets,
        AnchorExcellent = excellent,
    };
}
