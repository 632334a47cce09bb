package org.toxwatch.monitoring.adapter.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.smile.SmileMapper;

/**
 * The stored state's instants are written and read exactly as Jackson writes and reads them, so the stored bytes
 * (format v1) and what any stored text means are unchanged.
 */
class IsoInstantsTest {

    private static final ObjectMapper JACKSON = SmileMapper.builder().build();
    private static final ObjectMapper STORED =
            SmileMapper.builder().addModule(IsoInstants.module()).build();
    private static final JsonMapper TOPIC_JACKSON = JsonMapper.builder().build();
    private static final JsonMapper TOPIC = new MonitoringSerdes(TOPIC_JACKSON).topicMapper();

    private static final long FIRST_SECOND =
            LocalDate.of(0, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    private static final long LAST_SECOND =
            LocalDate.of(9999, 12, 31).atTime(23, 59, 59).toEpochSecond(ZoneOffset.UTC);

    /** Seconds from year 0 to 9999, with no fraction, milli-, micro- and nanoseconds, and the ends of the range. */
    static Stream<Instant> instants() {
        var random = new Random(11);
        var edges = Stream.of(
                Instant.ofEpochSecond(FIRST_SECOND),
                Instant.ofEpochSecond(LAST_SECOND, 999_999_999),
                Instant.EPOCH,
                Instant.ofEpochSecond(-1, 1),
                Instant.parse("2026-11-25T09:00:00Z"),
                Instant.parse("2028-02-29T23:59:59.5Z"));
        var drawn = Stream.generate(() -> {
                    long second = FIRST_SECOND + (long) (random.nextDouble() * (LAST_SECOND - FIRST_SECOND));
                    int nanos = switch (random.nextInt(4)) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1_000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1_000;
                        default -> random.nextInt(1_000_000_000);
                    };
                    return Instant.ofEpochSecond(second, nanos);
                })
                .limit(20_000);
        return Stream.concat(edges, drawn);
    }

    @Test
    void everyInstantIsWrittenAsJacksonWritesItAndReadBackAsItself() {
        instants().forEach(instant -> {
            byte[] written = STORED.writeValueAsBytes(instant);

            assertThat(written).as("%s", instant).isEqualTo(JACKSON.writeValueAsBytes(instant));
            assertThat(STORED.readValue(written, Instant.class)).isEqualTo(instant);
            assertThat(IsoInstants.parse(instant.toString())).isEqualTo(instant);
        });
    }

    @Test
    void instantsOutsideYearsZeroTo9999AreWrittenAsJacksonWritesThem() {
        for (var instant : new Instant[] {Instant.MAX, Instant.MIN, Instant.parse("+10000-01-01T00:00:00Z")}) {
            byte[] written = STORED.writeValueAsBytes(instant);

            assertThat(written).isEqualTo(JACKSON.writeValueAsBytes(instant));
            assertThat(STORED.readValue(written, Instant.class)).isEqualTo(instant);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"2026-11-25T09:00:00.1Z\"",
                "\"2026-11-25T09:00:00.12Z\"",
                "\"2026-11-25T09:00:00.1234Z\"",
                "\"+10000-01-01T00:00:00Z\"",
                "\"2026-06-30T23:59:60Z\"",
                "\"2026-02-30T00:00:00Z\"",
                "\"2026-13-01T00:00:00Z\"",
                "\"2026-11-25T24:00:00Z\"",
                "\"2026-11-25T09:00:00.Z\"",
                "\"2026-11-25T09:00:00.1234567890Z\"",
                "\"2026-11-25T09:00:00+01:00\"",
                "\"2026-11-25t09:00:00z\"",
                "\"2026-11-25 09:00:00Z\"",
                "\"2026-11-25T09:00Z\"",
                "\"-2026-11-25T09:00:00Z\"",
                "\"2026-1a-25T09:00:00Z\"",
                "\"\"",
                "1764061200",
                "1764061200.5",
                "null"
            })
    void anyStoredTextIsReadAsJacksonReadsIt(String json) {
        byte[] smile = JACKSON.writeValueAsBytes(JsonMapper.builder().build().readTree(json));

        Object jackson = readOrFailure(JACKSON, smile);
        Object stored = readOrFailure(STORED, smile);

        assertThat(stored).isEqualTo(jackson);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"2026-11-25T09:00:00Z\"",
                "\"2026-11-25T09:00:00.123456Z\"",
                "\"2026-11-25T09:00:00.1Z\"",
                "\"+10000-01-01T00:00:00Z\"",
                "\"2026-06-30T23:59:60Z\"",
                "\"2026-02-30T00:00:00Z\"",
                "\"2026-11-25T09:00:00+01:00\"",
                "\"2026-11-25t09:00:00z\"",
                "\"2026-11-25T09:00Z\"",
                "\"\"",
                "1764061200",
                "1764061200.5",
                "null"
            })
    void anyTextOnATopicIsReadAsTheApplicationsMapperReadsIt(String json) {
        byte[] text = json.getBytes(StandardCharsets.UTF_8);

        assertThat(readOrFailure(TOPIC, text)).isEqualTo(readOrFailure(TOPIC_JACKSON, text));
    }

    @Test
    void theTopicsAreWrittenAsTheApplicationsMapperWritesThem() {
        var instant = Instant.parse("2026-11-25T09:00:00.120Z");

        assertThat(TOPIC.writeValueAsString(instant)).isEqualTo(TOPIC_JACKSON.writeValueAsString(instant));
    }

    private static Object readOrFailure(ObjectMapper mapper, byte[] smile) {
        var failure = catchThrowable(() -> mapper.readValue(smile, Instant.class));
        return failure == null ? String.valueOf(mapper.readValue(smile, Instant.class)) : failure.getClass();
    }
}
