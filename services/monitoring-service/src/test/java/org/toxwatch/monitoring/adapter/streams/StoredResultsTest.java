package org.toxwatch.monitoring.adapter.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.OxygenDevice;
import org.toxwatch.model.ReferenceRange;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.SpecimenCondition;
import org.toxwatch.model.TimePrecision;
import org.toxwatch.model.ValueComparator;
import org.toxwatch.model.VitalSignsRecorded;
import org.toxwatch.monitoring.domain.PatientState;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.smile.SmileMapper;
import tools.jackson.dataformat.smile.SmileWriteFeature;
import tools.jackson.module.blackbird.BlackbirdModule;

/**
 * Lab results and vital signs written and read by hand in the stored state must be exactly what Jackson's record
 * handling wrote and read before: the same bytes for every record, and the same record (or the same refusal) for
 * whatever a stored state may hold.
 */
class StoredResultsTest {

    /** The stored state's mapper with results through Jackson's record handling. */
    private static final ObjectMapper JACKSONS_OWN = SmileMapper.builder()
            .enable(SmileWriteFeature.CHECK_SHARED_STRING_VALUES)
            .addModule(IsoInstants.module())
            .addModule(new BlackbirdModule())
            .build();

    /** The stored state's mapper of the version before: Jackson's record handling, each text written in full. */
    private static final ObjectMapper VERSION_BEFORE = SmileMapper.builder()
            .addModule(IsoInstants.module())
            .addModule(new BlackbirdModule())
            .build();

    private static final ObjectMapper BY_HAND = PatientStateSerde.smileMapper();

    private static final Instant NOON = Instant.parse("2026-11-20T12:00:00Z");

    @Nested
    class Writing {

        @ParameterizedTest
        @MethodSource("org.toxwatch.monitoring.adapter.streams.StoredResultsTest#labs")
        void aLabResultIsWrittenInJacksonsBytes(LabResultRecorded lab) {
            assertThat(BY_HAND.writeValueAsBytes(lab)).isEqualTo(JACKSONS_OWN.writeValueAsBytes(lab));
        }

        @ParameterizedTest
        @MethodSource("org.toxwatch.monitoring.adapter.streams.StoredResultsTest#vitals")
        void aVitalSignsSetIsWrittenInJacksonsBytes(VitalSignsRecorded vitals) {
            assertThat(BY_HAND.writeValueAsBytes(vitals)).isEqualTo(JACKSONS_OWN.writeValueAsBytes(vitals));
        }

        @Test
        void theStoredStateOfARichCourseIsWrittenInJacksonsBytes() {
            var serde = new PatientStateSerde(JsonMapper.builder().build());
            PatientState state = RichPatientCourse.folded();

            assertThat(serde.serializer().serialize("store", state)).isEqualTo(JACKSONS_OWN.writeValueAsBytes(state));
        }
    }

    @Nested
    class AcrossVersions {

        private final PatientStateSerde serde =
                new PatientStateSerde(JsonMapper.builder().build());

        @Test
        void aStateWrittenByTheVersionBeforeReadsAsItWasWritten() {
            byte[] writtenBefore = VERSION_BEFORE.writeValueAsBytes(RichPatientCourse.folded());

            assertThat(serde.deserializer().deserialize("store", writtenBefore)).isEqualTo(RichPatientCourse.folded());
        }

        @Test
        void theVersionBeforeReadsAStateWrittenNowSoARollbackRestoresFromTheChangelog() {
            byte[] writtenNow = serde.serializer().serialize("store", RichPatientCourse.folded());

            assertThat(VERSION_BEFORE.readValue(writtenNow, PatientState.class)).isEqualTo(RichPatientCourse.folded());
        }

        @Test
        void aStateWrittenNowIsSmallerThanTheVersionBeforeWroteIt() {
            PatientState state = RichPatientCourse.folded();

            assertThat(serde.serializer().serialize("store", state))
                    .hasSizeLessThan(VERSION_BEFORE.writeValueAsBytes(state).length * 9 / 10);
        }
    }

    @Nested
    class Reading {

        @ParameterizedTest
        @MethodSource("org.toxwatch.monitoring.adapter.streams.StoredResultsTest#labs")
        void aLabResultReadsAsWritten(LabResultRecorded lab) {
            byte[] stored = JACKSONS_OWN.writeValueAsBytes(lab);

            assertThat(BY_HAND.readValue(stored, LabResultRecorded.class)).isEqualTo(lab);
        }

        @ParameterizedTest
        @MethodSource("org.toxwatch.monitoring.adapter.streams.StoredResultsTest#vitals")
        void aVitalSignsSetReadsAsWritten(VitalSignsRecorded vitals) {
            byte[] stored = JACKSONS_OWN.writeValueAsBytes(vitals);

            assertThat(BY_HAND.readValue(stored, VitalSignsRecorded.class)).isEqualTo(vitals);
        }

        @Test
        void theStoredStateOfARichCourseReadsAsJacksonReadsIt() {
            var serde = new PatientStateSerde(JsonMapper.builder().build());
            byte[] stored = JACKSONS_OWN.writeValueAsBytes(RichPatientCourse.folded());

            assertThat(serde.deserializer().deserialize("store", stored))
                    .isEqualTo(JACKSONS_OWN.readValue(stored, PatientState.class))
                    .isEqualTo(RichPatientCourse.folded());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.toxwatch.monitoring.adapter.streams.StoredResultsTest#otherShapesOfALab")
        void aLabResultOfAnotherShapeIsReadOrRefusedAsJacksonDoes(String shape, Consumer<ObjectNode> reshape) {
            byte[] stored = reshaped(JACKSONS_OWN.writeValueAsBytes(censoredAnc()), reshape);

            assertSameOutcome(stored, LabResultRecorded.class);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.toxwatch.monitoring.adapter.streams.StoredResultsTest#otherShapesOfVitals")
        void aVitalSignsSetOfAnotherShapeIsReadOrRefusedAsJacksonDoes(String shape, Consumer<ObjectNode> reshape) {
            byte[] stored = reshaped(JACKSONS_OWN.writeValueAsBytes(vitals(new Random(7))), reshape);

            assertSameOutcome(stored, VitalSignsRecorded.class);
        }

        @Test
        void aResultThatBreaksItsRecordsContractIsRefusedAsAMappingProblem() {
            byte[] withoutItsTime =
                    reshaped(JACKSONS_OWN.writeValueAsBytes(censoredAnc()), lab -> lab.remove("observedAt"));

            assertThatThrownBy(() -> JACKSONS_OWN.readValue(withoutItsTime, LabResultRecorded.class))
                    .isInstanceOf(JacksonException.class);
            assertThatThrownBy(() -> BY_HAND.readValue(withoutItsTime, LabResultRecorded.class))
                    .isInstanceOf(JacksonException.class)
                    .hasMessageContaining("observedAt");
        }

        private static void assertSameOutcome(byte[] stored, Class<?> type) {
            Object jacksons;
            try {
                jacksons = JACKSONS_OWN.readValue(stored, type);
            } catch (JacksonException refused) {
                assertThatThrownBy(() -> BY_HAND.readValue(stored, type)).isInstanceOf(JacksonException.class);
                return;
            }
            assertThat(BY_HAND.readValue(stored, type)).isEqualTo(jacksons);
        }

        private static byte[] reshaped(byte[] stored, Consumer<ObjectNode> reshape) {
            var tree = (ObjectNode) JACKSONS_OWN.readTree(stored);
            reshape.accept(tree);
            return JACKSONS_OWN.writeValueAsBytes(tree);
        }
    }

    static Stream<Arguments> otherShapesOfALab() {
        return Stream.of(
                shape("components in reverse order", StoredResultsTest::reverseComponents),
                shape(
                        "an unknown component holding an object",
                        lab -> lab.putObject("performingLaboratory")
                                .put("name", "central")
                                .putArray("accreditations")
                                .add("ISO 15189")),
                shape(
                        "an unknown component holding an array",
                        lab -> lab.putArray("notes").add(1).addObject().put("a", "b")),
                shape("the event id as text", lab -> lab.put("eventId", "6f1c1f0e-7d2a-4a44-9c1e-0b1c2d3e4f50")),
                shape("the event id as text that is no UUID", lab -> lab.put("eventId", "not-a-uuid")),
                shape("the event id as 15 bytes", lab -> lab.put("eventId", new byte[15])),
                shape("the value as text", lab -> lab.put("value", "0.4")),
                shape("the value as an integer", lab -> lab.put("value", 3)),
                shape("the value as text that is no number", lab -> lab.put("value", "low")),
                shape("the value absent", lab -> lab.remove("value")),
                shape("the collection time as epoch seconds", lab -> lab.put("observedAt", 1_763_640_000L)),
                shape("the collection time with an offset", lab -> lab.put("observedAt", "2026-11-20T13:00:00+01:00")),
                shape(
                        "the collection time in a year after 9999",
                        lab -> lab.put("observedAt", "+10000-01-01T00:00:00Z")),
                shape("the collection time as text that is no time", lab -> lab.put("observedAt", "yesterday")),
                shape("the collection time null", lab -> lab.putNull("observedAt")),
                shape("the LOINC code as a number", lab -> lab.put("loinc", 7518)),
                shape(
                        "the LOINC code as an object",
                        lab -> lab.putObject("loinc").put("code", "751-8")),
                shape("an unknown status", lab -> lab.put("status", "AMENDED")),
                shape("the status in lower case", lab -> lab.put("status", "final")),
                shape("the status as its ordinal", lab -> lab.put("status", 1)),
                shape(
                        "the reference range with a third limit",
                        lab -> ((ObjectNode) lab.get("referenceRange")).put("critical", 0.5)),
                shape("the reference range as text", lab -> lab.put("referenceRange", "1.8-7.7")),
                shape("the reference range null", lab -> lab.putNull("referenceRange")),
                shape("the flags null", lab -> lab.putNull("abnormalFlags")),
                shape("the flags as one text", lab -> lab.put("abnormalFlags", "LL")),
                shape("a flag as a number", lab -> lab.putArray("abnormalFlags").add(1)),
                shape(
                        "a flag null",
                        lab -> lab.putArray("abnormalFlags").add("L").addNull()),
                shape(
                        "the specimen conditions named",
                        lab -> lab.putArray("specimenConditions")
                                .add("HEMOLYZED")
                                .add("LIPEMIC")),
                shape(
                        "an unknown specimen condition",
                        lab -> lab.putArray("specimenConditions").add("FROZEN")),
                shape("the specimen conditions as an object", lab -> lab.putObject("specimenConditions")),
                shape("the precision unknown", lab -> lab.put("observedAtPrecision", "WEEK")),
                shape("no components at all", ObjectNode::removeAll));
    }

    static Stream<Arguments> otherShapesOfVitals() {
        return Stream.of(
                shape("components in reverse order", StoredResultsTest::reverseComponents),
                shape(
                        "an unknown component",
                        vitals -> vitals.putObject("device").put("model", "X3")),
                shape("the temperature as text", vitals -> vitals.put("temperatureCelsius", "39.2")),
                shape("the temperature as text that is no number", vitals -> vitals.put("temperatureCelsius", "hot")),
                shape("the heart rate as a double", vitals -> vitals.put("heartRatePerMinute", 118.0d)),
                shape("an unknown oxygen device", vitals -> vitals.put("oxygenDevice", "TENT")),
                shape("the status absent", vitals -> vitals.remove("status")),
                shape("the event id absent", vitals -> vitals.remove("eventId")),
                shape(
                        "the source system as an array",
                        vitals -> vitals.putArray("sourceSystem").add("monitor")));
    }

    private static void reverseComponents(ObjectNode record) {
        var names = new ArrayList<>(record.propertyNames());
        var copy = record.deepCopy();
        record.removeAll();
        names.reversed().forEach(name -> record.set(name, copy.get(name)));
    }

    private static Arguments shape(String shape, Consumer<ObjectNode> reshape) {
        return Arguments.of(shape, reshape);
    }

    /** Lab results of every kind a state keeps, and a few hundred random ones. */
    static Stream<LabResultRecorded> labs() {
        var random = new Random(20261207);
        return Stream.concat(
                Stream.of(censoredAnc(), cancelled(), withNanos(123_456_789), withNanos(120_000_000), farFuture()),
                IntStream.range(0, 120).mapToObj(i -> lab(random)));
    }

    static Stream<VitalSignsRecorded> vitals() {
        var random = new Random(20261208);
        return IntStream.range(0, 80).mapToObj(i -> vitals(random));
    }

    private static LabResultRecorded lab(Random random) {
        boolean cancelled = random.nextInt(10) == 0;
        Instant observedAt = NOON.minus(Duration.ofSeconds(random.nextInt(8_000_000)))
                .plusNanos(random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
        return new LabResultRecorded(
                UUID.randomUUID(),
                "MRN-" + random.nextInt(1000),
                observedAt,
                observedAt.plus(Duration.ofMinutes(random.nextInt(600))),
                oneOf(random, "lis", "poc-analyser", "külliyat-lab"),
                "msg-" + random.nextInt(),
                maybe(random, "obs-" + random.nextInt()),
                oneOf(random, "751-8", "777-3", "1742-6", "1988-5", "26464-8"),
                cancelled && random.nextBoolean() ? null : decimal(random),
                cancelled && random.nextBoolean() ? null : oneOf(random, "10*9/L", "U/L", "mg/L", "g/dL"),
                random.nextInt(4) == 0
                        ? null
                        : new ReferenceRange(
                                random.nextBoolean() ? null : decimal(random),
                                random.nextBoolean() ? null : decimal(random)),
                cancelled
                        ? ResultStatus.CANCELLED
                        : oneOf(random, ResultStatus.FINAL, ResultStatus.PRELIMINARY, ResultStatus.CORRECTED),
                random.nextInt(5) == 0 ? oneOf(random, ValueComparator.values()) : null,
                maybe(random, oneOf(random, "10^9/L", "G/l", "µmol/L")),
                random.nextInt(3) == 0 ? List.of(oneOf(random, "L", "LL", "H", "HH", "A")) : List.of(),
                random.nextInt(6) == 0
                        ? List.of(oneOf(random, SpecimenCondition.values()), SpecimenCondition.CLOTTED)
                        : List.of(),
                random.nextInt(4) == 0 ? oneOf(random, TimePrecision.values()) : null);
    }

    private static VitalSignsRecorded vitals(Random random) {
        Instant observedAt = NOON.minus(Duration.ofMinutes(random.nextInt(100_000)));
        return new VitalSignsRecorded(
                UUID.randomUUID(),
                "MRN-" + random.nextInt(1000),
                observedAt,
                observedAt.plusSeconds(random.nextInt(300)),
                "bedside-monitor",
                "msg-" + random.nextInt(),
                maybe(random, new BigDecimal("38.0").add(BigDecimal.valueOf(random.nextInt(30), 1))),
                maybe(random, BigDecimal.valueOf(60 + random.nextInt(100))),
                maybe(random, BigDecimal.valueOf(70 + random.nextInt(80))),
                maybe(random, BigDecimal.valueOf(30 + random.nextInt(60))),
                maybe(random, BigDecimal.valueOf(50 + random.nextInt(50))),
                maybe(random, BigDecimal.valueOf(85 + random.nextInt(16))),
                maybe(random, BigDecimal.valueOf(10 + random.nextInt(30))),
                maybe(random, oneOf(random, OxygenDevice.values())),
                maybe(random, BigDecimal.valueOf(random.nextInt(600), 1)),
                maybe(random, BigDecimal.valueOf(3000 + random.nextInt(90_000), 3)),
                oneOf(random, ResultStatus.FINAL, ResultStatus.CORRECTED));
    }

    private static LabResultRecorded censoredAnc() {
        return new LabResultRecorded(
                UUID.fromString("0b0e7c4e-9a51-4f3e-8d47-3f2c1a0b9e11"),
                "MRN-1",
                NOON,
                NOON.plusSeconds(2_700),
                "lis",
                "msg-1",
                "obs-1",
                "751-8",
                new BigDecimal("0.1"),
                "10*9/L",
                new ReferenceRange(new BigDecimal("1.8"), new BigDecimal("7.7")),
                ResultStatus.FINAL,
                ValueComparator.LESS_THAN,
                "10^9/L",
                List.of("LL"),
                List.of(SpecimenCondition.HEMOLYZED),
                TimePrecision.MINUTE);
    }

    private static LabResultRecorded cancelled() {
        return new LabResultRecorded(
                UUID.randomUUID(),
                "MRN-1",
                NOON,
                NOON,
                "lis",
                "msg-2",
                "obs-1",
                "751-8",
                null,
                null,
                null,
                ResultStatus.CANCELLED);
    }

    private static LabResultRecorded withNanos(int nanos) {
        Instant at = NOON.plusNanos(nanos);
        return new LabResultRecorded(
                UUID.randomUUID(),
                "MRN-1",
                at,
                at,
                "lis",
                "msg-3",
                null,
                "777-3",
                new BigDecimal("1.2E+2"),
                "10*9/L",
                new ReferenceRange(null, new BigDecimal("450")),
                ResultStatus.FINAL);
    }

    /** A time {@link IsoInstants} leaves to {@link Instant#toString()}. */
    private static LabResultRecorded farFuture() {
        Instant at = Instant.parse("+12026-01-01T00:00:00Z");
        return new LabResultRecorded(
                UUID.randomUUID(),
                "MRN-1",
                at,
                at,
                "lis",
                "msg-4",
                null,
                "777-3",
                new BigDecimal("-0.000"),
                "10*9/L",
                null,
                ResultStatus.PRELIMINARY);
    }

    private static BigDecimal decimal(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> BigDecimal.valueOf(random.nextInt(500));
            case 1 -> BigDecimal.valueOf(random.nextInt(100_000), random.nextInt(5));
            case 2 -> new BigDecimal(random.nextLong()).scaleByPowerOfTen(-random.nextInt(30));
            default -> BigDecimal.valueOf(random.nextInt(90), -random.nextInt(4));
        };
    }

    private static <T> @Nullable T maybe(Random random, T value) {
        return random.nextInt(4) == 0 ? null : value;
    }

    @SafeVarargs
    private static <T> T oneOf(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
