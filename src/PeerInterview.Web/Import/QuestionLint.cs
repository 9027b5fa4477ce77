using System.Buffers;
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

    // Each rule has a few words without which its pattern cannot match; checking them first (one vectorised search)
    // keeps the regexes off almost every question.
    private static readonly Rule[] Rules =
    [
        new(Disability, "disability", $"Asks the candidate whether they have a disability or impairment ({PreOffer})",
            ["disab", "handicap", "impair", "illness", "condition", "disorder"]),
        new(Diagnosis, "diagnosis", $"Asks the candidate about their diagnosis or mental-health condition ({PreOffer})",
            ["diagnos", "condition", "illness", "disorder", "mental", "psychiatric"]),
        new(NamedCondition, "diagnosis", $"Asks the candidate about their diagnosis or mental-health condition ({PreOffer})",
            ["depress", "anxiety", "bipolar", "schizo", "ptsd", "psychosis", "adhd", "autis", "eating", "personality", "mental", "psychiatric"]),
        new(Medication, "medication", $"Asks the candidate about their medication ({PreOffer})",
            ["medic", "meds", "prescri", "pill", "psychiatric", "antidepress", "antipsych"]),
        new(Treatment, "treatment", $"Asks the candidate about their treatment or hospitalisation history ({PreOffer})",
            ["hospital", "institution", "committed", "sectioned", "admitted", "rehab", "detox", "treat", "therap", "counsel", "psychiatr", "inpatient"]),
        new(RecoveryHistory, "recovery history", $"Asks the candidate for specifics of their recovery or substance-use history ({PreOffer}); ask how they use lived experience instead",
            ["recovery", "sober", "sobriety", "clean", "abstinent", "free", "off ", "relapse", "addict", "alcohol", "drug", "drink", "substance", "heroin", "opioid", "meth", "cocaine", "last use", "first use", "get high"]),
        new(Health, "medical history", $"Asks the candidate about their health or medical history ({PreOffer})",
            ["health", "medical", "sick", "illness", "workers", "family"]),
        new(Age, "age", "Asks the candidate's age or date of birth (Age Discrimination in Employment Act)",
            ["old", "age", "birth", "born", "retire", "graduat"]),
        new(Religion, "religion", "Asks about the candidate's religion or place of worship (Title VII)",
            ["holiday", "church", "mosque", "synagog", "temple", "parish", "congregation", "worship", "faith", "relig", "denomination", "spiritual", "christian", "muslim", "jewish", "hindu", "catholic", "buddhist", "atheist", "pray", "god"]),
        new(Pregnancy, "pregnancy", "Asks about pregnancy, children or family plans (Title VII; Pregnancy Discrimination Act)",
            ["pregnan", "expecting", "children", "kids", "baby", "family", "childcare", "child care"]),
        new(SexualOrientation, "sexual orientation or gender identity", "Asks about the candidate's sexual orientation or gender identity (Title VII, Bostock v. Clayton County)",
            ["gay", "lesbian", "straight", "bisexual", "trans", "sexual", "gender", "sexuality"]),
        new(MaritalStatus, "marital status", "Asks about the candidate's marital status or spouse (invites sex discrimination; not job-related)",
            ["married", "single", "divorced", "widowed", "engaged", "separated", "marital", "husband", "wife", "spouse", "fianc", "boyfriend", "girlfriend", "maiden"]),
        new(NationalOrigin, "national origin", "Asks about the candidate's national origin, ancestry or citizenship (Title VII; ask only whether they are authorised to work)",
            ["grow up", "grew up", "from", "born", "country", "nationality", "ethnic", "race", "ancestry", "native", "accent", "citizen", "birthplace", "immigration", "english"]),
        new(Arrests, "arrest record", "Asks about arrests (EEOC guidance: an arrest is not proof of conduct; ask about job-related convictions only, and only where the law allows)",
            ["arrest"]),
        new(HeightWeight, "height or weight", "Asks about the candidate's height or weight (EEOC: can screen out women and some national-origin groups; ask only if job-related)",
            ["tall", "weigh", "height"]),
    ];

    public static IReadOnlyList<LintWarning> Check(string questionText)
    {
        // Every rule is about the candidate: no "you" or "your", nothing to flag.
        if (string.IsNullOrWhiteSpace(questionText) || !questionText.Contains("you", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        if (!questionText.AsSpan().ContainsAny(AnyHint))
        {
            return [];
        }

        var text = questionText.Replace('’', '\'');
        List<LintWarning>? warnings = null;
        foreach (var rule in Rules)
        {
            if (warnings?.Exists(w => w.Category == rule.Category) != true
                && rule.Hints.Any(h => text.Contains(h, StringComparison.OrdinalIgnoreCase))
                && rule.Pattern().IsMatch(text))
            {
                (warnings ??= []).Add(new LintWarning(rule.Category, rule.Reason));
            }
        }

        return warnings ?? (IReadOnlyList<LintWarning>)[];
    }

    // One vectorised search over every rule's hints rules most questions out at once.
    private static readonly SearchValues<string> AnyHint =
        SearchValues.Create(Rules.SelectMany(r => r.Hints).Distinct().ToArray(), StringComparison.OrdinalIgnoreCase);

    private sealed record Rule(Func<Regex> Pattern, string Category, string Reason, string[] Hints);

    [GeneratedRegex(
        @"\b(?:do|does) you (?:have|suffer from|live with) (?:a |any )?(?:disabilit|handicap|impairment|(?:mental|psychiatric|physical|learning) (?:health )?(?:illness|condition|disorder|impairment|disabilit)|mental illness)|\bare you (?:disabled|handicapped)\b|\byour (?:own )?(?:disabilit|handicap|impairment)",
        RegexOptions.IgnoreCase)]
    private static partial Regex Disability();

    [GeneratedRegex(
        @"\byour (?:own )?(?:diagnos|mental[- ]health (?:condition|illness|disorder|diagnosis|history|status)|mental (?:illness|condition|disorder)|psychiatric (?:condition|illness|history|diagnosis|disorder)|(?:medical )?condition\b|illness\b|disorder\b)|\b(?:have|were) you (?:ever )?(?:been )?diagnosed\b|\bwhat (?:mental[- ]health )?(?:conditions?|illness(?:es)?|disorders?|diagnos[ie]s) (?:do|did|have) you\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Diagnosis();

    [GeneratedRegex(
        @"\b(?:do|did|have) you (?:ever )?(?:have|had|suffer(?:ed)? from|live with|lived with|struggle(?:d)? with|experience(?:d)?) (?:a |an |any )?(?:history of )?(?:depression|anxiety|bipolar|schizophrenia|ptsd|psychosis|adhd|autism|eating disorder|personality disorder|mental[- ]health (?:condition|problem|issue|disorder|illness)|psychiatric)",
        RegexOptions.IgnoreCase)]
    private static partial Regex NamedCondition();

    [GeneratedRegex(
        @"\b(?:what|which|any) (?:medications?|meds|prescriptions?|prescription drugs) (?:do|are|did|have) you\b|\bare you (?:currently )?(?:taking|on) (?:any )?(?:medications?|meds|prescriptions?|psychiatric)|\bdo you (?:currently )?take (?:any )?(?:medications?|meds|prescriptions?|pills)|\byour (?:own )?(?:medications?|meds|prescriptions?)\b|\b(?:have|did) you (?:ever )?(?:taken|been on|stopped taking|take) (?:any )?(?:medications?|meds|psychiatric|antidepressants?|antipsychotics?)",
        RegexOptions.IgnoreCase)]
    private static partial Regex Medication();

    [GeneratedRegex(
        @"\b(?:have|were) you (?:ever )?(?:been )?(?:hospitali[sz]ed|institutionali[sz]ed|committed|sectioned|treated (?:for|by|in)|admitted to (?:a )?(?:hospital|psychiatric|mental|rehab|detox)|in (?:a )?(?:psychiatric|mental|rehab|detox|treatment|therapy)|to (?:rehab|detox|therapy|a psychiatrist))|\bhave you (?:ever )?(?:received|had|undergone|gone to|attended|completed|needed) (?:any )?(?:mental[- ]health )?(?:treatment|therapy|counsel+ing|rehab|detox|psychiatric|inpatient)|\bare you (?:currently )?(?:in|receiving|seeing|getting) (?:treatment|therapy|counsel+ing|a (?:therapist|psychiatrist|counsel+or))|\byour (?:own )?(?:treatment|therapy|hospitali[sz]ations?|hospital stays?|rehab|detox|psychiatric care|therapist|psychiatrist)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Treatment();

    [GeneratedRegex(
        @"\bhow long have you been (?:in recovery|sober|clean|abstinent|drug[- ]free|substance[- ]free|alcohol[- ]free|off (?:drugs|alcohol))|\byour (?:own )?(?:sobriety|clean|recovery) (?:date|time|anniversary)|\bhow long is your (?:sobriety|recovery)\b|\bwhen did you (?:get|become|go|get) (?:sober|clean)\b|\bwhen did you (?:last|first) (?:use|drink|relapse|get high)|\bhave you (?:ever )?(?:relapsed|used (?:drugs|heroin|opioids|meth|cocaine)|been addicted|had an addiction|been an addict|been an alcoholic|struggled with (?:addiction|substance|drugs|alcohol))|\bwhat (?:substances|drugs) (?:did|do|have) you (?:use|take|used|taken)\b|\byour (?:own )?(?:addiction|substance[- ]use|drug|drinking|alcohol) (?:history|problem|use|habit)|\bare you (?:currently )?(?:sober|clean|in recovery)\b|\b(?:do|did) you (?:drink|use drugs)\b|\byour (?:own )?(?:last )?relapses?\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex RecoveryHistory();

    [GeneratedRegex(
        @"\b(?:do you have|are there) any (?:health|medical) (?:conditions?|problems|issues)\b|\byour (?:own )?(?:medical|health) (?:history|conditions?|problems|issues|records)\b|\bhow many (?:sick days|days\b[^?]{0,30}\b(?:miss|missed|off|absent)\b[^?]{0,30}\b(?:illness|sickness|sick))|\bhow is your (?:own )?(?:health|mental health)\b|\byour family(?:'s)? (?:medical |health |mental[- ]health )?history\b|\b(?:does|has) (?:your|anyone in your) family (?:have|had|got) (?:a )?(?:history|mental|medical)|\bhave you (?:ever )?(?:filed|claimed|made) (?:a )?(?:for )?workers'? comp",
        RegexOptions.IgnoreCase)]
    private static partial Regex Health();

    [GeneratedRegex(
        @"\bhow old are you\b|\bwhat(?:'s| is) your (?:age|date of birth|birth ?date|birthday)\b|\byour (?:age|date of birth|birth ?date|year of birth)\b|\b(?:what year|when) were you born\b|\bwhen did you graduate (?:from )?high school\b|\bwhat year did you graduate\b|\bhow (?:close|near) are you to retire|\b(?:do you )?plan(?:ning)? to retire\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Age();

    [GeneratedRegex(
        @"\b(?:what|which) (?:church|mosque|synagogue|temple|parish|congregation|place of worship|faith|religion|denomination) (?:do|are|did) you\b|\byour (?:religio|faith\b|church\b|denomination|spiritual beliefs|place of worship)|\bare you (?:religious|christian|muslim|jewish|hindu|catholic|buddhist|atheist)\b|\bdo you (?:go to church|attend (?:church|services|mass|mosque|temple|synagogue)|pray\b|practi[cs]e (?:a |any )?religion|believe in god)|\bwhat (?:religious )?holidays do you (?:celebrate|observe|keep)\b|\breligious (?:holidays|observances?)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Religion();

    [GeneratedRegex(
        @"\bare you (?:currently )?(?:pregnant|expecting)\b|\b(?:do|are) you (?:plan(?:ning)?|intend(?:ing)?|want(?:ing)?|hope|hoping) (?:to have|on having|to start) (?:children|kids|a baby|a family|more children)|\bplan(?:s|ning)? (?:to have|on having) (?:children|kids|a baby|more children)|\bstart(?:ing)? a family\b|\bfamily planning\b|\bdo you have (?:any )?(?:children|kids)\b|\bhow many (?:children|kids) do you\b|\byour (?:childcare|child care) (?:arrangements|plans|situation)|\byour (?:children|kids)\b|\b(?:childcare|child care) (?:arrangements|plans)",
        RegexOptions.IgnoreCase)]
    private static partial Regex Pregnancy();

    [GeneratedRegex(
        @"\bare you (?:married|single|divorced|widowed|engaged|separated)\b|\bmarital status\b|\byour (?:husband|wife|spouse|fianc[eé]e?|boyfriend|girlfriend)\b|\bdo you have a (?:husband|wife|spouse|boyfriend|girlfriend)\b|\bmaiden name\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex MaritalStatus();

    [GeneratedRegex(
        @"\bwhere (?:are you|is your family|are your parents|do you come|does your family come) (?:originally )?from\b|\bwhere were you born\b|\b(?:what|which) country (?:are you|were you|do you come|is your family|are your parents)\b|\byour (?:nationality|ethnicity|race|ancestry|native (?:language|tongue|country)|accent|citizenship|country of origin|birthplace|immigration status)\b|\bare you an? (?:u\.?s\.? |american )?citizen\b|\bis english your (?:first|native) language\b|\bwhere did you grow up\b|\bwhere (?:did you|have you) (?:grow|grew) up\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex NationalOrigin();

    [GeneratedRegex(
        @"\bhave you (?:ever )?been arrested\b|\byour arrest (?:record|history)\b|\bhow many times have you been arrested\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Arrests();

    [GeneratedRegex(
        @"\bare you (?:gay|lesbian|straight|bisexual|transgender|trans|queer)\b|\byour (?:sexual orientation|sexuality|gender identity)\b|\bwhat is your (?:sexual orientation|gender identity)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex SexualOrientation();

    [GeneratedRegex(@"\bhow (?:tall are you|much do you weigh)\b|\byour (?:height|weight)\b|\bwhat do you weigh\b", RegexOptions.IgnoreCase)]
    private static partial Regex HeightWeight();
}
