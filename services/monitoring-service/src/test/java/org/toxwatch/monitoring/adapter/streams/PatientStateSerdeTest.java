package org.toxwatch.monitoring.adapter.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.AdministrativeSex;
import org.toxwatch.model.ClinicalFinding;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.LevelOfConsciousness;
import org.toxwatch.model.NeurologicAssessmentRecorded;
import org.toxwatch.model.ReferenceRange;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.SeizureFinding;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyEventRecorded;
import org.toxwatch.model.TherapyEventType;
import org.toxwatch.monitoring.domain.ClinicianInputs;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.patient.PatientProfile;
import org.toxwatch.monitoring.domain.patient.PatientRecords;
import tools.jackson.databind.json.JsonMapper;

class PatientStateSerdeTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final PatientStateSerde serde = new PatientStateSerde(json);

    private static PatientState aState() {
        Instant t0 = Instant.parse("2026-11-01T08:00:00Z");
        return PatientState.empty("MRN-1")
                .apply(new TherapyEventRecorded(
                        UUID.randomUUID(),
                        "MRN-1",
                        t0,
                        t0,
                        "mar",
                        "mar-1",
                        TherapyEventType.ENROLLED,
                        Therapy.CAR_T,
                        "KYMRIAH",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null))
                .apply(new LabResultRecorded(
                        UUID.randomUUID(),
                        "MRN-1",
                        t0.plusSeconds(3600),
                        t0.plusSeconds(7200),
                        "lis",
                        "lab-1",
                        "obx-1",
                        "751-8",
                        new BigDecimal("0.40"),
                        "10*9/L",
                        new ReferenceRange(new BigDecimal("1.8"), new BigDecimal("7.7")),
                        ResultStatus.FINAL));
    }

    @Test
    void aStateRoundTripsExactlyThroughTheBinaryFormat() {
        var state = aState();

        byte[] written = serde.serializer().serialize("store", state);

        assertThat(written[0]).isEqualTo((byte) ':');
        assertThat(serde.deserializer().deserialize("store", written)).isEqualTo(state);
    }

    @Test
    void aStateWrittenAsJsonByAnEarlierVersionIsStillRead() {
        var state = aState();

        byte[] legacy = json.writeValueAsBytes(state);

        assertThat(serde.deserializer().deserialize("store", legacy)).isEqualTo(state);
    }

    @Test
    void aStateWithANeurologicalAssessmentRoundTrips() {
        var state = aState().apply(new NeurologicAssessmentRecorded(
                UUID.randomUUID(),
                "MRN-1",
                Instant.parse("2026-11-03T10:00:00Z"),
                Instant.parse("2026-11-03T10:05:00Z"),
                "charting",
                "neuro-1",
                6,
                null,
                LevelOfConsciousness.AWAKENS_TO_VOICE,
                SeizureFinding.NONE,
                null,
                null,
                ResultStatus.FINAL));

        byte[] written = serde.serializer().serialize("store", state);

        assertThat(serde.deserializer().deserialize("store", written)).isEqualTo(state);
    }

    @Test
    void aStateStoredBeforeNeurologicalAssessmentsExistedReadsWithNone() {
        var state = aState();
        var current = json.writeValueAsString(state);
        var legacy = current.replace("\"neuroAssessments\":[],", "");

        var read = serde.deserializer().deserialize("store", legacy.getBytes(StandardCharsets.UTF_8));

        assertThat(legacy).isNotEqualTo(current);
        assertThat(read.neuroAssessments()).isEmpty();
        assertThat(read).isEqualTo(state);
    }

    @Test
    void aStateWithClinicianFindingsAndPlannedDosesRoundTrips() {
        var at = Instant.parse("2026-11-03T10:00:00Z");
        var state = aState().apply(ClinicianInputs.finding("MRN-1", ClinicalFinding.ASCITES, true, at, "cond-1"))
                .apply(ClinicianInputs.plan(
                        "MRN-1", Therapy.INOTUZUMAB_OZOGAMICIN, at, at.plusSeconds(86_400), 1, 8, "order-1", false));

        byte[] written = serde.serializer().serialize("store", state);

        var read = serde.deserializer().deserialize("store", written);
        assertThat(read).isEqualTo(state);
        assertThat(read.findings()).hasSize(1);
        assertThat(read.dosePlans()).hasSize(1);
    }

    @Test
    void aStateStoredBeforeFindingsAndPlansExistedReadsWithNone() {
        var state = aState();
        var current = json.writeValueAsString(state);
        var legacy = current.replace(",\"findings\":[]", "").replace(",\"dosePlans\":[]", "");

        var read = serde.deserializer().deserialize("store", legacy.getBytes(StandardCharsets.UTF_8));

        assertThat(legacy).doesNotContain("findings").doesNotContain("dosePlans");
        assertThat(read).isEqualTo(state);
    }

    @Test
    void theBinaryFormIsSmallerThanTheJsonText() {
        var state = aState();

        assertThat(serde.serializer().serialize("store", state)).hasSizeLessThan(json.writeValueAsBytes(state).length);
    }

    @Test
    void bytesThatAreNeitherFormatAreASerializationError() {
        assertThatThrownBy(() -> serde.deserializer().deserialize("store", new byte[] {1, 2, 3}))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void nullStaysNullForTombstones() {
        assertThat(serde.serializer().serialize("store", null)).isNull();
        assertThat(serde.deserializer().deserialize("store", null)).isNull();
    }

    @Test
    void aStateWithABirthDateAndSexRoundTripsThroughTheBinaryFormat() {
        var state = aState().apply(PatientRecords.aPatientRecord(
                "MRN-1",
                Instant.parse("2026-11-01T07:00:00Z"),
                LocalDate.parse("2020-03-01"),
                AdministrativeSex.FEMALE));

        var read = serde.deserializer().deserialize("store", serde.serializer().serialize("store", state));

        assertThat(read).isEqualTo(state);
        assertThat(read.profile())
                .isEqualTo(new PatientProfile(LocalDate.parse("2020-03-01"), AdministrativeSex.FEMALE));
    }

    @Test
    void aStateStoredBeforePatientRecordsExistedReadsWithAnUnknownProfile() {
        var state = aState();
        var current = json.writeValueAsString(state);
        var legacy = current.replaceFirst(",\"demographics\":\\{[^}]*}", "");

        var read = serde.deserializer().deserialize("store", legacy.getBytes(StandardCharsets.UTF_8));

        assertThat(legacy).doesNotContain("demographics");
        assertThat(read.profile()).isEqualTo(PatientProfile.UNKNOWN);
        assertThat(read).isEqualTo(state);
    }
}
