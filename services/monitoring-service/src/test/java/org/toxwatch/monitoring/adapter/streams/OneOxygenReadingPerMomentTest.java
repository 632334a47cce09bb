package org.toxwatch.monitoring.adapter.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.TopologyTestDriver;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.OxygenDevice;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyEventRecorded;
import org.toxwatch.model.TherapyEventType;
import org.toxwatch.model.ToxicityAssessed;
import org.toxwatch.model.VitalSignsRecorded;
import org.toxwatch.monitoring.application.WhatIfCalculator;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.ClinicalEvent;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bedside oxygen device and its flow are one reading when measured at the same moment by the same source,
 * however they arrive: HL7 OBX segments, FHIR components and JSON items each carry one of them, so ingest makes
 * two vital-sign events. A febrile patient on a nasal cannula at 8 L/min (above 6 L/min: high flow) has CRS
 * grade 3 on the stream and in the calculator alike, whichever of the two arrives first.
 */
class OneOxygenReadingPerMomentTest {

    private static final String PATIENT = "MRN-O2";
    private static final Instant T0 = Instant.parse("2026-11-10T08:00:00Z");
    private static final Instant FEBRILE = T0.plus(Duration.ofHours(30));

    enum Arrival {
        DEVICE_THEN_FLOW,
        FLOW_THEN_DEVICE,
        IN_ONE_SET
    }

    private final MonitoringSerdes serdes =
            new MonitoringSerdes(JsonMapper.builder().build());
    private final ToxicityGrader grader = new ToxicityGrader(ZoneId.of("UTC"));
    private final TopologyTestDriver driver = TopologyDrivers.driverFor(grader, serdes, new SimpleMeterRegistry());

    @AfterEach
    void close() {
        driver.close();
    }

    @ParameterizedTest
    @EnumSource(Arrival.class)
    void aNasalCannulaAtEightLitresWithFeverIsCrsGradeThreeOnTheStreamAndInTheCalculator(Arrival arrival) {
        var events = febrileOnBlinatumomab(oxygenAt(FEBRILE, arrival, "ward-monitor", "ward-monitor"));

        assertThat(streamedCrsGrade(events)).isEqualTo(3);
        assertThat(calculatedCrsGrade(events)).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(
            value = Arrival.class,
            names = {"DEVICE_THEN_FLOW", "FLOW_THEN_DEVICE"})
    void aFlowFromAnotherSourceIsNotTheDevicesFlow(Arrival arrival) {
        var events = febrileOnBlinatumomab(oxygenAt(FEBRILE, arrival, "ward-monitor", "anaesthesia-machine"));

        // Without its flow a nasal cannula is low-flow oxygen: grade 2, as the calculator also says.
        assertThat(streamedCrsGrade(events)).isEqualTo(2);
        assertThat(calculatedCrsGrade(events)).isEqualTo(2);
    }

    private Integer streamedCrsGrade(List<ClinicalEvent> events) {
        var vitals = TopologyDrivers.vitalSigns(driver, serdes);
        var therapy = TopologyDrivers.therapyEvents(driver, serdes);
        var assessments = TopologyDrivers.assessments(driver, serdes);
        for (ClinicalEvent event : events) {
            switch (event) {
                case ClinicalEvent.Vitals vital -> vitals.pipeInput(PATIENT, vital.event(), vital.eventTime());
                case ClinicalEvent.Therapy given -> therapy.pipeInput(PATIENT, given.event(), given.eventTime());
                default -> throw new IllegalArgumentException("not in this course: " + event);
            }
        }
        return assessments.readValuesToList().stream()
                .filter(a -> a.criterion() == Criterion.CYTOKINE_RELEASE_SYNDROME)
                .map(ToxicityAssessed::grade)
                .reduce((first, last) -> last)
                .orElse(null);
    }

    private Integer calculatedCrsGrade(List<ClinicalEvent> events) {
        return new WhatIfCalculator(grader)
                .grade(PATIENT, events).stream()
                        .filter(a -> a.criterion() == Criterion.CYTOKINE_RELEASE_SYNDROME)
                        .map(Assessment::grade)
                        .findFirst()
                        .orElse(null);
    }

    private static List<ClinicalEvent> febrileOnBlinatumomab(List<ClinicalEvent> oxygen) {
        var events = new ArrayList<ClinicalEvent>();
        events.add(therapy(TherapyEventType.ENROLLED, T0));
        events.add(therapy(TherapyEventType.INFUSION_STARTED, T0));
        events.add(vitals(FEBRILE.minus(Duration.ofMinutes(30)), "ward-monitor", "39.1", null, null));
        events.addAll(oxygen);
        return events;
    }

    private static List<ClinicalEvent> oxygenAt(Instant at, Arrival arrival, String deviceSource, String flowSource) {
        return switch (arrival) {
            case DEVICE_THEN_FLOW ->
                List.of(
                        vitals(at, deviceSource, null, OxygenDevice.NASAL_CANNULA, null),
                        vitals(at, flowSource, null, null, "8"));
            case FLOW_THEN_DEVICE ->
                List.of(
                        vitals(at, flowSource, null, null, "8"),
                        vitals(at, deviceSource, null, OxygenDevice.NASAL_CANNULA, null));
            case IN_ONE_SET -> List.of(vitals(at, deviceSource, null, OxygenDevice.NASAL_CANNULA, "8"));
        };
    }

    private static ClinicalEvent vitals(
            Instant at, String source, @Nullable String celsius, @Nullable OxygenDevice device, @Nullable String flow) {
        return new ClinicalEvent.Vitals(new VitalSignsRecorded(
                UUID.randomUUID(),
                PATIENT,
                at,
                at.plusSeconds(120),
                source,
                "vs-" + UUID.randomUUID(),
                celsius == null ? null : new BigDecimal(celsius),
                null,
                null,
                null,
                null,
                null,
                null,
                device,
                flow == null ? null : new BigDecimal(flow),
                null,
                ResultStatus.FINAL));
    }

    private static ClinicalEvent therapy(TherapyEventType type, Instant at) {
        return new ClinicalEvent.Therapy(new TherapyEventRecorded(
                UUID.randomUUID(),
                PATIENT,
                at,
                at.plusSeconds(60),
                "mar",
                "mar-" + type,
                type,
                Therapy.BLINATUMOMAB,
                "BLINCYTO",
                1,
                1,
                null,
                null,
                null,
                null,
                null));
    }
}
