package org.toxwatch.ingest.adapter.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BasicAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.toxwatch.ingest.IngestApplication;
import org.toxwatch.model.Topics;
import org.toxwatch.testinfrastructure.IntegrationInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A hospital's FHIR client against the running ingest service: HAPI's generic client sends, a real Kafka consumer
 * reads what was stored, on the shared broker and MongoDB-wire store (containers where Docker exists).
 */
@SpringBootTest(classes = IngestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FhirIngestIT {

    private static final String USER = "integration";
    private static final String PASSWORD = "fhir-it-" + UUID.randomUUID();
    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IntegrationInfrastructure.shared().registerProperties(registry, "fhir-ingest-it");
        registry.add("TOXWATCH_BOOTSTRAP_INTEGRATION_PASSWORD", () -> PASSWORD);
        registry.add("toxwatch.security.credentials-file", FhirIngestIT::credentialsFile);
        registry.add("toxwatch.ingest.mllp.enabled", () -> "false");
    }

    @LocalServerPort
    int port;

    private IGenericClient client;
    private KafkaConsumer<String, String> consumer;
    private final List<Record> records = new ArrayList<>();
    private final String patientId = "MRN-" + UUID.randomUUID();

    @BeforeEach
    void connect() {
        client = FHIR.newRestfulGenericClient("http://localhost:" + port + "/fhir");
        client.registerInterceptor(new BasicAuthInterceptor(USER, PASSWORD));
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                IntegrationInfrastructure.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "fhir-ingest-it-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class));
        var partitions = new ArrayList<TopicPartition>();
        for (String topic :
                List.of(Topics.LAB_RESULTS, Topics.LAB_RESULTS_DLT, Topics.THERAPY_EVENTS, Topics.PATIENTS)) {
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void theServerSaysWhatItSupports() {
        var capabilities =
                client.capabilities().ofType(CapabilityStatement.class).execute();

        assertThat(capabilities.getFhirVersion()).isEqualTo(FHIRVersion._4_0_1);
        assertThat(capabilities.getFormat()).extracting(Object::toString).contains("json");
        assertThat(capabilities.getRestFirstRep().getResource())
                .extracting(resource -> resource.getType())
                .containsExactly(
                        "Observation",
                        "MedicationAdministration",
                        "Condition",
                        "MedicationRequest",
                        "Patient",
                        "Encounter");
    }

    @Test
    void anObservationIsCreatedOnceKafkaHoldsItAndItsResendAddsNothing() throws Exception {
        Observation anc = anAnc("HEM-" + UUID.randomUUID());

        MethodOutcome created = client.create().resource(anc).execute();

        assertThat(created.getResponseStatusCode()).isEqualTo(201);
        List<String> eventIds = eventIdsOf(outcomeOf(created));
        assertThat(eventIds).hasSize(1);
        JsonNode lab = awaitOne(Topics.LAB_RESULTS, this::ofThisPatient);
        assertThat(lab.get("eventId").asString()).isEqualTo(eventIds.getFirst());
        assertThat(lab.get("patientId").asString()).isEqualTo(patientId);
        assertThat(lab.get("loinc").asString()).isEqualTo("751-8");
        assertThat(lab.get("value").decimalValue()).isEqualByComparingTo("0.4");
        assertThat(lab.get("ucumUnit").asString()).isEqualTo("10*9/L");
        assertThat(lab.get("status").asString()).isEqualTo("FINAL");
        assertThat(lab.get("sourceSystem").asString()).isEqualTo(USER);
        assertThat(lab.get("sourceObservationId").asString())
                .isEqualTo(anc.getIdentifierFirstRep().getSystem() + "|"
                        + anc.getIdentifierFirstRep().getValue());
        assertThat(Instant.parse(lab.get("observedAt").asString()))
                .isEqualTo(anc.getEffectiveDateTimeType().getValue().toInstant());
        assertThat(lab.get("referenceRange").get("low").decimalValue()).isEqualByComparingTo("1.8");
        assertThat(lab.get("referenceRange").get("high").decimalValue()).isEqualByComparingTo("7.7");

        MethodOutcome resent = client.create().resource(anc).execute();

        assertThat(resent.getResponseStatusCode()).isEqualTo(200);
        assertThat(eventIdsOf(outcomeOf(resent))).isEqualTo(eventIds);
        // Same patient, same partition: once a later result is on the topic, a second copy would be before it.
        client.create().resource(anAnc("HEM-" + UUID.randomUUID())).execute();
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        readMatching(Topics.LAB_RESULTS, this::ofThisPatient).size() == 2);
        assertThat(readMatching(Topics.LAB_RESULTS, this::ofThisPatient))
                .extracting(record -> record.get("eventId").asString())
                .containsOnlyOnce(eventIds.getFirst());
    }

    @Test
    void anInvalidObservationIsAnsweredWithWhereItIsWrongAndDeadLettered() {
        String identifier = "HEM-" + UUID.randomUUID();
        Observation wrongUnit = anAnc(identifier);
        wrongUnit.getValueQuantity().setCode("mg/dL");
        wrongUnit.getReferenceRange().clear();

        var refused = assertThatExceptionOfType(InvalidRequestException.class)
                .isThrownBy(() -> client.create().resource(wrongUnit).execute())
                .actual();

        assertThat(refused.getStatusCode()).isEqualTo(400);
        var issue = errorsOf((OperationOutcome) refused.getOperationOutcome()).getFirst();
        assertThat(issue.getCode()).isEqualTo(IssueType.INVALID);
        assertThat(issue.getExpression().getFirst().getValue()).isEqualTo("Observation.valueQuantity.code");
        JsonNode rejected = awaitOne(
                Topics.LAB_RESULTS_DLT,
                record -> record.get("rawPayload").asString().contains(identifier));
        assertThat(rejected.get("protocol").asString()).isEqualTo("FHIR");
        assertThat(rejected.get("sourceSystem").asString()).isEqualTo(USER);
        assertThat(rejected.get("reasons").get(0).asString()).startsWith("Observation.valueQuantity.code: ");
        assertThat(readMatching(Topics.LAB_RESULTS, this::ofThisPatient)).isEmpty();
    }

    @Test
    void aBatchAnswersEachEntryAndStoresTheGoodOne() {
        String good = "HEM-" + UUID.randomUUID();
        String bad = "HEM-" + UUID.randomUUID();
        Observation wrongUnit = anAnc(bad);
        wrongUnit.getValueQuantity().setCode("mg/dL");
        wrongUnit.getReferenceRange().clear();
        var batch = new Bundle().setType(Bundle.BundleType.BATCH);
        for (Observation observation : List.of(anAnc(good), wrongUnit)) {
            batch.addEntry()
                    .setResource(observation)
                    .getRequest()
                    .setMethod(Bundle.HTTPVerb.POST)
                    .setUrl("Observation");
        }

        Bundle response = client.transaction().withBundle(batch).execute();

        assertThat(response.getType()).isEqualTo(Bundle.BundleType.BATCHRESPONSE);
        assertThat(response.getEntry())
                .extracting(entry -> entry.getResponse().getStatus())
                .containsExactly("201 Created", "400 Bad Request");
        var badOutcome =
                (OperationOutcome) response.getEntry().get(1).getResponse().getOutcome();
        assertThat(errorsOf(badOutcome).getFirst().getExpression().getFirst().getValue())
                .isEqualTo("Observation.valueQuantity.code");
        JsonNode stored = awaitOne(Topics.LAB_RESULTS, this::ofThisPatient);
        assertThat(stored.get("sourceObservationId").asString()).endsWith("|" + good);
        awaitOne(
                Topics.LAB_RESULTS_DLT,
                record -> record.get("rawPayload").asString().contains(bad));
    }

    @Test
    void aTocilizumabAdministrationIsStoredAsASupportiveDrugEvent() {
        var tocilizumab =
                FhirFixtures.resource("medication-administration-tocilizumab.json", MedicationAdministration.class);
        tocilizumab.getIdentifierFirstRep().setValue("MAR-" + UUID.randomUUID());
        tocilizumab.setSubject(new Reference("Patient/" + patientId));

        MethodOutcome created = client.create().resource(tocilizumab).execute();

        assertThat(created.getResponseStatusCode()).isEqualTo(201);
        JsonNode event = awaitOne(Topics.THERAPY_EVENTS, this::ofThisPatient);
        assertThat(event.get("eventId").asString())
                .isEqualTo(eventIdsOf(outcomeOf(created)).getFirst());
        assertThat(event.get("type").asString()).isEqualTo("SUPPORTIVE_DRUG_GIVEN");
        assertThat(event.get("supportiveDrug").asString()).isEqualTo("TOCILIZUMAB");
        assertThat(event.get("dose").decimalValue()).isEqualByComparingTo("560");
        assertThat(event.get("doseUnit").asString()).isEqualTo("mg");
    }

    @Test
    void aTransactionIsStoredWhole() {
        var transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        for (Observation observation : List.of(anAnc("HEM-" + UUID.randomUUID()), anAnc("HEM-" + UUID.randomUUID()))) {
            transaction
                    .addEntry()
                    .setResource(observation)
                    .getRequest()
                    .setMethod(Bundle.HTTPVerb.POST)
                    .setUrl("Observation");
        }

        Bundle response = client.transaction().withBundle(transaction).execute();

        assertThat(response.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
        assertThat(response.getEntry())
                .extracting(entry -> entry.getResponse().getStatus())
                .containsExactly("201 Created", "201 Created");
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        readMatching(Topics.LAB_RESULTS, this::ofThisPatient).size() == 2);
    }

    @Test
    void aTransactionWithThePatientAndAnInProgressEncounterRecordsWhoAndWhere() {
        var patient = new org.hl7.fhir.r4.model.Patient();
        patient.addIdentifier().setSystem("urn:childrens").setValue(patientId);
        patient.addName().setFamily("Example").addGiven("Mia");
        patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("2020-03-14"));
        patient.setGender(org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.FEMALE);
        var encounter = new org.hl7.fhir.r4.model.Encounter();
        encounter.addIdentifier().setSystem("urn:adt").setValue("ENC-" + UUID.randomUUID());
        encounter.setStatus(org.hl7.fhir.r4.model.Encounter.EncounterStatus.INPROGRESS);
        encounter.setSubject(new Reference("urn:uuid:0d6f3c1a-0000-4000-8000-00000000000a"));
        encounter.addLocation().setLocation(new Reference().setDisplay("PICU"));
        encounter
                .addLocation()
                .setLocation(new Reference().setDisplay("7"))
                .getPhysicalType()
                .addCoding()
                .setCode("bd");
        var transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        transaction
                .addEntry()
                .setFullUrl("urn:uuid:0d6f3c1a-0000-4000-8000-00000000000a")
                .setResource(patient)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Patient");
        transaction
                .addEntry()
                .setResource(encounter)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Encounter");

        Bundle response = client.transaction().withBundle(transaction).execute();

        assertThat(response.getEntry())
                .extracting(entry -> entry.getResponse().getStatus())
                .containsExactly("201 Created", "201 Created");
        List<JsonNode> recorded = await().atMost(Duration.ofSeconds(30))
                .until(() -> readMatching(Topics.PATIENTS, this::ofThisPatient), found -> found.size() == 2);
        assertThat(recorded)
                .extracting(record -> record.get("encounterEvent").asString())
                .containsExactlyInAnyOrder("REGISTERED", "ADMITTED");
        assertThat(recorded).anySatisfy(record -> {
            assertThat(record.path("birthDate").asString("")).isEqualTo("2020-03-14");
            assertThat(record.path("sex").asString("")).isEqualTo("FEMALE");
        });
        assertThat(recorded).anySatisfy(record -> {
            assertThat(record.path("location").path("ward").asString("")).isEqualTo("PICU");
            assertThat(record.path("location").path("bed").asString("")).isEqualTo("7");
        });
    }

    private Observation anAnc(String identifier) {
        var observation = FhirFixtures.resource("observation-anc-751-8.json", Observation.class);
        observation.getIdentifierFirstRep().setValue(identifier);
        observation.setSubject(new Reference("Patient/" + patientId));
        observation.setEffective(new DateTimeType(
                Date.from(Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS))));
        return observation;
    }

    private boolean ofThisPatient(JsonNode record) {
        return record.path("patientId").asString("").equals(patientId);
    }

    private JsonNode awaitOne(String topic, Predicate<JsonNode> matching) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> readMatching(topic, matching), found -> found.size() == 1)
                .getFirst();
    }

    private List<JsonNode> readMatching(String topic, Predicate<JsonNode> matching) {
        consumer.poll(Duration.ofMillis(200))
                .forEach(record -> records.add(new Record(record.topic(), JSON.readTree(record.value()))));
        return records.stream()
                .filter(record -> record.topic().equals(topic))
                .map(Record::value)
                .filter(matching)
                .toList();
    }

    private record Record(String topic, JsonNode value) {}

    private static OperationOutcome outcomeOf(MethodOutcome outcome) {
        Resource body = (Resource)
                (outcome.getOperationOutcome() != null ? outcome.getOperationOutcome() : outcome.getResource());
        return (OperationOutcome) body;
    }

    private static List<String> eventIdsOf(OperationOutcome outcome) {
        return outcome.getIssue().stream()
                .flatMap(issue -> issue.getDetails().getCoding().stream())
                .filter(coding -> Outcomes.EVENT_ID_SYSTEM.equals(coding.getSystem()))
                .map(coding -> coding.getCode())
                .toList();
    }

    private static List<OperationOutcome.OperationOutcomeIssueComponent> errorsOf(OperationOutcome outcome) {
        return outcome.getIssue().stream()
                .filter(issue -> issue.getSeverity() == IssueSeverity.ERROR)
                .toList();
    }

    private static String credentialsFile() {
        try {
            return Files.createTempDirectory("fhir-ingest-it")
                    .resolve("credentials")
                    .toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
