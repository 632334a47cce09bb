package org.toxwatch.monitoring.adapter.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.ClinicianInputs.found;
import static org.toxwatch.monitoring.domain.ClinicianInputs.planned;
import static org.toxwatch.monitoring.domain.ClinicianInputs.withdrawn;
import static org.toxwatch.monitoring.domain.PatientEvents.PATIENT;
import static org.toxwatch.monitoring.domain.PatientEvents.aLab;
import static org.toxwatch.monitoring.domain.PatientEvents.dose;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.ClinicalFinding;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.Topics;
import org.toxwatch.model.ToxicityAssessed;
import org.toxwatch.monitoring.application.WhatIfCalculator;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.ClinicalEvent;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import org.toxwatch.monitoring.domain.dosing.BesponsaPreDoseDecision;
import org.toxwatch.monitoring.domain.units.Analyte;
import tools.jackson.databind.json.JsonMapper;

/**
 * The BESPONSA decision the calculator gives for a course of planned doses and clinician findings is the one the
 * stream publishes for the same course, arriving out of order: C1D1 planned and decided, given, C1D8 planned and
 * held for liver tests, then discontinued by a VOD diagnosis that a late, earlier-charted withdrawal does not lift.
 */
class BesponsaCourseAgreesWithStreamTest {

    private static final Instant C1D1 = Instant.parse("2027-06-01T09:00:00Z");

    private final MonitoringSerdes serdes =
            new MonitoringSerdes(JsonMapper.builder().build());
    private final ToxicityGrader grader = new ToxicityGrader(ZoneId.of("Europe/Berlin"));
    private final TopologyTestDriver driver = TopologyDrivers.driverFor(grader, serdes, new SimpleMeterRegistry());

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void theCalculatorDecidesEveryPlannedDoseAsTheStreamPublishedIt() {
        List<ClinicalEvent> arrivals = plannedCourseWithAVodDiagnosis();

        List<ToxicityAssessed> decisions = pipeThroughTheTopology(arrivals).stream()
                .filter(a -> a.criterion() == Criterion.BESPONSA_PRE_DOSE)
                .toList();
        List<Assessment> calculated = new WhatIfCalculator(grader).grade(PATIENT, arrivals);

        assertThat(decisions)
                .extracting(ToxicityAssessed::grade)
                .containsExactly(
                        BesponsaPreDoseDecision.PROCEED_GRADE,
                        BesponsaPreDoseDecision.HOLD_GRADE,
                        BesponsaPreDoseDecision.DISCONTINUE_GRADE);
        assertThat(decisions.getFirst().summary()).startsWith("For the planned dose, cycle 1 day 1, ");
        assertThat(decisions.getLast().summary()).startsWith("For the planned dose, cycle 1 day 8, ");
        var calculatedDecision = calculated.stream()
                .filter(a -> a.criterion() == Criterion.BESPONSA_PRE_DOSE)
                .findFirst()
                .orElseThrow();
        assertThat(calculatedDecision.grade()).isEqualTo(decisions.getLast().grade());
        assertThat(calculatedDecision.summary()).isEqualTo(decisions.getLast().summary());
        assertThat(calculatedDecision.evidence())
                .containsExactlyInAnyOrderElementsOf(decisions.getLast().evidence());

        PatientState stored = driver.<String, PatientState>getKeyValueStore(MonitoringTopology.PATIENT_STATE_STORE)
                .get(PATIENT);
        assertThat(grader.assessAll(stored))
                .usingRecursiveFieldByFieldElementComparator()
                .containsExactlyInAnyOrderElementsOf(calculated);
    }

    private List<ToxicityAssessed> pipeThroughTheTopology(List<ClinicalEvent> arrivals) {
        var labs = TopologyDrivers.labResults(driver, serdes);
        var therapy = TopologyDrivers.therapyEvents(driver, serdes);
        var findings = driver.createInputTopic(
                Topics.CLINICAL_FINDINGS,
                new StringSerializer(),
                serdes.clinicalFindings().serializer());
        var plans = driver.createInputTopic(
                Topics.DOSE_PLANS, new StringSerializer(), serdes.dosePlans().serializer());
        for (ClinicalEvent event : arrivals) {
            switch (event) {
                case ClinicalEvent.Lab lab -> labs.pipeInput(PATIENT, lab.event(), lab.eventTime());
                case ClinicalEvent.Therapy given -> therapy.pipeInput(PATIENT, given.event(), given.eventTime());
                case ClinicalEvent.Finding finding -> findings.pipeInput(PATIENT, finding.event(), finding.eventTime());
                case ClinicalEvent.Plan plan -> plans.pipeInput(PATIENT, plan.event(), plan.eventTime());
                default -> throw new IllegalArgumentException("not in this course: " + event);
            }
        }
        return TopologyDrivers.assessments(driver, serdes).readValuesToList();
    }

    /** In arrival order. */
    private static List<ClinicalEvent> plannedCourseWithAVodDiagnosis() {
        var events = new ArrayList<ClinicalEvent>();
        labs(events, C1D1.minus(Duration.ofDays(1)), "10", "30");
        events.add(new ClinicalEvent.Plan(planned(C1D1.minus(Duration.ofDays(3)), C1D1, 1, 1)));
        events.add(new ClinicalEvent.Therapy(dose(Therapy.INOTUZUMAB_OZOGAMICIN, C1D1, 1, 1)));
        events.add(new ClinicalEvent.Plan(planned(C1D1.plus(Duration.ofDays(1)), C1D1.plus(Duration.ofDays(7)), 1, 8)));
        // bilirubin 31.6 umol/L > 1.5 x ULN 21, AST 101 U/L > 2.5 x ULN 40: HEPATIC hold (8.2 rule 2)
        labs(events, C1D1.plus(Duration.ofDays(6)), "31.6", "101");
        events.add(new ClinicalEvent.Finding(found(ClinicalFinding.ASCITES, C1D1.plus(Duration.ofDays(6)))));
        events.add(new ClinicalEvent.Finding(found(
                ClinicalFinding.VOD_SOS_DIAGNOSED, C1D1.plus(Duration.ofDays(7)).minus(Duration.ofHours(2)))));
        events.add(
                new ClinicalEvent.Finding(withdrawn(ClinicalFinding.VOD_SOS_DIAGNOSED, C1D1.plus(Duration.ofDays(6)))));
        return events;
    }

    /** Normal counts; bilirubin in umol/L (ULN 21) and AST (ULN 40) as given; ALT 25 U/L (ULN 45). */
    private static void labs(List<ClinicalEvent> events, Instant at, String bilirubin, String ast) {
        events.add(lab(aLab(Analyte.ANC).value("2.0").range("1.8", "7.7").at(at)));
        events.add(lab(aLab(Analyte.PLATELETS).value("150").range("150", "400").at(at)));
        events.add(lab(aLab(Analyte.TOTAL_BILIRUBIN)
                .value(bilirubin)
                .unit("umol/L")
                .range("3", "21")
                .at(at)));
        events.add(lab(aLab(Analyte.AST).value(ast).range("10", "40").at(at)));
        events.add(lab(aLab(Analyte.ALT).value("25").range("7", "45").at(at)));
    }

    private static ClinicalEvent lab(org.toxwatch.monitoring.domain.PatientEvents.Lab lab) {
        return new ClinicalEvent.Lab(lab.build());
    }
}
