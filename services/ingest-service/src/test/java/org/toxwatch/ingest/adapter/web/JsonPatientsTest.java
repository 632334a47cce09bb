package org.toxwatch.ingest.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.ingest.adapter.metrics.MicrometerIngestMonitor;
import org.toxwatch.ingest.application.InMemoryInboundArchive;
import org.toxwatch.ingest.application.RecordClinicalEvents;
import org.toxwatch.ingest.application.RecordClinicalEvents.Outcome;
import org.toxwatch.ingest.application.RecordingEventPublisher;
import org.toxwatch.ingest.domain.LocalCodes;
import org.toxwatch.ingest.domain.ObservationValidator;
import org.toxwatch.ingest.domain.TherapyEvents;
import org.toxwatch.ingest.domain.Violation;
import org.toxwatch.model.AdministrativeSex;
import org.toxwatch.model.EncounterEvent;
import org.toxwatch.model.PatientIdentifier;
import org.toxwatch.model.PatientLocation;
import org.toxwatch.model.PatientRecorded;
import org.toxwatch.model.RejectedInput;
import org.toxwatch.model.Topics;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/v1/patients}: the same details as HL7 PID/PV1, validated by the same rules. */
class JsonPatientsTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private final RecordingEventPublisher publisher = new RecordingEventPublisher();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final JsonIntake intake = new JsonIntake(
            new RecordClinicalEvents(
                    new ObservationValidator(Duration.ofMinutes(5)),
                    new TherapyEvents(Duration.ofMinutes(5)),
                    new LocalCodes(Map.of()),
                    publisher,
                    new InMemoryInboundArchive(),
                    Clock.fixed(NOW, ZoneOffset.UTC)),
            new MicrometerIngestMonitor(meters),
            JsonMapper.builder().build());

    static final String TRANSFERRED = """
            {"patientId":"MRN-0004","encounterEvent":"TRANSFERRED",
             "identifiers":[{"value":"000004","assigningAuthority":"CHILDRENS","type":"MR"}],
             "familyName":"Example","givenName":"Mia","birthDate":"2020-03-14","sex":"female",
             "weightKg":21.4,"heightCm":116,
             "location":{"ward":"PICU","room":"4","bed":"B","facility":"CHILDRENS"},
             "attending":"Dr A. Attending","recordedAt":"2026-11-16T06:55:00Z","sourceMessageId":"adt-42"}""";

    @Test
    void aPatientIsPublishedOnThePatientsTopicWithEveryDetail() {
        var outcome = intake.patients(TRANSFERRED, "ward-app");

        assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
        assertThat(publisher.payloadsOn(Topics.PATIENTS)).singleElement().satisfies(payload -> {
            var patient = (PatientRecorded) payload;
            assertThat(patient.patientId()).isEqualTo("MRN-0004");
            assertThat(patient.encounterEvent()).isEqualTo(EncounterEvent.TRANSFERRED);
            assertThat(patient.identifiers()).containsExactly(new PatientIdentifier("000004", "CHILDRENS", "MR"));
            assertThat(patient.familyName()).isEqualTo("Example");
            assertThat(patient.givenName()).isEqualTo("Mia");
            assertThat(patient.birthDate()).isEqualTo(LocalDate.of(2020, 3, 14));
            assertThat(patient.sex()).isEqualTo(AdministrativeSex.FEMALE);
            assertThat(patient.weightKg()).isEqualByComparingTo("21.4");
            assertThat(patient.heightCm()).isEqualByComparingTo("116");
            assertThat(patient.location()).isEqualTo(new PatientLocation("PICU", "4", "B", "CHILDRENS"));
            assertThat(patient.attending()).isEqualTo("Dr A. Attending");
            assertThat(patient.recordedAt()).isEqualTo(Instant.parse("2026-11-16T06:55:00Z"));
            assertThat(patient.sourceSystem()).isEqualTo("ward-app");
        });
    }

    @Test
    void aResendIsAcceptedAgainAndPublishesNothingNew() {
        intake.patients(TRANSFERRED, "ward-app");

        var again = (Outcome.Accepted) intake.patients(TRANSFERRED, "ward-app");

        assertThat(again.resend()).isTrue();
        assertThat(publisher.payloadsOn(Topics.PATIENTS)).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "\"birthDate\":\"2020-03-14\"; \"birthDate\":\"2020-13-40\"; birthDate; 2020-13-40",
                "\"birthDate\":\"2020-03-14\"; \"birthDate\":\"2026-12-25\"; birthDate; 2026-12-25",
                "\"birthDate\":\"2020-03-14\"; \"birthDate\":\"1899-12-31\"; birthDate; 1899-12-31",
                "\"birthDate\":\"2020-03-14\"; \"birthDate\":[\"Mia-1\"]; birthDate; Mia-1",
                "\"sex\":\"female\"; \"sex\":\"femme\"; sex; femme",
                "\"patientId\":\"MRN-0004\",; ''; patientId; MRN",
                "\"weightKg\":21.4; \"weightKg\":-3; weightKg; -3",
                "\"encounterEvent\":\"TRANSFERRED\"; \"encounterEvent\":\"MOVED\"; encounterEvent; MOVED",
                "\"value\":\"000004\"; \"value\":\"\"; identifiers[0].value; 000004",
                "\"familyName\":\"Example\"; \"familyName\":\"Exa\\u0007mple\"; familyName; Exa"
            })
    void aBadFieldIsA400NamingTheFieldNeverItsValue(String valid, String invalid, String field, String value) {
        String body = TRANSFERRED.replace(valid, invalid);

        var rejected = (Outcome.Rejected) intake.patients(body, "ward-app");

        assertThat(rejected.violations()).extracting(Violation::field).contains(field);
        assertThat(rejected.violations())
                .allSatisfy(v -> assertThat(v.message()).doesNotContain(value).doesNotContain("Mia"));
        assertThat(publisher.payloadsOn(Topics.PATIENTS)).isEmpty();
        assertThat(publisher.payloadsOn(Topics.PATIENTS_DLT))
                .singleElement()
                .satisfies(dead -> assertThat(((RejectedInput) dead).reasons())
                        .allSatisfy(reason ->
                                assertThat(reason).doesNotContain("Mia").doesNotContain("Example")));
        assertThat(meters.getMeters())
                .flatExtracting(meter -> meter.getId().getTags())
                .allSatisfy(tag -> assertThat(tag.getValue())
                        .doesNotContain("Mia")
                        .doesNotContain("2020-")
                        .doesNotContain("000004"));
        assertThat(meters.getMeters()).extracting(Meter::getId).isNotEmpty();
    }
}
