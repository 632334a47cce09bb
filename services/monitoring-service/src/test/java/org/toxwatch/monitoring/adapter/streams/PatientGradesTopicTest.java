package org.toxwatch.monitoring.adapter.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.PatientEvents.PATIENT;
import static org.toxwatch.monitoring.domain.PatientEvents.aLab;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.ZoneId;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.PatientGradesSnapshot;
import org.toxwatch.model.PatientGradesSnapshot.CurrentGrade;
import org.toxwatch.monitoring.domain.CriteriaCatalogue;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import org.toxwatch.monitoring.domain.units.Analyte;
import tools.jackson.databind.json.JsonMapper;

/** The compacted per-patient topic: after every change, the patient's whole current state, keyed by patient. */
class PatientGradesTopicTest {

    private final MonitoringSerdes serdes =
            new MonitoringSerdes(JsonMapper.builder().build());
    private final TopologyTestDriver driver =
            TopologyDrivers.driverFor(new ToxicityGrader(ZoneId.of("UTC")), serdes, new SimpleMeterRegistry());
    private final TestInputTopic<String, LabResultRecorded> labs = TopologyDrivers.labResults(driver, serdes);
    private final TestOutputTopic<String, PatientGradesSnapshot> grades = TopologyDrivers.patientGrades(driver, serdes);

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void eachChangePublishesEveryCurrentGradeAndAnUnchangedGradePublishesNothing() {
        collect(Analyte.ANC, "0.4", "2026-11-20T07:00:00Z");
        collect(Analyte.PLATELETS, "40", "2026-11-20T07:00:00Z");
        collect(Analyte.ANC, "0.3", "2026-11-21T07:00:00Z");
        collect(Analyte.ANC, "1.2", "2026-11-22T07:00:00Z");

        var snapshots = grades.readKeyValuesToList();

        assertThat(snapshots)
                .as("three changes, the unchanged grade 4 is not one")
                .hasSize(3);
        assertThat(snapshots).allSatisfy(snapshot -> assertThat(snapshot.key).isEqualTo(PATIENT));
        PatientGradesSnapshot latest = snapshots.getLast().value;
        assertThat(latest.catalogueVersion()).isEqualTo(CriteriaCatalogue.VERSION);
        assertThat(latest.grades())
                .extracting(CurrentGrade::criterion, CurrentGrade::grade)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(Criterion.NEUTROPHIL_COUNT_DECREASED, 2),
                        org.assertj.core.groups.Tuple.tuple(Criterion.PLATELET_COUNT_DECREASED, 3));
        assertThat(latest.grades().stream().map(CurrentGrade::criterion).toList())
                .isSorted();
    }

    private void collect(Analyte analyte, String value, String at) {
        Instant collected = Instant.parse(at);
        String[] range = analyte == Analyte.ANC ? new String[] {"1.8", "7.7"} : new String[] {"150", "400"};
        labs.pipeInput(
                PATIENT,
                aLab(analyte)
                        .value(value)
                        .range(range[0], range[1])
                        .at(collected)
                        .build(),
                collected);
    }
}
