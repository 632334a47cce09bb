package org.toxwatch.benchmark.load;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.toxwatch.model.AppliedThreshold;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.ReferenceRange;
import org.toxwatch.model.ReferenceRangeSource;
import org.toxwatch.model.ToxicityAssessed;

/**
 * The alerting load: assessments for P patients in turn, three toxicity families in turn, the grade rising 2, 3, 4
 * and staying there, so episodes are raised, worsened and updated.
 */
public final class AssessmentFeed {

    private static final List<Criterion> CRITERIA = List.of(
            Criterion.NEUTROPHIL_COUNT_DECREASED,
            Criterion.ALANINE_AMINOTRANSFERASE_INCREASED,
            Criterion.CREATININE_INCREASED);

    private AssessmentFeed() {}

    /** The measured batch's patients are {@code LOAD-0}, {@code LOAD-1}, ...; a warm-up's have a cohort of their own. */
    public static final String MEASURED = "LOAD";

    /**
     * Sends {@code count} assessments for the patients {@code cohort-0} to {@code cohort-(patients-1)} to {@code topic}
     * and returns once the broker holds them all.
     */
    public static void publish(String bootstrapServers, String topic, String cohort, int count, int patients) {
        try (var records = JsonRecords.batching(bootstrapServers)) {
            for (int i = 0; i < count; i++) {
                var assessment = assessment(cohort, i, patients);
                records.send(topic, assessment.patientId(), assessment);
            }
            records.flush();
        }
    }

    static ToxicityAssessed assessment(String cohort, int i, int patients) {
        String patient = cohort + "-" + (i % patients);
        int round = i / patients;
        Criterion criterion = CRITERIA.get(round % CRITERIA.size());
        int grade = Math.min(4, 2 + round / CRITERIA.size());
        Instant at = Instant.parse("2026-11-20T08:00:00Z").plusSeconds(i);
        var evidence = new Evidence(
                UUID.randomUUID(),
                "751-8",
                "Neutrophils [#/volume] in Blood",
                new BigDecimal("0.4"),
                "10*9/L",
                new BigDecimal("0.4"),
                "10*9/L",
                new ReferenceRange(new BigDecimal("1.8"), new BigDecimal("7.7")),
                at,
                "load-" + i);
        return new ToxicityAssessed(
                UUID.randomUUID(),
                patient,
                at,
                at.plusSeconds(1),
                criterion,
                criterion.id(),
                grade,
                null,
                null,
                "load assessment",
                List.of(new AppliedThreshold(grade, "load", true)),
                List.of(evidence),
                false,
                ReferenceRangeSource.REPORTED,
                null,
                "load-catalogue",
                "monitoring",
                "load-" + i);
    }
}
