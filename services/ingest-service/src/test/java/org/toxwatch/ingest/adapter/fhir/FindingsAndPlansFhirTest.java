package org.toxwatch.ingest.adapter.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.ingest.adapter.fhir.FhirFixtures.FHIR;
import static org.toxwatch.ingest.adapter.fhir.FhirFixtures.json;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.toxwatch.ingest.application.InMemoryInboundArchive;
import org.toxwatch.ingest.application.RecordClinicalEvents;
import org.toxwatch.ingest.application.RecordingEventPublisher;
import org.toxwatch.ingest.domain.LocalCodes;
import org.toxwatch.ingest.domain.ObservationValidator;
import org.toxwatch.ingest.domain.TherapyEvents;
import org.toxwatch.model.ClinicalFinding;
import org.toxwatch.model.ClinicalFindingRecorded;
import org.toxwatch.model.DosePlanned;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.Topics;

/** Clinician findings (Condition) and planned doses (MedicationRequest) through the FHIR entry point. */
class FindingsAndPlansFhirTest {

    private static final String SENDER = "DEMO-EHR";
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    private final RecordingEventPublisher publisher = new RecordingEventPublisher();
    private final FhirIngest ingest = new FhirIngest(
            new FhirJson(FHIR),
            new RecordClinicalEvents(
                    new ObservationValidator(Duration.ofMinutes(5)),
                    new TherapyEvents(Duration.ofMinutes(5)),
                    new LocalCodes(Map.of()),
                    publisher,
                    new InMemoryInboundArchive(),
                    Clock.fixed(NOW, ZoneOffset.UTC)),
            new FhirIngestTest.CountingMonitor());

    private final String vod = json("condition-vod-diagnosed.json");
    private final String c1d1 = json("medication-request-inotuzumab-c1d1.json");

    @Test
    void aVodDiagnosisIsRecordedOnTheFindingsTopicAndItsResendAddsNothing() {
        var created = ingest.create("Condition", vod, SENDER);
        var resent = ingest.create("Condition", vod, SENDER);

        assertThat(created.status()).isEqualTo(201);
        assertThat(publisher.payloadsOn(Topics.CLINICAL_FINDINGS))
                .singleElement()
                .satisfies(payload -> {
                    var finding = (ClinicalFindingRecorded) payload;
                    assertThat(finding.finding()).isEqualTo(ClinicalFinding.VOD_SOS_DIAGNOSED);
                    assertThat(finding.present()).isTrue();
                    assertThat(finding.patientId()).isEqualTo("MRN-0010");
                    assertThat(finding.sourceCode()).isEqualTo("http://snomed.info/sct|65617004");
                    assertThat(finding.observedAt()).isEqualTo(Instant.parse("2026-11-20T09:30:00Z"));
                });
        assertThat(resent.status()).isEqualTo(200);
        assertThat(eventIdsOf(resent.body())).isEqualTo(eventIdsOf(created.body()));
    }

    @Test
    void aConditionWithACodeOutsideTheFindingTableIsRejectedAtTheCodingAndKept() {
        var answer = ingest.create("Condition", vod.replace("65617004", "38739001"), SENDER);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(errors(answer.body())).singleElement().satisfies(issue -> {
            assertThat(issue.getExpression().getFirst().getValue()).isEqualTo("Condition.code.coding[0]");
            assertThat(issue.getDiagnostics())
                    .contains("http://snomed.info/sct|38739001")
                    .contains("is not a finding ToxWatch knows")
                    .contains("urn:toxwatch:finding");
        });
        assertThat(publisher.payloadsOn(Topics.CLINICAL_FINDINGS)).isEmpty();
        assertThat(publisher.payloadsOn(Topics.CLINICAL_FINDINGS_DLT)).hasSize(1);
    }

    @Test
    void anObservationCodedAsAFindingIsRecordedWithTheFindingsAndRejectedToTheirDeadLetters() {
        String ascites = """
                {"resourceType":"Observation","identifier":[{"system":"urn:exam","value":"EX-%s"}],"status":"final",
                 "code":{"coding":[{"system":"%s","code":"%s"}]},"subject":{"reference":"Patient/MRN-0010"},
                 "effectiveDateTime":"2026-11-22T09:00:00Z"}""";

        var recorded =
                ingest.create("Observation", ascites.formatted(1, "http://snomed.info/sct", "389026000"), SENDER);
        var refused = ingest.create("Observation", ascites.formatted(2, "urn:toxwatch:finding", "JAUNDICE"), SENDER);

        assertThat(recorded.status()).isEqualTo(201);
        assertThat(publisher.payloadsOn(Topics.CLINICAL_FINDINGS))
                .singleElement()
                .satisfies(payload -> assertThat(((ClinicalFindingRecorded) payload).finding())
                        .isEqualTo(ClinicalFinding.ASCITES));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(publisher.payloadsOn(Topics.CLINICAL_FINDINGS_DLT)).hasSize(1);
        assertThat(publisher.payloadsOn(Topics.LAB_RESULTS_DLT)).isEmpty();
    }

    @Test
    void anInotuzumabOrderIsAPlannedDoseForCycle1Day1() {
        var created = ingest.create("MedicationRequest", c1d1, SENDER);

        assertThat(created.status()).isEqualTo(201);
        assertThat(publisher.payloadsOn(Topics.DOSE_PLANS)).singleElement().satisfies(payload -> {
            var plan = (DosePlanned) payload;
            assertThat(plan.therapy()).isEqualTo(Therapy.INOTUZUMAB_OZOGAMICIN);
            assertThat(plan.cycle()).isEqualTo(1);
            assertThat(plan.cycleDay()).isEqualTo(1);
            assertThat(plan.plannedFor()).isEqualTo(Instant.parse("2026-11-21T08:00:00Z"));
            assertThat(plan.cancelled()).isFalse();
        });
        assertThat(publisher.payloadsOn(Topics.THERAPY_EVENTS)).isEmpty();
    }

    @Test
    void anOrderWithoutItsCycleIsRejectedNamingTheExtension() {
        String noCycle = c1d1.replace("urn:toxwatch:fhir:extension:treatment-cycle", "urn:other:cycle");

        var answer = ingest.create("MedicationRequest", noCycle, SENDER);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(errors(answer.body()))
                .singleElement()
                .satisfies(issue -> assertThat(issue.getExpression().getFirst().getValue())
                        .isEqualTo("MedicationRequest.extension('" + MedicationRequestMapper.CYCLE + "')"));
        assertThat(publisher.payloadsOn(Topics.DOSE_PLANS_DLT)).hasSize(1);
    }

    @Test
    void aTransactionCarriesTheDiagnosisAndThePlanTogether() {
        String transaction = """
                {"resourceType":"Bundle","type":"transaction","entry":[
                  {"resource":%s,"request":{"method":"POST","url":"Condition"}},
                  {"resource":%s,"request":{"method":"POST","url":"MedicationRequest"}}]}""".formatted(vod, c1d1);

        var answer = ingest.bundle(transaction, SENDER);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(((Bundle) answer.body()).getEntry())
                .extracting(entry -> entry.getResponse().getStatus())
                .containsExactly("201 Created", "201 Created");
        assertThat(publisher.payloadsOn(Topics.CLINICAL_FINDINGS)).hasSize(1);
        assertThat(publisher.payloadsOn(Topics.DOSE_PLANS)).hasSize(1);
    }

    private static List<OperationOutcomeIssueComponent> errors(Resource outcome) {
        return ((OperationOutcome) outcome)
                .getIssue().stream()
                        .filter(issue -> issue.getSeverity() == IssueSeverity.ERROR)
                        .toList();
    }

    private static List<String> eventIdsOf(Resource outcome) {
        return ((OperationOutcome) outcome)
                .getIssueFirstRep().getDetails().getCoding().stream()
                        .map(coding -> coding.getCode())
                        .toList();
    }
}
