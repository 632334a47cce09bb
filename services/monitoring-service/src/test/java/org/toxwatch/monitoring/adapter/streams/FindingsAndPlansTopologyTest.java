package org.toxwatch.monitoring.adapter.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.monitoring.domain.ClinicianInputs.found;
import static org.toxwatch.monitoring.domain.ClinicianInputs.plan;
import static org.toxwatch.monitoring.domain.ClinicianInputs.planned;
import static org.toxwatch.monitoring.domain.PatientEvents.PATIENT;
import static org.toxwatch.monitoring.domain.PatientEvents.aLab;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.ClinicalFinding;
import org.toxwatch.model.ClinicalFindingRecorded;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.DosePlanned;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.RejectedInput;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.Topics;
import org.toxwatch.model.ToxicityAssessed;
import org.toxwatch.monitoring.domain.ClinicianInputs;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import org.toxwatch.monitoring.domain.dosing.BesponsaPreDoseDecision;
import org.toxwatch.monitoring.domain.units.Analyte;
import tools.jackson.databind.json.JsonMapper;

/**
 * Clinician findings and planned doses on their own topics reach the grading processor like every other clinical
 * input: a planned first dose is decided, a VOD diagnosis discontinues it, a cancellation withdraws it, and a record
 * that cannot be graded goes to the dead-letter topic of its own topic while the stream goes on.
 */
class FindingsAndPlansTopologyTest {

    private static final Instant C1D1 = Instant.parse("2027-06-01T09:00:00Z");

    private final MonitoringSerdes serdes =
            new MonitoringSerdes(JsonMapper.builder().build());
    private final SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();
    private final TopologyTestDriver driver =
            TopologyDrivers.driverFor(new ToxicityGrader(ZoneId.of("Europe/Berlin")), serdes, meterRegistry);
    private final TestInputTopic<String, LabResultRecorded> labs = TopologyDrivers.labResults(driver, serdes);
    private final TestInputTopic<String, ClinicalFindingRecorded> findings = driver.createInputTopic(
            Topics.CLINICAL_FINDINGS,
            new StringSerializer(),
            serdes.clinicalFindings().serializer());
    private final TestInputTopic<String, DosePlanned> plans = driver.createInputTopic(
            Topics.DOSE_PLANS, new StringSerializer(), serdes.dosePlans().serializer());
    private final TestOutputTopic<String, ToxicityAssessed> assessments = TopologyDrivers.assessments(driver, serdes);

    @AfterEach
    void close() {
        driver.close();
    }

    private void normalLabsTheDayBefore() {
        var at = C1D1.minus(Duration.ofDays(1));
        labs.pipeInput(
                PATIENT,
                aLab(Analyte.ANC).value("2.0").range("1.8", "7.7").at(at).build());
        labs.pipeInput(
                PATIENT,
                aLab(Analyte.PLATELETS).value("150").range("150", "400").at(at).build());
        labs.pipeInput(
                PATIENT,
                aLab(Analyte.TOTAL_BILIRUBIN)
                        .value("10")
                        .unit("umol/L")
                        .range("3", "21")
                        .at(at)
                        .build());
        labs.pipeInput(
                PATIENT, aLab(Analyte.AST).value("30").range("10", "40").at(at).build());
        labs.pipeInput(
                PATIENT, aLab(Analyte.ALT).value("25").range("7", "45").at(at).build());
    }

    private List<ToxicityAssessed> besponsaDecisions() {
        return assessments.readValuesToList().stream()
                .filter(a -> a.criterion() == Criterion.BESPONSA_PRE_DOSE)
                .toList();
    }

    @Test
    void aPlannedFirstDoseIsDecidedAndAVodDiagnosisThenDiscontinuesIt() {
        normalLabsTheDayBefore();

        plans.pipeInput(PATIENT, planned(C1D1.minus(Duration.ofHours(20)), C1D1, 1, 1));

        assertThat(besponsaDecisions()).singleElement().satisfies(decision -> {
            assertThat(decision.grade()).isEqualTo(BesponsaPreDoseDecision.PROCEED_GRADE);
            assertThat(decision.summary()).startsWith("For the planned dose, cycle 1 day 1, planned for " + C1D1);
        });

        findings.pipeInput(PATIENT, found(ClinicalFinding.VOD_SOS_DIAGNOSED, C1D1.minus(Duration.ofHours(2))));

        assertThat(besponsaDecisions()).singleElement().satisfies(decision -> {
            assertThat(decision.grade()).isEqualTo(BesponsaPreDoseDecision.DISCONTINUE_GRADE);
            assertThat(decision.previousGrade()).isEqualTo(BesponsaPreDoseDecision.PROCEED_GRADE);
            assertThat(decision.evidence()).anySatisfy(e -> assertThat(e.code()).isEqualTo("VOD_SOS_DIAGNOSED"));
        });
    }

    @Test
    void aCancelledPlanWithdrawsItsPublishedDecision() {
        normalLabsTheDayBefore();
        plans.pipeInput(
                PATIENT,
                plan(
                        PATIENT,
                        Therapy.INOTUZUMAB_OZOGAMICIN,
                        C1D1.minus(Duration.ofHours(20)),
                        C1D1,
                        1,
                        1,
                        "order-1",
                        false));
        besponsaDecisions();

        plans.pipeInput(
                PATIENT,
                plan(
                        PATIENT,
                        Therapy.INOTUZUMAB_OZOGAMICIN,
                        C1D1.minus(Duration.ofHours(2)),
                        C1D1,
                        1,
                        1,
                        "order-1",
                        true));

        assertThat(besponsaDecisions()).singleElement().satisfies(withdrawal -> {
            assertThat(withdrawal.grade()).isNull();
            assertThat(withdrawal.previousGrade()).isEqualTo(BesponsaPreDoseDecision.PROCEED_GRADE);
            assertThat(withdrawal.notAssessableReason()).contains("was cancelled");
        });
    }

    @Test
    void aFindingKeyedByAnotherPatientGoesToTheFindingsDeadLetterTopicAndTheNextPatientIsGraded() {
        TestOutputTopic<String, RejectedInput> deadLetters = driver.createOutputTopic(
                Topics.CLINICAL_FINDINGS_DLT,
                new StringDeserializer(),
                serdes.deadLetters().deserializer());

        findings.pipeInput("someone-else", found(ClinicalFinding.ASCITES, C1D1));
        labs.pipeInput(PATIENT, aLab(Analyte.ANC).value("0.4").at(C1D1).build());

        assertThat(deadLetters.readValuesToList()).singleElement().satisfies(deadLetter -> {
            assertThat(deadLetter.targetTopic()).isEqualTo(Topics.CLINICAL_FINDINGS);
            assertThat(deadLetter.reasons())
                    .containsExactly("monitoring could not grade this event while checking the event: the record"
                            + " key is not the event's patient id");
        });
        assertThat(assessments.readValuesToList())
                .extracting(ToxicityAssessed::patientId)
                .contains(PATIENT);
    }

    @Test
    void aPlanOrderedDaysAheadOfTheClockGoesToThePlansDeadLetterTopic() {
        TestOutputTopic<String, RejectedInput> deadLetters = driver.createOutputTopic(
                Topics.DOSE_PLANS_DLT,
                new StringDeserializer(),
                serdes.deadLetters().deserializer());
        var future = TopologyDrivers.PRODUCED_AT.plus(Duration.ofDays(3));

        plans.pipeInput(PATIENT, ClinicianInputs.planned(future, future.plus(Duration.ofDays(1)), 1, 1));

        assertThat(deadLetters.readValuesToList()).singleElement().satisfies(deadLetter -> {
            assertThat(deadLetter.targetTopic()).isEqualTo(Topics.DOSE_PLANS);
            assertThat(deadLetter.reasons()).singleElement().asString().contains("the clinical time is outside");
            assertThat(deadLetter.rawPayload()).contains("INOTUZUMAB_OZOGAMICIN");
        });
        assertThat(driver.getKeyValueStore(MonitoringTopology.PATIENT_STATE_STORE)
                        .get(PATIENT))
                .isNull();
    }

    @Test
    void unreadableRecordsAreCountedAsPoisonOfTheirOwnTopicAndTheStreamGoesOn() {
        for (String topic : List.of(Topics.CLINICAL_FINDINGS, Topics.DOSE_PLANS)) {
            driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer())
                    .pipeInput(PATIENT, "not json".getBytes(StandardCharsets.UTF_8));
        }
        labs.pipeInput(PATIENT, aLab(Analyte.ANC).value("0.4").at(C1D1).build());

        for (String topic : List.of(Topics.CLINICAL_FINDINGS, Topics.DOSE_PLANS)) {
            assertThat(meterRegistry
                            .counter("toxwatch.monitoring.poison.records", "topic", topic)
                            .count())
                    .as(topic)
                    .isEqualTo(1.0);
        }
        assertThat(assessments.readValuesToList())
                .extracting(ToxicityAssessed::patientId)
                .contains(PATIENT);
    }
}
