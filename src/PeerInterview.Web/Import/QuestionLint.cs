using System.Text.RegularExpressions;

namespace PeerInterview.Web.Import;

/// <summary>
/// Flags questions that ask the candidate (you/your) about protected characteristics, which US EEOC rules forbid or
/// discourage before a job offer. Questions about a participant's or peer's situation are fine, and so is asking how a
/// candidate uses their lived experience in general; asking for diagnoses, medication, treatment or sobriety dates is not.
/// </summary>
public static partial class QuestionLint
{
    private const string PreOffer = "disability-related; EEOC pre-offer rules";

    private static readonly (Func<Regex> Pattern, string Category, string Reason)[] Rules =
    [
        (Disability, "disability", $"Asks the candidate whether they have a disability or impairment ({PreOffer})"),
        (Diagnosis, "diagnosis", $"Asks the candidate about their diagnosis or mental-health condition ({PreOffer})"),
        (Medication, "medication", $"Asks the candidate about their medication ({PreOffer})"),
        (Treatment, "treatment", $"Asks the candidate about their treatment or hospitalisation history ({PreOffer})"),
        (RecoveryHistory, "recovery history", $"Asks the candidate for specifics of their recovery or substance-use history ({PreOffer}); ask how they use lived experience instead"),
        (Health, "medical history", $"Asks the candidate about their health or medical history ({PreOffer})"),
        (Age, "age", "Asks the candidate's age or date of birth (Age Discrimination in Employment Act)"),
        (Religion, "religion", "Asks about the candidate's religion or place of worship (Title VII)"),
        (Pregnancy, "pregnancy", "Asks about pregnancy, children or family plans (Title VII; Pregnancy Discrimination Act)"),
        (MaritalStatus, "marital status", "Asks about the candidate's marital status or spouse (invites sex discrimination; not job-related)"),
        (NationalOrigin, "national origin", "Asks about the candidate's national origin, ancestry or citizenship (Title VII; ask only whether they are authorised to work)"),
        (Arrests, "arrest record", "Asks about arrests (EEOC guidance: an arrest is not proof of conduct; ask about job-related convictions only, and only where the law allows)"),
    ];

    public static IReadOnlyList<LintWarning> Check(string questionText)
    {
        if (string.IsNullOrWhiteSpace(questionText))
        {
            return [];
        }

        var text = questionText.Replace('’', '\'');
        List<LintWarning>? warnings = null;
        foreach (var (pattern, category, reason) in Rules)
        {
            if (pattern().IsMatch(text))
            {
                (warnings ??= []).Add(new LintWarning(category, reason));
            }
        }

        return warnings ?? (IReadOnlyList<LintWarning>)[];
    }

    [GeneratedRegex(
        @"\b(?:do|does) you (?:have|suffer from|live with) (?:a |any )?(?:disabilit|handicap|impairment|(?:mental|psychiatric|physical|learning) (?:health )?(?:illness|condition|disorder|impairment|disabilit)|mental illness)|\bare you (?:disabled|handicapped)\b|\byour (?:own )?(?:disabilit|handicap|impairment)",
        RegexOptions.IgnoreCase)]
    private static partial Regex Disability();

    [GeneratedRegex(
        @"\byour (?:own )?(?:diagnos|mental[- ]health (?:condition|illness|disorder|diagnosis|history|status)|mental (?:illness|condition|disorder)|psychiatric (?:condition|illness|history|diagnosis|disorder)|(?:medical )?condition\b|illness\b|disorder\b)|\b(?:have|were) you (?:ever )?(?:been )?diagnosed\b|\bwhat (?:mental[- ]health )?(?:conditions?|illness(?:es)?|disorders?|diagnos[ie]s) (?:do|did|have) you\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Diagnosis();

    [GeneratedRegex(
        @"\b(?:what|which|any) (?:medications?|meds|prescriptions?|prescription drugs) (?:do|are|did|have) you\b|\bare you (?:currently )?(?:taking|on) (?:any )?(?:medications?|meds|prescriptions?|psychiatric)|\bdo you (?:currently )?take (?:any )?(?:medications?|meds|prescriptions?|pills)|\byour (?:own )?(?:medications?|meds|prescriptions?)\b|\b(?:have|did) you (?:ever )?(?:taken|been on|stopped taking|take) (?:any )?(?:medications?|meds|psychiatric|antidepressants?|antipsychotics?)",
        RegexOptions.IgnoreCase)]
    private static partial Regex Medication();

    [GeneratedRegex(
        @"\b(?:have|were) you (?:ever )?(?:been )?(?:hospitali[sz]ed|institutionali[sz]ed|committed|sectioned|admitted to (?:a )?(?:hospital|psychiatric|mental|rehab|detox)|in (?:a )?(?:psychiatric|mental|rehab|detox|treatment|therapy)|to (?:rehab|detox|therapy|a psychiatrist))|\bhave you (?:ever )?(?:received|had|undergone|gone to|attended|completed|needed) (?:any )?(?:mental[- ]health )?(?:treatment|therapy|counsel+ing|rehab|detox|psychiatric|inpatient)|\bare you (?:currently )?(?:in|receiving|seeing|getting) (?:treatment|therapy|counsel+ing|a (?:therapist|psychiatrist|counsel+or))|\byour (?:own )?(?:treatment|therapy|hospitali[sz]ations?|hospital stays?|rehab|detox|psychiatric care|therapist|psychiatrist)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Treatment();

    [GeneratedRegex(
        @"\bhow long have you been (?:in recovery|sober|clean|abstinent|drug[- ]free|substance[- ]free|alcohol[- ]free|off (?:drugs|alcohol))|\byour (?:own )?(?:sobriety|clean|recovery) (?:date|time|anniversary)|\bhow long is your (?:sobriety|recovery)\b|\bwhen did you (?:get|become|go|get) (?:sober|clean)\b|\bwhen did you (?:last|first) (?:use|drink|relapse|get high)|\bhave you (?:ever )?(?:relapsed|used (?:drugs|heroin|opioids|meth|cocaine)|been addicted|had an addiction|been an addict|been an alcoholic|struggled with (?:addiction|substance|drugs|alcohol))|\bwhat (?:substances|drugs) (?:did|do|have) you (?:use|take|used|taken)\b|\byour (?:own )?(?:addiction|substance[- ]use|drug|drinking|alcohol) (?:history|problem|use|habit)|\bare you (?:currently )?(?:sober|clean|in recovery)\b|\b(?:do|did) you (?:drink|use drugs)\b|\byour (?:own )?(?:last )?relapses?\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex RecoveryHistory();

    [GeneratedRegex(
        @"\b(?:do you have|are there) any (?:health|medical) (?:conditions?|problems|issues)\b|\byour (?:own )?(?:medical|health) (?:history|conditions?|problems|issues|records)\b|\bhow many (?:sick days|days (?:did|have) you (?:miss|missed|take|taken) (?:due to|for|because of) (?:illness|sickness))|\bhave you (?:ever )?(?:filed|claimed|made) (?:a )?(?:for )?workers'? comp",
        RegexOptions.IgnoreCase)]
    private static partial Regex Health();

    [GeneratedRegex(
        @"\bhow old are you\b|\bwhat(?:'s| is) your (?:age|date of birth|birth ?date|birthday)\b|\byour (?:age|date of birth|birth ?date|year of birth)\b|\b(?:what year|when) were you born\b|\bwhen did you graduate (?:from )?high school\b|\bhow (?:close|near) are you to retire|\b(?:do you )?plan(?:ning)? to retire\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Age();

    [GeneratedRegex(
        @"\b(?:what|which) (?:church|mosque|synagogue|temple|parish|congregation|place of worship|faith|religion|denomination) (?:do|are|did) you\b|\byour (?:religio|faith\b|church\b|denomination|spiritual beliefs|place of worship)|\bare you (?:religious|christian|muslim|jewish|hindu|catholic|buddhist|atheist)\b|\bdo you (?:go to church|attend (?:church|services|mass|mosque|temple|synagogue)|pray\b|practi[cs]e (?:a |any )?religion|believe in god)|\bwhat religious holidays do you\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Religion();

    [GeneratedRegex(
        @"\bare you (?:currently )?(?:pregnant|expecting)\b|\b(?:do|are) you (?:plan(?:ning)?|intend(?:ing)?|want(?:ing)?|hope|hoping) (?:to have|on having|to start) (?:children|kids|a baby|a family|more children)|\bplan(?:s|ning)? (?:to have|on having) (?:children|kids|a baby|more children)|\bstart(?:ing)? a family\b|\bfamily planning\b|\bdo you have (?:any )?(?:children|kids)\b|\bhow many (?:children|kids) do you\b|\byour (?:childcare|child care) (?:arrangements|plans|situation)",
        RegexOptions.IgnoreCase)]
    private static partial Regex Pregnancy();

    [GeneratedRegex(
        @"\bare you (?:married|single|divorced|widowed|engaged|separated)\b|\bmarital status\b|\byour (?:husband|wife|spouse|fianc[eé]e?|boyfriend|girlfriend)\b|\bdo you have a (?:husband|wife|spouse|boyfriend|girlfriend)\b|\bmaiden name\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex MaritalStatus();

    [GeneratedRegex(
        @"\bwhere (?:are you|is your family|are your parents|do you come|does your family come) (?:originally )?from\b|\bwhere were you born\b|\b(?:what|which) country (?:are you|were you|do you come|is your family|are your parents)\b|\byour (?:nationality|ethnicity|race|ancestry|native (?:language|tongue|country)|accent|citizenship|country of origin|birthplace|immigration status)\b|\bare you an? (?:u\.?s\.? |american )?citizen\b|\bis english your (?:first|native) language\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex NationalOrigin();

    [GeneratedRegex(
        @"\bhave you (?:ever )?been arrested\b|\byour arrest (?:record|history)\b|\bhow many times have you been arrested\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Arrests();
}
