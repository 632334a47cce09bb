package org.toxwatch.monitoring.adapter.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.PatientEvents.PATIENT;
import static org.toxwatch.monitoring.domain.PatientEvents.aLab;
import static org.toxwatch.monitoring.domain.PatientEvents.carTInfused;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.TherapyEventRecorded;
import org.toxwatch.model.ToxicityAssessed;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import org.toxwatch.monitoring.domain.units.Analyte;
import tools.jackson.databind.json.JsonMapper;

/**
 * A missing result is noticed by the wall clock, not by an event: the production topology's periodic check
 * publishes the overdue signal during a quiet stretch, and the next ANC clears it.
 */
class OverdueResultsTopologyTest {

    private static final Instant INFUSION = Instant.parse("2026-11-10T09:00:00Z");
    private static final Instant FIRST_ANC = INFUSION.plus(Duration.ofDays(2));

    private final MonitoringSerdes serdes =
            new MonitoringSerdes(JsonMapper.builder().build());
    private final TopologyTestDriver driver = TopologyDrivers.driverFor(
            new ToxicityGrader(ZoneId.of("UTC")),
            serdes,
            new SimpleMeterRegistry(),
            FIRST_ANC.plus(Duration.ofMinutes(30)));
    private final TestInputTopic<String, LabResultRecorded> labs = TopologyDrivers.labResults(driver, serdes);
    private final TestInputTopic<String, TherapyEventRecorded> therapy = TopologyDrivers.therapyEvents(driver, serdes);
    private final TestOutputTopic<String, ToxicityAssessed> assessments = TopologyDrivers.assessments(driver, serdes);

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void aQuietDayAfterCarTRaisesTheOverdueAncSignalAndTheNextAncClearsIt() {
        therapy.pipeInput(PATIENT, carTInfused(INFUSION), INFUSION);
        collectAnc(FIRST_ANC);
        assertThat(overdueGrades())
                .as("the first event makes the watch assessable")
                .containsExactly(0);

        driver.advanceWallClockTime(Duration.ofHours(23));
        assertThat(overdueGrades()).as("23.5 h without an ANC: not yet").isEmpty();

        driver.advanceWallClockTime(Duration.ofHours(1));
        List<ToxicityAssessed> overdue = readOverdue();
        assertThat(overdue).extracting(ToxicityAssessed::grade).containsExactly(1);
        assertThat(overdue.getFirst().summary()).contains("no ANC for 24 h on CAR-T day 3");
        assertThat(overdue.getFirst().sourceMessageId()).startsWith("overdue-check@");
        assertThat(overdue.getFirst().receivedAt())
                .as("no received event produced it")
                .isNull();

        driver.advanceWallClockTime(Duration.ofHours(1));
        assertThat(overdueGrades()).as("published once, not at every check").isEmpty();

        collectAnc(FIRST_ANC.plus(Duration.ofHours(25)));
        assertThat(overdueGrades()).containsExactly(0);
    }

    private void collectAnc(Instant at) {
        labs.pipeInput(
                PATIENT,
                aLab(Analyte.ANC).value("0.3").range("1.8", "7.7").at(at).build(),
                at);
    }

    private List<Integer> overdueGrades() {
        return readOverdue().stream().map(ToxicityAssessed::grade).toList();
    }

    private List<ToxicityAssessed> readOverdue() {
        return assessments.readValuesToList().stream()
                .filter(a -> a.criterion() == Criterion.RESULT_OVERDUE)
                .toList();
    }
}
