package org.toxwatch.monitoring.benchmark;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.toxwatch.model.AdministrativeSex;
import org.toxwatch.model.EncounterEvent;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.OxygenDevice;
import org.toxwatch.model.PatientRecorded;
import org.toxwatch.model.ReferenceRange;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyEventRecorded;
import org.toxwatch.model.TherapyEventType;
import org.toxwatch.model.VitalSignsRecorded;
import org.toxwatch.monitoring.adapter.streams.MonitoringSerdes;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the stream pays per event for one patient: fold one new ANC into a realistic CAR-T patient's state and
 * re-grade every criterion, and the round trip of that state through the per-patient store (Smile).
 *
 * <p>The patient ({@link #course}): {@code CAR_T_20_DAYS} was infused with CAR T-cells 20 days ago and has a daily
 * CBC (ANC, WBC, lymphocytes, platelets, hemoglobin), a liver panel and creatinine/potassium every second day, vital
 * signs every 4 hours; {@code SOAK_MESSAGES_n} is a patient of the end-to-end soak after {@code n} of its messages
 * (one every 50 s, each ANC, platelets, hemoglobin and ALT), so the cost per event can be read against the length of
 * the course the state holds. Each state is built as the stream keeps it: every event folded in, then graded, and what
 * it published recorded; so the ANC measured re-grades a state that has published before, as in the stream, instead of
 * publishing every criterion for the first time.
 *
 * <p>Run: {@code ./mvnw -q install -DskipTests} once, then {@code ./mvnw -q -pl services/monitoring-service
 * test-compile exec:exec -Dexec.skip=false -Dexec.classpathScope=test -Dexec.args="-cp %classpath
 * org.openjdk.jmh.Main GradingBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GradingBenchmark {

    private static final String PATIENT = "MRN-BENCH";
    private static final Instant INFUSION = Instant.parse("2026-11-01T09:00:00Z");

    private final ToxicityGrader grader = new ToxicityGrader(ZoneId.of("Europe/Berlin"));
    /** The grader as a stream task holds it. */
    private final ToxicityGrader streamGrader = grader.withRecentReadings();

    private final MonitoringSerdes serdes =
            new MonitoringSerdes(JsonMapper.builder().build());

    /** The patients measured; a soak patient's number is the ORU messages its state holds. */
    public enum Course {
        CAR_T_20_DAYS(0),
        SOAK_MESSAGES_12(12),
        SOAK_MESSAGES_72(72),
        SOAK_MESSAGES_144(144);

        private final int soakMessages;

        Course(int soakMessages) {
            this.soakMessages = soakMessages;
        }
    }

    @Param
    public Course course;

    private PatientState state;
    private byte[] storedState;
    private LabResultRecorded nextAnc;
    private List<LabResultRecorded> nextMessage;

    @Setup(Level.Trial)
    public void buildPatient() {
        if (course != Course.CAR_T_20_DAYS) {
            buildSoakPatient(course.soakMessages);
            return;
        }
        var patient = graded(PatientState.empty(PATIENT)
                .apply(therapy(TherapyEventType.ENROLLED, INFUSION.minus(Duration.ofDays(5)))));
        patient = graded(patient.apply(therapy(TherapyEventType.CAR_T_INFUSED, INFUSION)));
        for (int day = -6; day <= 20; day++) {
            Instant morning = INFUSION.plus(Duration.ofDays(day)).minus(Duration.ofHours(3));
            var results = new ArrayList<>(List.of(
                    lab("751-8", day < 0 ? "2.1" : "0.4", "10*9/L", morning, "1.8", "7.7"),
                    lab("6690-2", day < 0 ? "4.5" : "1.2", "10*9/L", morning, "4.0", "11.0"),
                    lab("26474-7", "0.6", "10*9/L", morning, "1.0", "4.0"),
                    lab("777-3", day < 0 ? "160" : "45", "10*9/L", morning, "150", "400"),
                    lab("718-7", "9.1", "g/dL", morning, "12.0", "15.5")));
            if (day % 2 == 0) {
                results.addAll(List.of(
                        lab("1742-6", "48", "U/L", morning, null, "40"),
                        lab("1920-8", "39", "U/L", morning, null, "40"),
                        lab("14631-6", "19", "umol/L", morning, "2", "21"),
                        lab("2160-0", "0.9", "mg/dL", morning, "0.6", "1.2"),
                        lab("2823-3", "3.9", "mmol/L", morning, "3.5", "5.1")));
            }
            for (var result : results) {
                patient = graded(patient.apply(result));
            }
            for (int hour = 0; hour < 24; hour += 4) {
                patient =
                        graded(patient.apply(vitals(morning.plus(Duration.ofHours(hour)), day == 9 ? "38.4" : "37.1")));
            }
        }
        state = patient;
        storedState = serdes.patientState().serializer().serialize("patient-state", state);
        nextAnc = lab("751-8", "0.3", "10*9/L", INFUSION.plus(Duration.ofDays(21)), "1.8", "7.7");
        Instant dayTwentyOne = INFUSION.plus(Duration.ofDays(21)).minus(Duration.ofHours(3));
        nextMessage = List.of(
                lab("751-8", "0.3", "10*9/L", dayTwentyOne, "1.8", "7.7"),
                lab("6690-2", "1.1", "10*9/L", dayTwentyOne, "4.0", "11.0"),
                lab("26474-7", "0.6", "10*9/L", dayTwentyOne, "1.0", "4.0"),
                lab("777-3", "41", "10*9/L", dayTwentyOne, "150", "400"),
                lab("718-7", "8.9", "g/dL", dayTwentyOne, "12.0", "15.5"));
    }

    /** The course's state as the stream keeps it, for benchmarks of its storage ({@link #buildPatient()} first). */
    public PatientState state() {
        return state;
    }

    /** The state as the stream keeps it: each event folded in, then graded, what it published recorded. */
    private PatientState graded(PatientState folded) {
        return grader.reassess(folded).state();
    }

    /** The soak's patient: a patient record, then {@code messages} ORU messages 50 s apart (Hl7Course's values). */
    private void buildSoakPatient(int messages) {
        Instant first = INFUSION;
        var patient = graded(PatientState.empty(PATIENT).apply(soakPatientRecord(first)));
        for (int message = 0; message < messages; message++) {
            Instant collected = first.plus(Duration.ofSeconds(50L * message));
            for (var result : soakMessage(collected)) {
                patient = graded(patient.apply(result));
            }
        }
        state = patient;
        storedState = serdes.patientState().serializer().serialize("patient-state", state);
        nextMessage = soakMessage(first.plus(Duration.ofSeconds(50L * messages)));
        nextAnc = nextMessage.getFirst();
    }

    private static List<LabResultRecorded> soakMessage(Instant collected) {
        return List.of(
                lab("751-8", "0.4", "10*9/L", collected, "1.8", "7.7"),
                lab("777-3", "42", "10*9/L", collected, "150", "400"),
                lab("718-7", "78", "g/L", collected, "120", "160"),
                lab("1742-6", "212", "U/L", collected, "7", "40"));
    }

    private static PatientRecorded soakPatientRecord(Instant at) {
        return new PatientRecorded(
                UUID.randomUUID(),
                PATIENT,
                at,
                at,
                "lis",
                "adt-" + UUID.randomUUID(),
                EncounterEvent.UPDATED,
                List.of(),
                null,
                null,
                LocalDate.parse("1985-04-12"),
                AdministrativeSex.FEMALE,
                null,
                null,
                null,
                null);
    }

    /** One new result: fold it in and find what changed, as the grading processor does per record. */
    @Benchmark
    public Object foldAndReassess() {
        return grader.reassess(state.apply(nextAnc));
    }

    /**
     * One message as the stream takes it when the patient's state is not kept deserialized: the state read from its
     * stored bytes, then each result of the message folded in and graded in turn, by the grader a stream task holds.
     * The state's write, once per commit, is {@link #stateWrite}.
     */
    @Benchmark
    public Object gradeOneMessage() {
        var patient = serdes.patientState().deserializer().deserialize("patient-state", storedState);
        for (var result : nextMessage) {
            patient = streamGrader.reassess(patient.apply(result)).state();
        }
        return patient;
    }

    /** The read alone: what a record pays whose patient's state is not among those kept deserialized. */
    @Benchmark
    public Object stateRead() {
        return serdes.patientState().deserializer().deserialize("patient-state", storedState);
    }

    /** The write alone: what every record that changes the state pays, however many came before it. */
    @Benchmark
    public Object stateWrite() {
        return serdes.patientState().serializer().serialize("patient-state", state);
    }

    /** The store's side of the same record: read the patient's state and write it back. */
    @Benchmark
    public Object stateStoreRoundTrip() {
        var read = serdes.patientState().deserializer().deserialize("patient-state", storedState);
        return serdes.patientState().serializer().serialize("patient-state", read);
    }

    private static LabResultRecorded lab(String loinc, String value, String unit, Instant at, String low, String high) {
        return new LabResultRecorded(
                UUID.randomUUID(),
                PATIENT,
                at,
                at.plus(Duration.ofMinutes(45)),
                "lis",
                "lab-" + UUID.randomUUID(),
                null,
                loinc,
                new BigDecimal(value),
                unit,
                new ReferenceRange(low == null ? null : new BigDecimal(low), new BigDecimal(high)),
                ResultStatus.FINAL);
    }

    private static VitalSignsRecorded vitals(Instant at, String celsius) {
        return new VitalSignsRecorded(
                UUID.randomUUID(),
                PATIENT,
                at,
                at.plusSeconds(60),
                "icu",
                "vs-" + UUID.randomUUID(),
                new BigDecimal(celsius),
                new BigDecimal("96"),
                new BigDecimal("112"),
                new BigDecimal("68"),
                null,
                new BigDecimal("97"),
                new BigDecimal("18"),
                OxygenDevice.NONE,
                null,
                null,
                ResultStatus.FINAL);
    }

    private static TherapyEventRecorded therapy(TherapyEventType type, Instant at) {
        return new TherapyEventRecorded(
                UUID.randomUUID(),
                PATIENT,
                at,
                at,
                "mar",
                "mar-" + type,
                type,
                Therapy.CAR_T,
                "KYMRIAH",
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
