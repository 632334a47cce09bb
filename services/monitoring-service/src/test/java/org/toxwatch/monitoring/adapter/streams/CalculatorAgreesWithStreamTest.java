package org.toxwatch.monitoring.adapter.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.patient.PatientRecords.aPatientRecord;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.model.AdministrativeSex;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.IntracranialPressureFinding;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.LevelOfConsciousness;
import org.toxwatch.model.MotorFinding;
import org.toxwatch.model.NeurologicAssessmentRecorded;
import org.toxwatch.model.OxygenDevice;
import org.toxwatch.model.ReferenceRange;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.SeizureFinding;
import org.toxwatch.model.SupportiveDrug;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyEventRecorded;
import org.toxwatch.model.TherapyEventType;
import org.toxwatch.model.Topics;
import org.toxwatch.model.ToxicityAssessed;
import org.toxwatch.model.VitalSignsRecorded;
import org.toxwatch.monitoring.application.WhatIfCalculator;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.ClinicalEvent;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calculator and the stream must give the same assessments for the same input. A blinatumomab patient
 * with CRS, labs before and after T0, a late result and a correction is piped through the production topology
 * in arrival order and given to the calculator at once; every criterion's last published grade and evidence
 * must equal the calculator's.
 */
class CalculatorAgreesWithStreamTest {

    private static final String PATIENT = "MRN-WHATIF";
    private static final Instant T0 = Instant.parse("2026-11-10T08:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private final MonitoringSerdes serdes =
            new MonitoringSerdes(JsonMapper.builder().build());
    private final ToxicityGrader grader = new ToxicityGrader(ZONE);
    private final TopologyTestDriver driver = TopologyDrivers.driverFor(grader, serdes, new SimpleMeterRegistry());

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void theCalculatorGradesEveryCriterionAsTheStreamPublishedIt() {
        List<ClinicalEvent> arrivals = blinatumomabPatientWithCrsAndLateAndCorrectedLabs();

        Map<Criterion, ToxicityAssessed> streamed = pipeThroughTheTopology(arrivals);
        List<Assessment> calculated = new WhatIfCalculator(grader).grade(PATIENT, arrivals);

        assertThat(streamed)
                .isNotEmpty()
                .containsKeys(
                        Criterion.CYTOKINE_RELEASE_SYNDROME,
                        Criterion.NEUTROPHIL_COUNT_DECREASED,
                        Criterion.ALANINE_AMINOTRANSFERASE_INCREASED,
                        Criterion.ICANS,
                        Criterion.BLINCYTO_ACTION);
        for (ToxicityAssessed published : streamed.values()) {
            assertThat(gradeOf(calculated, published.criterion()))
                    .as("last published grade of " + published.criterionId())
                    .isEqualTo(published.grade());
        }
        assertThat(calculated.stream().filter(Assessment::isGraded).map(Assessment::criterion))
                .containsExactlyInAnyOrderElementsOf(streamed.keySet());

        // The stream publishes on grade changes only, so its newest evidence is in its store, not on the topic:
        // the state it folded from out-of-order arrivals must grade exactly like the calculator's replay.
        PatientState stored = driver.<String, PatientState>getKeyValueStore(MonitoringTopology.PATIENT_STATE_STORE)
                .get(PATIENT);
        assertThat(grader.assessAll(stored))
                .usingRecursiveFieldByFieldElementComparator()
                .containsExactlyInAnyOrderElementsOf(calculated);
    }

    /** CRITERIA.md 4.4 by age: febrile on day 1 after CAR-T at this systolic, with a diastolic of 50 mmHg. */
    @ParameterizedTest(name = "born {0}, systolic {1} -> CRS {2} on both paths")
    @CsvSource({
        "2022-08-01, 85, 1", // 4 years: PALS limit 78
        "2020-06-01, 81, 2", // 6 years: PALS limit 82
        "2020-06-01, 82, 1",
    })
    void aChildIsGradedByThePalsLimitForAgeOnBothPaths(String birthDate, String systolic, int crsGrade) {
        var infusion = T0;
        List<ClinicalEvent> arrivals = List.of(
                new ClinicalEvent.Patient(aPatientRecord(
                        PATIENT,
                        infusion.minus(Duration.ofDays(3)),
                        LocalDate.parse(birthDate),
                        AdministrativeSex.MALE)),
                carTInfusion(infusion),
                vitals(infusion.plus(Duration.ofDays(1)), "38.6", systolic, OxygenDevice.NONE, null));

        ToxicityAssessed streamed = pipeThroughTheTopology(arrivals).get(Criterion.CYTOKINE_RELEASE_SYNDROME);
        Assessment calculated = new WhatIfCalculator(grader)
                .grade(PATIENT, arrivals).stream()
                        .filter(a -> a.criterion() == Criterion.CYTOKINE_RELEASE_SYNDROME)
                        .findFirst()
                        .orElseThrow();

        assertThat(streamed.grade()).isEqualTo(crsGrade);
        assertThat(calculated.grade()).isEqualTo(crsGrade);
        assertThat(calculated.thresholds()).isEqualTo(streamed.thresholds());
        assertThat(calculated.summary()).isEqualTo(streamed.summary()).contains("(PALS, age ");
    }

    private static ClinicalEvent carTInfusion(Instant at) {
        return new ClinicalEvent.Therapy(new TherapyEventRecorded(
                UUID.randomUUID(),
                PATIENT,
                at,
                receivedAfter(at),
                "mar",
                "mar-car-t-" + at.toEpochMilli(),
                TherapyEventType.CAR_T_INFUSED,
                Therapy.CAR_T,
                "CD19/CD22 CAR-T",
                null,
                null,
                null,
                null,
                null,
                null,
                null));
    }

    private static Integer gradeOf(List<Assessment> assessments, Criterion criterion) {
        return assessments.stream()
                .filter(a -> a.criterion() == criterion)
                .findFirst()
                .orElseThrow(() -> new AssertionError("calculator did not assess " + criterion))
                .grade();
    }

    private Map<Criterion, ToxicityAssessed> pipeThroughTheTopology(List<ClinicalEvent> arrivals) {
        var labs = driver.createInputTopic(
                Topics.LAB_RESULTS, new StringSerializer(), serdes.labResults().serializer());
        var vitals = driver.createInputTopic(
                Topics.VITAL_SIGNS, new StringSerializer(), serdes.vitalSigns().serializer());
        var therapy = driver.createInputTopic(
                Topics.THERAPY_EVENTS,
                new StringSerializer(),
                serdes.therapyEvents().serializer());
        var neuro = driver.createInputTopic(
                Topics.NEURO_ASSESSMENTS,
                new StringSerializer(),
                serdes.neuroAssessments().serializer());
        var patients = TopologyDrivers.patients(driver, serdes);
        var output = driver.createOutputTopic(
                Topics.ASSESSMENTS,
                new StringDeserializer(),
                serdes.assessments().deserializer());
        for (ClinicalEvent event : arrivals) {
            switch (event) {
                case ClinicalEvent.Lab lab -> labs.pipeInput(PATIENT, lab.event(), lab.eventTime());
                case ClinicalEvent.Vitals vital -> vitals.pipeInput(PATIENT, vital.event(), vital.eventTime());
                case ClinicalEvent.Therapy given -> therapy.pipeInput(PATIENT, given.event(), given.eventTime());
                case ClinicalEvent.Neuro assessed -> neuro.pipeInput(PATIENT, assessed.event(), assessed.eventTime());
                case ClinicalEvent.Finding finding -> throw new IllegalArgumentException("no findings in this course");
                case ClinicalEvent.Plan plan -> throw new IllegalArgumentException("no plans in this course");
                case ClinicalEvent.Patient patient -> patients.pipeInput(PATIENT, patient.event(), patient.eventTime());
            }
        }
        var lastPublished = new LinkedHashMap<Criterion, ToxicityAssessed>();
        output.readValuesToList().forEach(a -> lastPublished.put(a.criterion(), a));
        lastPublished.values().removeIf(a -> a.grade() == null);
        return lastPublished;
    }

    /**
     * In arrival order: the ALT of day 2 arrives late, the ANC of day 1 is corrected, and a neurological
     * assessment charted before the newest one arrives after it.
     */
    private static List<ClinicalEvent> blinatumomabPatientWithCrsAndLateAndCorrectedLabs() {
        var events = new ArrayList<ClinicalEvent>();
        events.add(lab("1742-6", "25", "U/L", T0.minus(Duration.ofDays(2)), null, "40", "alt-0"));
        events.add(lab("751-8", "2.6", "10*9/L", T0.minus(Duration.ofDays(2)), "1.8", "7.7", "anc-0"));
        events.add(therapy(TherapyEventType.ENROLLED, T0, null, null));
        events.add(therapy(TherapyEventType.INFUSION_STARTED, T0, null, null));
        events.add(vitals(T0.plus(Duration.ofHours(6)), "38.4", null, OxygenDevice.NONE, null));
        events.add(lab("751-8", "0.9", "10*9/L", T0.plus(Duration.ofDays(1)), "1.8", "7.7", "anc-1"));
        events.add(vitals(T0.plus(Duration.ofHours(30)), "39.2", "84", OxygenDevice.NASAL_CANNULA, "3"));
        events.add(therapy(
                TherapyEventType.SUPPORTIVE_DRUG_GIVEN, T0.plus(Duration.ofHours(31)), SupportiveDrug.VASOPRESSOR, 1));
        events.add(correction("751-8", "0.45", "10*9/L", T0.plus(Duration.ofDays(1)), "anc-1"));
        events.add(therapy(
                TherapyEventType.SUPPORTIVE_DRUG_GIVEN,
                T0.plus(Duration.ofHours(32)),
                SupportiveDrug.TOCILIZUMAB,
                null));
        events.add(lab("1742-6", "230", "U/L", T0.plus(Duration.ofDays(3)), null, "40", "alt-3"));
        events.add(lab("1742-6", "130", "U/L", T0.plus(Duration.ofDays(2)), null, "40", "alt-2"));
        events.add(vitals(T0.plus(Duration.ofHours(40)), "37.2", "112", OxygenDevice.NONE, null));
        events.add(neuro(T0.plus(Duration.ofHours(20)), 9, LevelOfConsciousness.ALERT));
        events.add(neuro(T0.plus(Duration.ofHours(44)), 5, LevelOfConsciousness.AWAKENS_TO_VOICE));
        events.add(neuro(T0.plus(Duration.ofHours(36)), 2, LevelOfConsciousness.ALERT));
        return events;
    }

    private static int received;

    private static Instant receivedAfter(Instant clinical) {
        return clinical.plus(Duration.ofMinutes(30 + received++));
    }

    private static ClinicalEvent lab(
            String loinc, String value, String unit, Instant at, String low, String high, String observationId) {
        return new ClinicalEvent.Lab(new LabResultRecorded(
                UUID.randomUUID(),
                PATIENT,
                at,
                receivedAfter(at),
                "lis",
                "msg-" + observationId,
                observationId,
                loinc,
                new BigDecimal(value),
                unit,
                new ReferenceRange(low == null ? null : new BigDecimal(low), new BigDecimal(high)),
                ResultStatus.FINAL));
    }

    private static ClinicalEvent correction(String loinc, String value, String unit, Instant at, String observationId) {
        return new ClinicalEvent.Lab(new LabResultRecorded(
                UUID.randomUUID(),
                PATIENT,
                at,
                receivedAfter(at).plus(Duration.ofHours(2)),
                "lis",
                "msg-" + observationId + "-c",
                observationId,
                loinc,
                new BigDecimal(value),
                unit,
                new ReferenceRange(new BigDecimal("1.8"), new BigDecimal("7.7")),
                ResultStatus.CORRECTED));
    }

    private static ClinicalEvent vitals(Instant at, String celsius, String systolic, OxygenDevice device, String flow) {
        return new ClinicalEvent.Vitals(new VitalSignsRecorded(
                UUID.randomUUID(),
                PATIENT,
                at,
                receivedAfter(at),
                "icu",
                "vs-" + at.toEpochMilli(),
                new BigDecimal(celsius),
                null,
                systolic == null ? null : new BigDecimal(systolic),
                null,
                null,
                null,
                null,
                device,
                flow == null ? null : new BigDecimal(flow),
                null,
                ResultStatus.FINAL));
    }

    private static ClinicalEvent neuro(Instant at, int iceScore, LevelOfConsciousness consciousness) {
        return new ClinicalEvent.Neuro(new NeurologicAssessmentRecorded(
                UUID.randomUUID(),
                PATIENT,
                at,
                receivedAfter(at),
                "charting",
                "neuro-" + at.toEpochMilli(),
                iceScore,
                null,
                consciousness,
                SeizureFinding.NONE,
                MotorFinding.NONE,
                IntracranialPressureFinding.NONE,
                ResultStatus.FINAL));
    }

    private static ClinicalEvent therapy(TherapyEventType type, Instant at, SupportiveDrug drug, Integer vasopressors) {
        return new ClinicalEvent.Therapy(new TherapyEventRecorded(
                UUID.randomUUID(),
                PATIENT,
                at,
                receivedAfter(at),
                "mar",
                "mar-" + type + "-" + at.toEpochMilli(),
                type,
                drug == null ? Therapy.BLINATUMOMAB : null,
                drug == null ? "BLINCYTO" : null,
                drug == null ? 1 : null,
                drug == null ? 1 : null,
                null,
                null,
                drug,
                vasopressors,
                vasopressors == null ? null : false));
    }
}
