package org.toxwatch.ingest.adapter.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.ingest.adapter.fhir.FhirFixtures.FHIR;
import static org.toxwatch.ingest.adapter.fhir.FhirFixtures.json;
import static org.toxwatch.ingest.adapter.fhir.FhirFixtures.resource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.toxwatch.ingest.application.InMemoryInboundArchive;
import org.toxwatch.ingest.application.IngestMonitor;
import org.toxwatch.ingest.application.RecordClinicalEvents;
import org.toxwatch.ingest.application.RecordingEventPublisher;
import org.toxwatch.ingest.domain.LocalCodes;
import org.toxwatch.ingest.domain.ObservationValidator;
import org.toxwatch.ingest.domain.TherapyEvents;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.OxygenDevice;
import org.toxwatch.model.RejectedInput;
import org.toxwatch.model.SupportiveDrug;
import org.toxwatch.model.TherapyEventRecorded;
import org.toxwatch.model.Topics;
import org.toxwatch.model.VitalSignsRecorded;

/** How the FHIR entry point answers, with the production use case and in-memory ports. */
class FhirIngestTest {

    private static final String SENDER = "DEMO-LIS";
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    private final RecordingEventPublisher publisher = new RecordingEventPublisher();
    private final CountingMonitor monitor = new CountingMonitor();
    private final FhirIngest ingest = new FhirIngest(
            new FhirJson(FHIR),
            new RecordClinicalEvents(
                    new ObservationValidator(Duration.ofMinutes(5)),
                    new TherapyEvents(Duration.ofMinutes(5)),
                    new LocalCodes(Map.of(SENDER, Map.of("NEUT-ABS", "751-8"))),
                    publisher,
                    new InMemoryInboundArchive(),
                    Clock.fixed(NOW, ZoneOffset.UTC)),
            monitor);

    @Nested
    class MalformedInput {

        private final String anc = json("observation-anc-751-8.json");

        @Test
        void tenToThe309IsRefusedAtTheValueAsTooLarge() {
            var answer = ingest.create("Observation", anc.replace("\"value\": 0.4,", "\"value\": 1e309,"), SENDER);

            assertThat(answer.status()).isEqualTo(400);
            assertThat(errors(answer.body())).singleElement().satisfies(issue -> {
                assertThat(issue.getExpression().getFirst().getValue()).isEqualTo("Observation.valueQuantity.value");
                assertThat(issue.getDiagnostics()).startsWith("is too large");
            });
        }

        @Test
        void aMillionDigitValueIsRefused() {
            var answer = ingest.create(
                    "Observation", anc.replace("\"value\": 0.4,", "\"value\": " + "7".repeat(1_048_000) + ","), SENDER);

            assertThat(answer.status()).isEqualTo(400);
            assertThat(publisher.payloadsOn(Topics.LAB_RESULTS)).isEmpty();
        }

        @Test
        void aControlCharacterInThePatientIdIsRefusedAtTheSubject() {
            var answer =
                    ingest.create("Observation", anc.replace("Patient/MRN-0001", "Patient/MRN-\\u0000-0001"), SENDER);

            assertThat(answer.status()).isEqualTo(400);
            assertThat(errors(answer.body()))
                    .singleElement()
                    .satisfies(
                            issue -> assertThat(issue.getExpression().getFirst().getValue())
                                    .isEqualTo("Observation.subject"));
        }

        @Test
        void aBatchEntryWithANullResourceIsAnsweredAndKeptNotAFault() {
            String bundle = """
                    {"resourceType":"Bundle","type":"batch","entry":[{"resource":null,
                     "request":{"method":"POST","url":"Observation"}}]}""";

            var answer = ingest.bundle(bundle, SENDER);

            assertThat(answer.status()).isIn(200, 400);
            assertThat(publisher.payloadsOn(Topics.LAB_RESULTS_DLT)).hasSize(1);
        }

        @Test
        void theSameIdentifierWithANewValueIsCreatedAgainAndFlagged() {
            ingest.create("Observation", anc, SENDER);

            var answer = ingest.create("Observation", anc.replace("\"value\": 0.4,", "\"value\": 0.1,"), SENDER);

            assertThat(answer.status()).isEqualTo(201);
            assertThat(((OperationOutcome) answer.body()).getIssue())
                    .anySatisfy(issue -> assertThat(issue.getDiagnostics()).startsWith("Control id reused"));
            assertThat(publisher.payloadsOn(Topics.LAB_RESULTS))
                    .extracting(lab -> ((LabResultRecorded) lab).value().toPlainString())
                    .containsExactly("0.4", "0.1");
        }
    }

    @Nested
    class AnObservation {

        @Test
        void isCreatedOnceKafkaHoldsItAndTheOutcomeNamesTheEvent() {
            var answer = ingest.create("Observation", json("observation-anc-751-8.json"), SENDER);

            assertThat(answer.status()).isEqualTo(201);
            var lab = (LabResultRecorded) only(Topics.LAB_RESULTS);
            assertThat(lab.patientId()).isEqualTo("MRN-0001");
            assertThat(lab.loinc()).isEqualTo("751-8");
            assertThat(lab.value()).isEqualByComparingTo("0.4");
            assertThat(lab.ucumUnit()).isEqualTo("10*9/L");
            assertThat(lab.sourceSystem()).isEqualTo(SENDER);
            assertThat(eventIdsOf(answer.body())).containsExactly(lab.eventId().toString());
        }

        @Test
        void sentAgainIsAnsweredOkWithTheSameEventAndPublishesNothing() {
            var first = ingest.create("Observation", json("observation-anc-751-8.json"), SENDER);
            int publishedBefore = publisher.published().size();

            var again = ingest.create("Observation", json("observation-anc-751-8.json"), SENDER);

            assertThat(again.status()).isEqualTo(200);
            assertThat(eventIdsOf(again.body())).isEqualTo(eventIdsOf(first.body()));
            assertThat(publisher.published()).hasSize(publishedBefore);
        }

        @Test
        void withAUnitForeignToItsAnalyteIsRejectedAtTheUnitCodeAndDeadLettered() {
            String body = edited("observation-anc-751-8.json", FhirIngestTest::inMilligramsPerDecilitre);

            var answer = ingest.create("Observation", body, SENDER);

            assertThat(answer.status()).isEqualTo(400);
            assertThat(errors(answer.body())).singleElement().satisfies(issue -> {
                assertThat(issue.getCode()).isEqualTo(IssueType.INVALID);
                assertThat(issue.getExpression().getFirst().getValue()).isEqualTo("Observation.valueQuantity.code");
                assertThat(issue.getDiagnostics()).contains("'mg/dL' is not a unit of");
            });
            var rejected = (RejectedInput) only(Topics.LAB_RESULTS_DLT);
            assertThat(rejected.protocol()).isEqualTo("FHIR");
            assertThat(rejected.rawPayload()).isEqualTo(body);
            assertThat(rejected.reasons()).singleElement().asString().startsWith("Observation.valueQuantity.code: ");
        }

        @Test
        void withEveryProblemListsEachAtItsElement() {
            String body = edited("observation-anc-751-8.json", o -> {
                o.setSubject(null);
                o.getIdentifier().clear();
                o.getValueQuantity().setValue(-1);
                o.getReferenceRange().getFirst().getLow().setValue(9);
            });

            var answer = ingest.create("Observation", body, SENDER);

            assertThat(errors(answer.body()))
                    .extracting(issue -> issue.getExpression().getFirst().getValue())
                    .containsExactlyInAnyOrder(
                            "Observation.subject",
                            "Observation.identifier",
                            "Observation.valueQuantity.value",
                            "Observation.referenceRange[0]");
        }

        @Test
        void withALocalCodeIsMappedForItsSenderAndRefusedForAnother() {
            var mapped = ingest.create("Observation", json("observation-local-code.json"), SENDER);
            var unmapped = ingest.create("Observation", json("observation-local-code.json"), "OTHER-LIS");

            assertThat(mapped.status()).isEqualTo(201);
            assertThat(((LabResultRecorded) only(Topics.LAB_RESULTS)).loinc()).isEqualTo("751-8");
            assertThat(unmapped.status()).isEqualTo(400);
            assertThat(errors(unmapped.body())
                            .getFirst()
                            .getExpression()
                            .getFirst()
                            .getValue())
                    .isEqualTo("Observation.code.coding[0].code");
        }

        @Test
        void registeredIsRefusedAsNotSupportedOnceAtItsStatus() {
            var answer = ingest.create("Observation", json("observation-registered.json"), SENDER);

            assertThat(answer.status()).isEqualTo(400);
            assertThat(errors(answer.body()))
                    .filteredOn(
                            issue -> issue.getExpression().getFirst().getValue().equals("Observation.status"))
                    .singleElement()
                    .extracting(OperationOutcomeIssueComponent::getCode)
                    .isEqualTo(IssueType.NOTSUPPORTED);
        }

        @Test
        void thatIsCancelledIsRecordedWithoutAValue() {
            var answer = ingest.create("Observation", json("observation-creatinine-cancelled.json"), SENDER);

            assertThat(answer.status()).isEqualTo(201);
            var lab = (LabResultRecorded) only(Topics.LAB_RESULTS);
            assertThat(lab.status().name()).isEqualTo("CANCELLED");
            assertThat(lab.value()).isNull();
        }

        @Test
        void ofATemperatureInFahrenheitIsRecordedInCelsius() {
            ingest.create("Observation", json("observation-temperature-degf.json"), SENDER);

            var vitals = (VitalSignsRecorded) only(Topics.VITAL_SIGNS);
            assertThat(vitals.temperatureCelsius()).isEqualByComparingTo("38.5");
        }

        @Test
        void ofTheOxygenDeviceIsRecordedAsTheDevice() {
            ingest.create("Observation", json("observation-oxygen-device.json"), SENDER);

            var vitals = (VitalSignsRecorded) only(Topics.VITAL_SIGNS);
            assertThat(vitals.oxygenDevice()).isEqualTo(OxygenDevice.NASAL_CANNULA);
        }

        @Test
        void ofABloodPressurePanelRecordsBothPressures() {
            var answer = ingest.create("Observation", json("observation-blood-pressure-panel.json"), SENDER);

            assertThat(answer.status()).isEqualTo(201);
            assertThat(on(Topics.VITAL_SIGNS)).hasSize(2);
            assertThat(eventIdsOf(answer.body())).hasSize(2);
        }

        @Test
        void thatIsNoJsonIsRejectedAndKeptInTheDeadLetterTopic() {
            var answer = ingest.create("Observation", "{\"resourceType\": \"Observation\", ", SENDER);

            assertThat(answer.status()).isEqualTo(400);
            assertThat(errors(answer.body()).getFirst().getDiagnostics()).contains("not readable FHIR R4 JSON");
            assertThat(((RejectedInput) only(Topics.LAB_RESULTS_DLT)).sourceMessageId())
                    .isNull();
        }

        @Test
        void ofTheWrongResourceTypeIsRejected() {
            var answer = ingest.create("Observation", json("medication-administration-tocilizumab.json"), SENDER);

            assertThat(answer.status()).isEqualTo(400);
            assertThat(errors(answer.body()).getFirst().getDiagnostics())
                    .contains("resourceType is 'MedicationAdministration'");
            assertThat(on(Topics.LAB_RESULTS_DLT)).hasSize(1);
        }

        @Test
        void isAnsweredRetryLaterWhenKafkaDoesNotStoreIt() {
            publisher.unavailable(true);

            var answer = ingest.create("Observation", json("observation-anc-751-8.json"), SENDER);

            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.retryLater()).isTrue();
            assertThat(((OperationOutcome) answer.body()).getIssueFirstRep().getCode())
                    .isEqualTo(IssueType.TRANSIENT);
        }
    }

    @Test
    void aTocilizumabAdministrationIsASupportiveDrugEvent() {
        var answer =
                ingest.create("MedicationAdministration", json("medication-administration-tocilizumab.json"), SENDER);

        assertThat(answer.status()).isEqualTo(201);
        var event = (TherapyEventRecorded) only(Topics.THERAPY_EVENTS);
        assertThat(event.supportiveDrug()).isEqualTo(SupportiveDrug.TOCILIZUMAB);
        assertThat(event.dose()).isEqualByComparingTo("560");
    }

    @Test
    void anAdministrationOfAnUntrackedDrugIsAnsweredOkAndNothingIsPublishedOrDeadLettered() {
        var answer =
                ingest.create("MedicationAdministration", json("medication-administration-unknown-drug.json"), SENDER);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(eventIdsOf(answer.body())).isEmpty();
        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void everyAnswerIsCountedForFhirAndEachRejectionByElementWithoutPositions() {
        ingest.create("Observation", json("observation-anc-751-8.json"), SENDER);
        ingest.bundle(
                bundle(
                        Bundle.BundleType.TRANSACTION,
                        resource("observation-anc-751-8.json", Observation.class),
                        badUnit()),
                SENDER);

        assertThat(monitor.answers).containsExactly("FHIR ACCEPTED", "FHIR REJECTED");
        assertThat(monitor.reasons).containsExactly("FHIR Observation.valueQuantity.code");
    }

    @Nested
    class ABatch {

        @Test
        void answersEachEntryOnItsOwn() {
            String body = bundle(
                    Bundle.BundleType.BATCH, resource("observation-anc-751-8.json", Observation.class), badUnit());

            var answer = ingest.bundle(body, SENDER);

            assertThat(answer.status()).isEqualTo(200);
            var response = (Bundle) answer.body();
            assertThat(response.getType()).isEqualTo(Bundle.BundleType.BATCHRESPONSE);
            assertThat(response.getEntry())
                    .extracting(entry -> entry.getResponse().getStatus())
                    .containsExactly("201 Created", "400 Bad Request");
            var outcome =
                    (OperationOutcome) response.getEntry().get(1).getResponse().getOutcome();
            assertThat(errors(outcome).getFirst().getExpression().getFirst().getValue())
                    .isEqualTo("Observation.valueQuantity.code");
            assertThat(on(Topics.LAB_RESULTS)).hasSize(1);
            assertThat(on(Topics.LAB_RESULTS_DLT)).hasSize(1);
        }

        @Test
        void sentAgainAnswersTheAcceptedEntryOk() {
            String body = bundle(Bundle.BundleType.BATCH, resource("observation-anc-751-8.json", Observation.class));
            ingest.bundle(body, SENDER);

            var again = (Bundle) ingest.bundle(body, SENDER).body();

            assertThat(again.getEntryFirstRep().getResponse().getStatus()).isEqualTo("200 OK");
            assertThat(on(Topics.LAB_RESULTS)).hasSize(1);
        }

        @Test
        void refusesAnEntryThatIsNoCreate() {
            var bundle = new Bundle().setType(Bundle.BundleType.BATCH);
            bundle.addEntry()
                    .setResource(resource("observation-anc-751-8.json", Observation.class))
                    .getRequest()
                    .setMethod(Bundle.HTTPVerb.DELETE)
                    .setUrl("Observation/1");

            var answer = (Bundle) ingest.bundle(FHIR.newJsonParser().encodeResourceToString(bundle), SENDER)
                    .body();

            var outcome =
                    (OperationOutcome) answer.getEntryFirstRep().getResponse().getOutcome();
            assertThat(errors(outcome).getFirst().getCode()).isEqualTo(IssueType.NOTSUPPORTED);
            assertThat(errors(outcome).getFirst().getExpression().getFirst().getValue())
                    .isEqualTo("Bundle.entry[0].request.method");
        }
    }

    @Nested
    class ATransaction {

        @Test
        void isStoredWholeWithTheEventsOfEachEntry() {
            String body = bundle(
                    Bundle.BundleType.TRANSACTION,
                    resource("observation-anc-751-8.json", Observation.class),
                    resource("observation-blood-pressure-panel.json", Observation.class));

            var answer = ingest.bundle(body, SENDER);

            assertThat(answer.status()).isEqualTo(200);
            var response = (Bundle) answer.body();
            assertThat(response.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
            assertThat(response.getEntry())
                    .extracting(entry ->
                            eventIdsOf(entry.getResponse().getOutcome()).size())
                    .containsExactly(1, 2);
            assertThat(on(Topics.LAB_RESULTS)).hasSize(1);
            assertThat(on(Topics.VITAL_SIGNS)).hasSize(2);
        }

        @Test
        void withAResultItsSenderMaySendUnmonitoredHandsBackTheOtherEntrysEvents() {
            var skipping = new FhirIngest(
                    new FhirJson(FHIR),
                    new RecordClinicalEvents(
                            new ObservationValidator(Duration.ofMinutes(5)),
                            new TherapyEvents(Duration.ofMinutes(5)),
                            new LocalCodes(Map.of(), Set.of(SENDER)),
                            publisher,
                            new InMemoryInboundArchive(),
                            Clock.fixed(NOW, ZoneOffset.UTC)),
                    monitor);
            var sodium = resource("observation-anc-751-8.json", Observation.class);
            sodium.getIdentifierFirstRep().setValue("CHEM-1-NA");
            sodium.getCode().getCodingFirstRep().setCode("2951-2");
            sodium.getValueQuantity().setCode("mmol/L");
            sodium.getReferenceRange().clear();

            var answer = skipping.bundle(
                    bundle(
                            Bundle.BundleType.TRANSACTION,
                            sodium,
                            resource("observation-anc-751-8.json", Observation.class)),
                    SENDER);

            var entries = ((Bundle) answer.body()).getEntry();
            assertThat(entries)
                    .extracting(entry -> entry.getResponse().getStatus())
                    .containsExactly("200 OK", "201 Created");
            assertThat(eventIdsOf(entries.get(1).getResponse().getOutcome()))
                    .containsExactly(((LabResultRecorded) only(Topics.LAB_RESULTS))
                            .eventId()
                            .toString());
        }

        @Test
        void withThePatientAsAnEntryReferencedByUrnReadsItsMrnAndStoresNoPatient() {
            var patient = new Patient();
            patient.addIdentifier()
                    .setSystem("urn:oid:2.16.840.1.113883.19.5")
                    .setValue("MRN-0042")
                    .getType()
                    .addCoding(new Coding("http://terminology.hl7.org/CodeSystem/v2-0203", "MR", null));
            var anc = resource("observation-anc-751-8.json", Observation.class);
            anc.setSubject(new Reference("urn:uuid:5b1a36b4-0e9c-4bd1-9f3e-7a1c0f2f7d11"));
            var bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
            bundle.addEntry()
                    .setFullUrl("urn:uuid:5b1a36b4-0e9c-4bd1-9f3e-7a1c0f2f7d11")
                    .setResource(patient)
                    .getRequest()
                    .setMethod(Bundle.HTTPVerb.PUT)
                    .setUrl("Patient?identifier=urn:oid:2.16.840.1.113883.19.5|MRN-0042");
            bundle.addEntry()
                    .setResource(anc)
                    .getRequest()
                    .setMethod(Bundle.HTTPVerb.POST)
                    .setUrl("Observation");

            var answer = ingest.bundle(FHIR.newJsonParser().encodeResourceToString(bundle), SENDER);

            assertThat(answer.status()).isEqualTo(200);
            assertThat(((Bundle) answer.body()).getEntry())
                    .extracting(entry -> entry.getResponse().getStatus())
                    .containsExactly("200 OK", "201 Created");
            assertThat(((LabResultRecorded) only(Topics.LAB_RESULTS)).patientId())
                    .isEqualTo("MRN-0042");
        }

        @Test
        void withOneBadEntryStoresNothingAndLocatesTheProblemInTheBundle() {
            String body = bundle(
                    Bundle.BundleType.TRANSACTION,
                    resource("observation-anc-751-8.json", Observation.class),
                    badUnit());

            var answer = ingest.bundle(body, SENDER);

            assertThat(answer.status()).isEqualTo(400);
            assertThat(errors(answer.body())
                            .getFirst()
                            .getExpression()
                            .getFirst()
                            .getValue())
                    .isEqualTo("Bundle.entry[1].resource.ofType(Observation).valueQuantity.code");
            assertThat(on(Topics.LAB_RESULTS)).isEmpty();
            assertThat(on(Topics.LAB_RESULTS_DLT)).hasSize(1);
        }
    }

    @Test
    void aCollectionBundleIsNotSupported() {
        String body = bundle(Bundle.BundleType.COLLECTION, resource("observation-anc-751-8.json", Observation.class));

        var answer = ingest.bundle(body, SENDER);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(errors(answer.body()).getFirst().getCode()).isEqualTo(IssueType.NOTSUPPORTED);
        assertThat(errors(answer.body()).getFirst().getExpression().getFirst().getValue())
                .isEqualTo("Bundle.type");
    }

    private static Observation badUnit() {
        var observation = resource("observation-anc-751-8.json", Observation.class);
        observation.getIdentifierFirstRep().setValue("HEM-20261120-0042-2");
        inMilligramsPerDecilitre(observation);
        return observation;
    }

    /** A unit of mass concentration where a count is expected (the range goes with the value's unit). */
    private static void inMilligramsPerDecilitre(Observation observation) {
        observation.getValueQuantity().setCode("mg/dL");
        observation.getReferenceRange().clear();
    }

    private static String edited(String fixture, Consumer<Observation> edit) {
        var observation = resource(fixture, Observation.class);
        edit.accept(observation);
        return FHIR.newJsonParser().encodeResourceToString(observation);
    }

    private static String bundle(Bundle.BundleType type, Resource... resources) {
        var bundle = new Bundle().setType(type);
        for (Resource resource : resources) {
            bundle.addEntry()
                    .setResource(resource)
                    .getRequest()
                    .setMethod(Bundle.HTTPVerb.POST)
                    .setUrl(resource.fhirType());
        }
        return FHIR.newJsonParser().encodeResourceToString(bundle);
    }

    private static List<OperationOutcomeIssueComponent> errors(Resource outcome) {
        return ((OperationOutcome) outcome)
                .getIssue().stream()
                        .filter(issue -> issue.getSeverity() == IssueSeverity.ERROR)
                        .toList();
    }

    private static List<String> eventIdsOf(Resource outcome) {
        return ((OperationOutcome) outcome)
                .getIssue().stream()
                        .flatMap(issue -> issue.getDetails().getCoding().stream())
                        .filter(coding -> Outcomes.EVENT_ID_SYSTEM.equals(coding.getSystem()))
                        .map(coding -> coding.getCode())
                        .toList();
    }

    private List<Object> on(String topic) {
        return publisher.payloadsOn(topic);
    }

    private Object only(String topic) {
        assertThat(on(topic)).hasSize(1);
        return on(topic).getFirst();
    }

    /** What operators would see on the dashboards: answers and rejection reasons, by protocol. */
    static final class CountingMonitor implements IngestMonitor {
        final List<String> answers = new ArrayList<>();
        final List<String> reasons = new ArrayList<>();
        int notMonitored;

        @Override
        public void answered(String protocol, Answer answer, Duration waited) {
            answers.add(protocol + " " + answer);
        }

        @Override
        public void notMonitored(String protocol, int results) {
            notMonitored += results;
        }

        @Override
        public void rejected(String protocol, String reason) {
            reasons.add(protocol + " " + reason);
        }
    }
}
