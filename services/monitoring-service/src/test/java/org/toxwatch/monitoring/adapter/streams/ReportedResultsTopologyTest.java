package org.toxwatch.monitoring.adapter.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.TopologyTestDriver;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.AssessmentCaveat;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.ReferenceRange;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.SpecimenCondition;
import org.toxwatch.model.TimePrecision;
import org.toxwatch.model.ToxicityAssessed;
import org.toxwatch.model.ValueComparator;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Censored values, specimen conditions and day-precision times as they come off the lab-results topic: the
 * published assessment carries their caveats, and a clean repeat that confirms a grade from a hemolyzed specimen
 * is published again without the caveat, so alerting can page on it.
 */
class ReportedResultsTopologyTest {

    private static final String PATIENT = "MRN-REPORTED";
    private static final Instant COLLECTED = Instant.parse("2026-11-10T06:00:00Z");

    private final MonitoringSerdes serdes =
            new MonitoringSerdes(JsonMapper.builder().build());
    private final TopologyTestDriver driver =
            TopologyDrivers.driverFor(new ToxicityGrader(ZoneId.of("UTC")), serdes, new SimpleMeterRegistry());

    @AfterEach
    void close() {
        driver.close();
    }

    private List<ToxicityAssessed> publish(LabResultRecorded... results) {
        var labs = TopologyDrivers.labResults(driver, serdes);
        for (var result : results) {
            labs.pipeInput(PATIENT, result, result.observedAt());
        }
        return TopologyDrivers.assessments(driver, serdes).readValuesToList();
    }

    private static List<ToxicityAssessed> of(List<ToxicityAssessed> published, Criterion criterion) {
        return published.stream().filter(a -> a.criterion() == criterion).toList();
    }

    @Test
    void anAncBelowTheDetectionLimitIsPublishedAsGrade4WithTheCensoredCaveat() {
        var published = publish(potassiumOrAnc(
                "751-8", "0.1", "10*9/L", "1.8", "7.7", COLLECTED, ValueComparator.LESS_THAN, List.of(), null));

        assertThat(of(published, Criterion.NEUTROPHIL_COUNT_DECREASED))
                .singleElement()
                .satisfies(anc -> {
                    assertThat(anc.grade()).isEqualTo(4);
                    assertThat(anc.caveats()).containsExactly(AssessmentCaveat.CENSORED_RESULT);
                    assertThat(anc.summary()).contains("Censored result <0.1 10*9/L");
                    assertThat(anc.evidence().getFirst().display()).isEqualTo("ANC (censored: <0.1)");
                });
    }

    @Test
    void aCleanRepeatConfirmingAHemolyzedPotassiumIsPublishedWithoutTheCaveat() {
        var hemolyzed = potassiumOrAnc(
                "2823-3", "6.5", "mmol/L", "3.5", "5.1", COLLECTED, null, List.of(SpecimenCondition.HEMOLYZED), null);
        var repeat = potassiumOrAnc(
                "2823-3", "6.4", "mmol/L", "3.5", "5.1", COLLECTED.plus(Duration.ofHours(1)), null, List.of(), null);

        var hyperkalemia = of(publish(hemolyzed, repeat), Criterion.HYPERKALEMIA);

        assertThat(hyperkalemia).extracting(ToxicityAssessed::grade).containsExactly(3, 3);
        assertThat(hyperkalemia.getFirst().caveats()).containsExactly(AssessmentCaveat.HEMOLYZED_SPECIMEN);
        assertThat(hyperkalemia.getFirst().summary()).contains("Hemolyzed specimen: potassium may be falsely high.");
        assertThat(hyperkalemia.getLast().caveats()).isEmpty();
    }

    @Test
    void theSameGradeWithTheSameCaveatsIsNotPublishedAgain() {
        var first = potassiumOrAnc("2823-3", "6.5", "mmol/L", "3.5", "5.1", COLLECTED, null, List.of(), null);
        var second = potassiumOrAnc(
                "2823-3", "6.4", "mmol/L", "3.5", "5.1", COLLECTED.plus(Duration.ofHours(1)), null, List.of(), null);

        assertThat(of(publish(first, second), Criterion.HYPERKALEMIA)).hasSize(1);
    }

    @Test
    void aResultTimedToTheDayIsPublishedWithTheImprecisionNamed() {
        var published = publish(
                potassiumOrAnc("2823-3", "5.3", "mmol/L", "3.5", "5.1", COLLECTED, null, List.of(), TimePrecision.DAY));

        assertThat(of(published, Criterion.HYPERKALEMIA)).singleElement().satisfies(potassium -> {
            assertThat(potassium.caveats()).containsExactly(AssessmentCaveat.DAY_PRECISION_TIME);
            assertThat(potassium.summary()).contains("known only to the day");
        });
    }

    private static LabResultRecorded potassiumOrAnc(
            String loinc,
            String value,
            String unit,
            String low,
            String high,
            Instant at,
            @Nullable ValueComparator comparator,
            List<SpecimenCondition> conditions,
            @Nullable TimePrecision precision) {
        return new LabResultRecorded(
                UUID.randomUUID(),
                PATIENT,
                at,
                at.plus(Duration.ofMinutes(40)),
                "lis",
                "msg-" + UUID.randomUUID(),
                null,
                loinc,
                new BigDecimal(value),
                unit,
                new ReferenceRange(new BigDecimal(low), new BigDecimal(high)),
                ResultStatus.FINAL,
                comparator,
                null,
                List.of(),
                conditions,
                precision);
    }
}
