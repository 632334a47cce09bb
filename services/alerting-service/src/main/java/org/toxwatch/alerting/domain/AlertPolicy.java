package org.toxwatch.alerting.domain;

import java.util.Optional;
import java.util.Set;
import org.toxwatch.model.AlertPriority;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.ToxicityAssessed;
import org.toxwatch.model.ToxicityFamily;

/**
 * Which assessments become alerts and at what IEC 60601-1-8 style priority. High: CRS or ICANS grade 2 or
 * more, febrile neutropenia, any grade 4, a BESPONSA hold or BLINCYTO interruption, VOD or potential Hy's law
 * signal. Medium: any other grade 3. Low: a grade 2 liver or blood-count toxicity during therapy, and an expected
 * result that is overdue. Nothing below that: grade 0-1 never alerts, so the
 * queue holds what needs a clinician.
 */
public final class AlertPolicy {

    public static final String VERSION = "alert-policy-2026.11-3";

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

    public Optional<AlertDecision> decide(ToxicityAssessed assessment) {
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
