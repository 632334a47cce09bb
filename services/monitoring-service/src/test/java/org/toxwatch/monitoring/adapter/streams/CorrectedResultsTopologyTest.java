package org.toxwatch.monitoring.adapter.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.AssessmentCaveat;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.ReferenceRange;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.ToxicityAssessed;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import tools.jackson.databind.json.JsonMapper;

/**
 * A laboratory correction on the production topology: the assessment it produces names the replaced result as
 * withdrawn evidence, with the caveat and the summary saying so, on the topic alerting reads.
 */
class CorrectedResultsTopologyTest {

    private static final Instant COLLECTED = Instant.parse("2026-11-20T08:00:00Z");
    private static final String PATIENT = "MRN-7";

    private final MonitoringSerdes serdes =
            new MonitoringSerdes(JsonMapper.builder().build());
    private final TopologyTestDriver driver =
            TopologyDrivers.driverFor(new ToxicityGrader(ZoneId.of("UTC")), serdes, new SimpleMeterRegistry());
    private final TestInputTopic<String, LabResultRecorded> labs = TopologyDrivers.labResults(driver, serdes);
    private final TestOutputTopic<String, ToxicityAssessed> assessments = TopologyDrivers.assessments(driver, serdes);

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void aPotassiumCorrectedToNormalWithdrawsTheResultTheGradeThreeRestedOn() {
        var wrong = potassium("6.5", ResultStatus.FINAL);
        labs.pipeInput(PATIENT, wrong);
        assertThat(hyperkalemia(assessments.readValuesToList())).singleElement().satisfies(first -> {
            assertThat(first.grade()).isEqualTo(3);
            assertThat(first.withdrawnEvidence()).isEmpty();
        });

        var correction = potassium("4.2", ResultStatus.CORRECTED);
        labs.pipeInput(PATIENT, correction);

        var published = assessments.readValuesToList();
        assertThat(hyperkalemia(published)).singleElement().satisfies(corrected -> {
            assertThat(corrected.grade()).isZero();
            assertThat(corrected.previousGrade()).isEqualTo(3);
            assertThat(corrected.withdrawnEvidence()).containsExactly(wrong.eventId());
            assertThat(corrected.caveats()).contains(AssessmentCaveat.SOURCE_RESULT_CORRECTED);
            assertThat(corrected.summary()).startsWith("source result corrected: ");
            assertThat(corrected.evidence()).extracting(e -> e.eventId()).containsExactly(correction.eventId());
        });
        assertThat(published)
                .filteredOn(a -> a.criterion() == Criterion.HYPOKALEMIA)
                .as("hypokalemia was graded 0 from the same result: published again at 0, withdrawing it")
                .singleElement()
                .satisfies(hypokalemia -> {
                    assertThat(hypokalemia.grade()).isZero();
                    assertThat(hypokalemia.withdrawnEvidence()).containsExactly(wrong.eventId());
                });
    }

    @Test
    void anOrdinaryNewResultWithdrawsNothing() {
        labs.pipeInput(PATIENT, potassium("6.5", ResultStatus.FINAL));
        labs.pipeInput(PATIENT, potassium("4.2", ResultStatus.FINAL, "K-2", COLLECTED.plusSeconds(3600)));

        assertThat(assessments.readValuesToList())
                .allSatisfy(
                        assessment -> assertThat(assessment.withdrawnEvidence()).isEmpty())
                .extracting(ToxicityAssessed::caveats)
                .allSatisfy(caveats -> assertThat(caveats)
                        .doesNotContain(
                                AssessmentCaveat.SOURCE_RESULT_CORRECTED, AssessmentCaveat.SOURCE_RESULT_CANCELLED));
    }

    private static List<ToxicityAssessed> hyperkalemia(List<ToxicityAssessed> published) {
        return published.stream()
                .filter(a -> a.criterion() == Criterion.HYPERKALEMIA)
                .toList();
    }

    private static LabResultRecorded potassium(String value, ResultStatus status) {
        return potassium(value, status, "F1-K", COLLECTED);
    }

    private static LabResultRecorded potassium(
            @Nullable String value, ResultStatus status, String sourceObservationId, Instant collectedAt) {
        return new LabResultRecorded(
                UUID.randomUUID(),
                PATIENT,
                collectedAt,
                collectedAt.plusSeconds(status == ResultStatus.CORRECTED ? 7200 : 600),
                "lis",
                "lab-" + UUID.randomUUID(),
                sourceObservationId,
                "2823-3",
                value == null ? null : new BigDecimal(value),
                value == null ? null : "mmol/L",
                new ReferenceRange(new BigDecimal("3.5"), new BigDecimal("5.1")),
                status);
    }
}
