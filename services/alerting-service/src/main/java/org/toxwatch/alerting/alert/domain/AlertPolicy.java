package org.toxwatch.alerting.alert.domain;

import java.util.Optional;
import java.util.Set;
import org.toxwatch.model.AlertPriority;
import org.toxwatch.model.AssessmentCaveat;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.ToxicityAssessed;
import org.toxwatch.model.ToxicityFamily;

/**
 * Which assessments become alerts and at what IEC 60601-1-8 style priority. High: CRS or ICANS grade 2 or
 * more, febrile neutropenia, any grade 4, a BESPONSA hold or BLINCYTO interruption, VOD or potential Hy's law
 * signal. Medium: any other grade 3. Low: a grade 2 liver or blood-count toxicity during therapy, and an expected
 * result that is overdue. Nothing below that: grade 0-1 never alerts, so the
 * queue holds what needs a clinician. A grade from a compromised specimen is low, awaiting confirmation, unless
 * configured to page.
 */
public final class AlertPolicy {

    public static final String VERSION = "alert-policy-2026.12-4";

    private static final Set<Criterion> HIGH_FROM_GRADE_2 =
            Set.of(Criterion.CYTOKINE_RELEASE_SYNDROME, Criterion.ICANS);
    /**
     * Signals whose grade 1 already needs a clinician: febrile neutropenia, a BESPONSA hold or a BLINCYTO
     * interruption (grade 2: discontinue), VOD/SOS criteria (suspected or partial) and a potential Hy's law case
     * (a binary signal, published as grade 1).
     */
    private static final Set<Criterion> HIGH_WHEN_PRESENT = Set.of(
            Criterion.FEBRILE_NEUTROPENIA,
            Criterion.VOD_SOS,
            Criterion.BESPONSA_PRE_DOSE,
            Criterion.BLINCYTO_ACTION,
            Criterion.HYS_LAW);

    private static final Set<ToxicityFamily> LOW_AT_GRADE_2_IN_THERAPY =
            Set.of(ToxicityFamily.HEPATOTOXICITY, ToxicityFamily.CYTOPENIA);

    /** Caveats that say the specimen, not the patient, may have made the value (a hemolyzed potassium). */
    private static final Set<AssessmentCaveat> COMPROMISED_SPECIMEN =
            Set.of(AssessmentCaveat.HEMOLYZED_SPECIMEN, AssessmentCaveat.SPECIMEN_CONDITION);

    private final boolean pageOnCompromisedSpecimen;

    /** The default policy: a grade from a compromised specimen does not page. */
    public AlertPolicy() {
        this(false);
    }

    /**
     * @param pageOnCompromisedSpecimen whether a grade from a hemolyzed or otherwise compromised specimen alerts at
     *     its usual priority; by default it is held at low priority, awaiting confirmation
     */
    public AlertPolicy(boolean pageOnCompromisedSpecimen) {
        this.pageOnCompromisedSpecimen = pageOnCompromisedSpecimen;
    }

    /**
     * The alert an assessment calls for, if any. A grade from a compromised specimen (hemolysis raises potassium,
     * LDH and AST in the tube) is alerted at low priority, which waits in the queue and never escalates, until a
     * result without the caveat confirms it: most such values are artefacts, and an alert that pages on them
     * teaches clinicians to ignore pages.
     */
    public Optional<AlertDecision> decide(ToxicityAssessed assessment) {
        var decision = clinicalDecision(assessment);
        var compromised = assessment.caveats().stream()
                .filter(COMPROMISED_SPECIMEN::contains)
                .findFirst();
        if (decision.isEmpty() || compromised.isEmpty() || pageOnCompromisedSpecimen) {
            return decision;
        }
        return Optional.of(new AlertDecision(
                AlertPriority.LOW,
                "awaiting confirmation: "
                        + (compromised.get() == AssessmentCaveat.HEMOLYZED_SPECIMEN
                                ? "hemolyzed specimen"
                                : "specimen condition reported")
                        + " (" + decision.get().reason() + " once a result without it confirms)",
                VERSION,
                true));
    }

    private Optional<AlertDecision> clinicalDecision(ToxicityAssessed assessment) {
        Integer grade = assessment.grade();
        if (grade == null) {
            return Optional.empty();
        }
        Criterion criterion = assessment.criterion();
        if (HIGH_FROM_GRADE_2.contains(criterion) && grade >= 2) {
            return decision(AlertPriority.HIGH, criterion.term() + " grade >= 2 -> high");
        }
        if (HIGH_WHEN_PRESENT.contains(criterion) && grade >= 1) {
            return decision(AlertPriority.HIGH, criterion.term() + " present -> high");
        }
        if (criterion == Criterion.RESULT_OVERDUE && grade >= 1) {
            return decision(AlertPriority.LOW, "expected result overdue -> low");
        }
        if (grade >= 4) {
            return decision(AlertPriority.HIGH, "grade 4 -> high");
        }
        if (grade == 3) {
            return decision(AlertPriority.MEDIUM, "grade 3 -> medium");
        }
        if (grade == 2
                && assessment.therapyContext() != null
                && LOW_AT_GRADE_2_IN_THERAPY.contains(criterion.family())) {
            return decision(
                    AlertPriority.LOW,
                    "grade 2 " + criterion.family().name().toLowerCase(java.util.Locale.ROOT)
                            + " during therapy -> low");
        }
        return Optional.empty();
    }

    private static Optional<AlertDecision> decision(AlertPriority priority, String reason) {
        return Optional.of(new AlertDecision(priority, reason, VERSION));
    }
}
