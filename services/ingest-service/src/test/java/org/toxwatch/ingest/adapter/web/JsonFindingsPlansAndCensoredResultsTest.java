package org.toxwatch.ingest.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.toxwatch.ingest.application.InMemoryInboundArchive;
import org.toxwatch.ingest.application.IngestMonitor;
import org.toxwatch.ingest.application.RecordClinicalEvents;
import org.toxwatch.ingest.application.RecordClinicalEvents.Outcome;
import org.toxwatch.ingest.application.RecordingEventPublisher;
import org.toxwatch.ingest.domain.LocalCodes;
import org.toxwatch.ingest.domain.ObservationValidator;
import org.toxwatch.ingest.domain.TherapyEvents;
import org.toxwatch.ingest.domain.Violation;
import org.toxwatch.model.ClinicalFinding;
import org.toxwatch.model.ClinicalFindingRecorded;
import org.toxwatch.model.DosePlanned;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.SpecimenCondition;
import org.toxwatch.model.TimePrecision;
import org.toxwatch.model.Topics;
import org.toxwatch.model.ValueComparator;
import tools.jackson.databind.json.JsonMapper;

/** The JSON entry point for clinician findings, planned doses and results as laboratories report them. */
class JsonFindingsPlansAndCensoredResultsTest {

    private static final String SENDER = "ward-app";
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    private final RecordingEventPublisher publisher = new RecordingEventPublisher();
    private int countedNotMonitored;
    private final JsonIntake intake = new JsonIntake(
            new RecordClinicalEvents(
                    new ObservationValidator(Duration.ofMinutes(5)),
                    new TherapyEvents(Duration.ofMinutes(5)),
                    new LocalCodes(Map.of()),
                    publisher,
                    new InMemoryInboundArchive(),
                    Clock.fixed(NOW, ZoneOffset.UTC)),
            new IngestMonitor() {
                @Override
                public void answered(String protocol, Answer answer, Duration waited) {}

                @Override
                public void rejected(String protocol, String reason) {}

                @Override
                public void notMonitored(String protocol, int results) {
                    countedNotMonitored += results;
                }
            },
            JsonMapper.builder().build());

    @Test
    void aVodDiagnosisByNameIsAFindingOnItsTopic() {
        var outcome = intake.clinicalFindings("""
                {"patientId":"MRN-0010","finding":"VOD_SOS_DIAGNOSED","observedAt":"2026-11-22T10:00:00Z",
                 "sourceFindingId":"dx-4","sourceMessageId":"dx-4-1"}""", SENDER);

        assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
        assertThat(publisher.payloadsOn(Topics.CLINICAL_FINDINGS))
                .singleElement()
                .satisfies(payload -> {
                    var finding = (ClinicalFindingRecorded) payload;
                    assertThat(finding.finding()).isEqualTo(ClinicalFinding.VOD_SOS_DIAGNOSED);
                    assertThat(finding.present()).isTrue();
                });
    }

    @Test
    void anUnknownFindingCodeIsRejectedAndKept() {
        var outcome = intake.clinicalFindings("""
                {"patientId":"MRN-0010","code":"http://snomed.info/sct|22298006","observedAt":"2026-11-22T10:00:00Z",
                 "sourceMessageId":"dx-5-1"}""", SENDER);

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        Outcome.Rejected.class,
                        rejected -> assertThat(rejected.violations())
                                .extracting(Violation::field)
                                .containsExactly("code"));
        assertThat(publisher.payloadsOn(Topics.CLINICAL_FINDINGS_DLT)).hasSize(1);
    }

    @Test
    void aPlannedC1d1DoseIsADosePlanNotATherapyEvent() {
        var outcome = intake.dosePlans("""
                {"patientId":"MRN-0010","therapy":"INOTUZUMAB_OZOGAMICIN","cycle":1,"cycleDay":1,
                 "plannedFor":"2026-11-24T09:00:00Z","orderedAt":"2026-11-23T07:30:00Z","dose":0.8,"doseUnit":"mg/m2",
                 "sourcePlanId":"ord-9","sourceMessageId":"ord-9-1"}""", SENDER);

        assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
        assertThat(publisher.payloadsOn(Topics.DOSE_PLANS)).singleElement().satisfies(payload -> {
            var plan = (DosePlanned) payload;
            assertThat(plan.cycle()).isEqualTo(1);
            assertThat(plan.cycleDay()).isEqualTo(1);
            assertThat(plan.plannedFor()).isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
        });
        assertThat(publisher.payloadsOn(Topics.THERAPY_EVENTS)).isEmpty();
    }

    @Test
    void aCensoredAncWithFlagsAndAHemolyzedSpecimenIsStoredAsSent() {
        var outcome = intake.observations("""
                {"patientId":"MRN-0001","loinc":"751-8","comparator":"<","value":0.1,"unit":"K/uL",
                 "effectiveTime":"2026-11-22T06:00:00Z","abnormalFlags":["LL"],"specimenConditions":["hemolyzed"],
                 "sourceMessageId":"lab-43"}""", SENDER);

        assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
        assertThat(publisher.payloadsOn(Topics.LAB_RESULTS)).singleElement().satisfies(payload -> {
            var anc = (LabResultRecorded) payload;
            assertThat(anc.comparator()).isEqualTo(ValueComparator.LESS_THAN);
            assertThat(anc.value()).isEqualByComparingTo("0.1");
            assertThat(anc.ucumUnit()).isEqualTo("10*9/L");
            assertThat(anc.reportedUnit()).isEqualTo("K/uL");
            assertThat(anc.abnormalFlags()).containsExactly("LL");
            assertThat(anc.specimenConditions()).containsExactly(SpecimenCondition.HEMOLYZED);
        });
    }

    @Test
    void aCollectionKnownOnlyToTheDayIsThatDaysStartWithDayPrecision() {
        var outcome = intake.observations("""
                {"patientId":"MRN-0001","loinc":"751-8","value":0.4,"unit":"10*9/L","effectiveDate":"2026-11-20",
                 "sourceMessageId":"lab-46"}""", SENDER);

        assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
        var anc = (LabResultRecorded) publisher.payloadsOn(Topics.LAB_RESULTS).getFirst();
        assertThat(anc.observedAt()).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(anc.observedAtPrecision()).isEqualTo(TimePrecision.DAY);
    }

    @Test
    void aComparatorThatIsNoneOfTheFourIsRejectedAtItsItem() {
        var outcome = intake.observations("""
                [{"patientId":"MRN-0001","loinc":"751-8","value":0.4,"unit":"10*9/L",
                  "effectiveTime":"2026-11-22T06:00:00Z","sourceMessageId":"lab-44"},
                 {"patientId":"MRN-0001","loinc":"751-8","comparator":"<<","value":0.1,"unit":"10*9/L",
                  "effectiveTime":"2026-11-22T06:00:00Z","sourceMessageId":"lab-44"}]""", SENDER);

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        Outcome.Rejected.class,
                        rejected -> assertThat(rejected.violations())
                                .extracting(Violation::field)
                                .containsExactly("[1].comparator"));
    }

    @Test
    void aMixedBatchStoresTheGradedResultAndCountsTheUnmonitoredOneSkipped() {
        var outcome = intake.observations("""
                [{"patientId":"MRN-0001","loinc":"751-8","value":0.4,"unit":"10*9/L",
                  "effectiveTime":"2026-11-22T06:00:00Z","sourceMessageId":"lab-45"},
                 {"patientId":"MRN-0001","loinc":"789-8","value":3.1,"unit":"10*12/L",
                  "effectiveTime":"2026-11-22T06:00:00Z","sourceMessageId":"lab-45"}]""", SENDER);

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Accepted.class, accepted -> {
            assertThat(accepted.stored()).isEqualTo(1);
            assertThat(accepted.skipped()).isEqualTo(1);
        });
        assertThat(countedNotMonitored)
                .as("results counted as skipped, not monitored")
                .isEqualTo(1);
    }
}
