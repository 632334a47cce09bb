package org.toxwatch.monitoring.adapter.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.PatientEvents.PATIENT;
import static org.toxwatch.monitoring.domain.PatientEvents.aLab;
import static org.toxwatch.monitoring.domain.PatientEvents.carTInfused;
import static org.toxwatch.monitoring.domain.PatientEvents.enrolled;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.ToxicityAssessed;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import org.toxwatch.monitoring.domain.units.Analyte;
import tools.jackson.databind.json.JsonMapper;

/**
 * Retention never changes a grade: a 120-day CAR-T course, whose newest ANC is far past the 100 days ICAHT reads,
 * keeps its early ICAHT grade published and recomputable from the stored state.
 */
class RetentionKeepsPublishedGradesTest {

    private static final Instant INFUSION = Instant.parse("2027-08-01T10:00:00Z");

    private final MonitoringSerdes serdes =
            new MonitoringSerdes(JsonMapper.builder().build());
    private final ToxicityGrader grader = new ToxicityGrader(ZoneId.of("Europe/Berlin"));
    private final TopologyTestDriver driver = TopologyDrivers.driverFor(grader, serdes, new SimpleMeterRegistry());

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void a120DayCarTCourseKeepsItsEarlyIcahtGrade() {
        var therapy = TopologyDrivers.therapyEvents(driver, serdes);
        var labs = TopologyDrivers.labResults(driver, serdes);
        var published = TopologyDrivers.assessments(driver, serdes);
        therapy.pipeInput(PATIENT, enrolled(Therapy.CAR_T, INFUSION.minus(Duration.ofDays(5))));
        therapy.pipeInput(PATIENT, carTInfused(INFUSION));
        // days 0-6 at or below 500 cells/uL: D500 = 7, early ICAHT grade 2 (CRITERIA.md 6.1)
        for (int day = 0; day <= 30; day++) {
            labs.pipeInput(PATIENT, anc(day, day < 7 ? "0.3" : "1.0"));
        }
        assertThat(lastEarlyIcaht(published.readValuesToList()).grade()).isEqualTo(2);

        for (int day : List.of(45, 60, 75, 90, 105, 120)) {
            labs.pipeInput(PATIENT, anc(day, "2.0"));
        }

        assertThat(published.readValuesToList())
                .as("nothing changes the early grade after day 30")
                .noneMatch(a -> a.criterion() == Criterion.ICAHT_EARLY);
        PatientState stored = driver.<String, PatientState>getKeyValueStore(MonitoringTopology.PATIENT_STATE_STORE)
                .get(PATIENT);
        assertThat(stored.labsOf(Analyte.ANC))
                .as("the ANCs of days 0-30 are still kept on day 120")
                .hasSize(31 + 6);
        assertThat(grader.assessAll(stored))
                .filteredOn(a -> a.criterion() == Criterion.ICAHT_EARLY)
                .singleElement()
                .satisfies(early -> assertThat(early.grade()).isEqualTo(2));
    }

    private static org.toxwatch.model.LabResultRecorded anc(int day, String value) {
        return aLab(Analyte.ANC)
                .value(value)
                .range("1.8", "7.7")
                .at(INFUSION.plus(Duration.ofDays(day)).plus(Duration.ofHours(1)))
                .build();
    }

    private static ToxicityAssessed lastEarlyIcaht(List<ToxicityAssessed> assessments) {
        return assessments.stream()
                .filter(a -> a.criterion() == Criterion.ICAHT_EARLY)
                .reduce((earlier, later) -> later)
                .orElseThrow();
    }
}
