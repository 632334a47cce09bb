package org.toxwatch.launcher.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class FuzzInputsTest {

    private static final Instant NOW = Instant.parse("2026-12-05T03:00:00Z");
    private final JsonInputs json = new JsonInputs(NOW);
    private final Hl7Inputs hl7 = new Hl7Inputs(NOW);

    @Test
    void theSameSeedBuildsTheSameInputSoAFailureCanBeReplayed() {
        for (EntryPoint entryPoint : List.of(EntryPoint.JSON, EntryPoint.FHIR)) {
            assertThat(json.generate(entryPoint, 42, false).body())
                    .isEqualTo(json.generate(entryPoint, 42, false).body());
        }
        assertThat(hl7.generate(42, true).body())
                .isEqualTo(hl7.generate(42, true).body());
    }

    @Test
    void anInputRebuiltFromItsSeedAndMutationsIsTheSameInput() {
        FuzzInput input = hl7.generate(7, false);

        assertThat(hl7.build(input.sampleSeed(), input.mutations(), "").body()).isEqualTo(input.body());
    }

    @Test
    void unmutatedSamplesAreValidJson() {
        var mapper = JsonMapper.builder().build();
        LongStream.range(0, 200).forEach(seed -> {
            for (EntryPoint entryPoint : List.of(EntryPoint.JSON, EntryPoint.FHIR)) {
                byte[] body = json.build(entryPoint, seed, List.of(), "").body();
                assertThat(mapper.readTree(body).isContainer()).isTrue();
            }
        });
    }

    @Test
    void mostInputsAreMutatedAndSomeAreLeftValid() {
        long mutated = IntStream.range(0, 1_000)
                .filter(seed -> !hl7.generate(seed, false).mutations().isEmpty())
                .count();

        assertThat(mutated).isBetween(850L, 980L);
    }

    @Test
    void noHl7InputHoldsTheMllpFrameBytes() {
        LongStream.range(0, 3_000).forEach(seed -> {
            byte[] body = hl7.generate(seed, seed % 500 == 1).body();
            for (byte b : body) {
                assertThat(b).isNotIn((byte) 0x0B, (byte) 0x1C);
            }
        });
    }

    @Test
    void thousandsOfSeedsGenerateWithoutFailingOnEveryEntryPoint() {
        LongStream.range(0, 3_000).forEach(seed -> {
            assertThat(json.generate(EntryPoint.JSON, seed, seed % 1_000 == 1).body())
                    .isNotNull();
            assertThat(json.generate(EntryPoint.FHIR, seed, seed % 1_000 == 1).body())
                    .isNotNull();
        });
    }

    @Test
    void aLoneSurrogateIsWrittenAsAJsonEscapeAndAnInvalidUtf8MarkAsBytesNoDecoderAccepts() {
        assertThat(JsonTree.string("SE\uD800C")).isEqualTo("\"SE\\ud800C\"");
        assertThat(JsonTree.string("emoji-\uD83D\uDE00")).isEqualTo("\"emoji-\uD83D\uDE00\"");
        byte[] bytes = Hostile.encode("a" + Hostile.INVALID_UTF8 + "b", new java.util.Random(1));
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).contains("\uFFFD");
    }
}
