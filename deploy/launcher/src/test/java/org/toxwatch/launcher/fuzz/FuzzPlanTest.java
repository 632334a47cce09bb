package org.toxwatch.launcher.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The CI-sized pipeline fuzz ({@value FuzzPlan#CI_INPUTS} inputs per entry point instead of 10,000) still sends
 * every attack that found a bug in the full run, many times over: every mutation kind, every huge value, exponents
 * past an int that JSON reads in a few bytes and no JVM can write out (1E+2147483648; such a number's
 * OutOfMemoryError stopped monitoring), lone surrogates in identifiers (unreadable keys that stopped grading), and
 * unreadable or misordered HL7 (AA with nothing stored, AE messages missing from the reject list).
 */
class FuzzPlanTest {

    private static final FuzzPlan CI = new FuzzPlan(FuzzPlan.DEFAULT_SEED, FuzzPlan.CI_INPUTS);
    private static final FuzzPlan FULL = new FuzzPlan(FuzzPlan.DEFAULT_SEED, 10_000);
    private static final int EVERY_KIND_AT_LEAST = 100;
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final Map<EntryPoint, Sent> SENT = new EnumMap<>(EntryPoint.class);

    /** What the CI plan sends on one entry point, summarized as it is generated (the bodies reach megabytes). */
    private record Sent(
            Map<String, Integer> mutationKinds,
            Set<String> hugeShapes,
            int hugeInputs,
            int overflowingExponents,
            int loneSurrogates) {}

    @Test
    void theCiRunSendsTheFirstInputsOfTheFullRun() {
        var json = new JsonInputs(NOW);
        var hl7 = new Hl7Inputs(NOW);
        for (EntryPoint entryPoint : EntryPoint.values()) {
            IntStream.range(0, 200)
                    .filter(i -> !CI.huge(i) && !FULL.huge(i))
                    .forEach(i -> assertThat(CI.input(entryPoint, i, json, hl7).body())
                            .isEqualTo(FULL.input(entryPoint, i, json, hl7).body()));
        }
    }

    @Test
    void theFullRunKeepsItsOneHugeInputIn2000() {
        assertThat(FULL.hugeEvery()).isEqualTo(2_000);
        assertThat(CI.hugeEvery()).isEqualTo(600);
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void everyMutationKindIsSentManyTimes(EntryPoint entryPoint) {
        var kinds = sent(entryPoint).mutationKinds();

        assertThat(kinds.keySet()).containsAll(kindsOf(entryPoint));
        assertThat(kinds)
                .allSatisfy((kind, count) -> assertThat(count)
                        .as(kind)
                        .isGreaterThanOrEqualTo(hugeKinds().contains(kind) ? 5 : EVERY_KIND_AT_LEAST));
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void everyHugeValueIsSent(EntryPoint entryPoint) {
        var sent = sent(entryPoint);

        assertThat(sent.hugeInputs()).isEqualTo(5);
        assertThat(sent.hugeShapes())
                .containsExactlyInAnyOrderElementsOf(
                        entryPoint == EntryPoint.HL7
                                ? List.of("million digits", "1 MiB identifier", "1 MiB message")
                                : List.of("million digits", "5 MiB text", "200,000 decimals", "1 MiB text"));
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void exponentsPastAnIntAreSent(EntryPoint entryPoint) {
        assertThat(sent(entryPoint).overflowingExponents()).isGreaterThanOrEqualTo(10);
    }

    @ParameterizedTest
    @EnumSource(
            value = EntryPoint.class,
            names = {"JSON", "FHIR"})
    void loneSurrogatesAreSentAsJsonEscapes(EntryPoint entryPoint) {
        assertThat(sent(entryPoint).loneSurrogates()).isGreaterThanOrEqualTo(50);
    }

    private static List<String> kindsOf(EntryPoint entryPoint) {
        if (entryPoint == EntryPoint.HL7) {
            return Hl7Inputs.KINDS;
        }
        var kinds = new TreeSet<>(JsonMutations.TREE_KINDS);
        kinds.addAll(JsonMutations.TEXT_KINDS);
        kinds.add("reuse-message-id");
        if (entryPoint == EntryPoint.FHIR) {
            kinds.add("null-resource");
        }
        return List.copyOf(kinds);
    }

    private static Set<String> hugeKinds() {
        return Set.of("huge", "huge-value");
    }

    private static synchronized Sent sent(EntryPoint entryPoint) {
        return SENT.computeIfAbsent(entryPoint, FuzzPlanTest::generate);
    }

    private static Sent generate(EntryPoint entryPoint) {
        var json = new JsonInputs(NOW);
        var hl7 = new Hl7Inputs(NOW);
        var kinds = new TreeMap<String, Integer>();
        var hugeShapes = new TreeSet<String>();
        int huge = 0;
        int exponents = 0;
        int surrogates = 0;
        for (int i = 0; i < CI.inputs(); i++) {
            FuzzInput input = CI.input(entryPoint, i, json, hl7);
            input.mutations().forEach(mutation -> kinds.merge(mutation.kind(), 1, Integer::sum));
            String body = new String(input.body(), StandardCharsets.ISO_8859_1);
            if (body.contains("1E+2147483648")) {
                exponents++;
            }
            if (body.contains("\\ud800") || body.contains("\\udc00") || body.contains("\\ud83d\"")) {
                surrogates++;
            }
            if (CI.huge(i)) {
                huge++;
                hugeShapes.add(hugeShape(entryPoint, body));
            }
        }
        return new Sent(kinds, hugeShapes, huge, exponents, surrogates);
    }

    private static String hugeShape(EntryPoint entryPoint, String body) {
        if (body.contains("9".repeat(1_000_000))) {
            return "million digits";
        }
        if (body.contains("3".repeat(200_000))) {
            return "200,000 decimals";
        }
        if (entryPoint == EntryPoint.HL7) {
            return body.contains("P".repeat(1024 * 1024)) ? "1 MiB identifier" : "1 MiB message";
        }
        return body.contains("P".repeat(5 * 1024 * 1024)) ? "5 MiB text" : "1 MiB text";
    }
}
