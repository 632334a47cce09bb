package org.toxwatch.launcher.fuzz;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.LongUnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * HL7 v2 ORU^R01 inputs for the MLLP listener: a valid lab result message with up to three seeded
 * mutations of its structure (missing or damaged segments, a wrong MSH-9 or version, broken encoding
 * characters) or of its fields (hostile identifiers, values, units and times), plus a few huge ones. The
 * bytes never contain the MLLP frame characters 0x0B and 0x1C, which no sender can put inside a message.
 */
public final class Hl7Inputs {

    private static final DateTimeFormatter HL7_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmZ").withZone(ZoneOffset.UTC);

    private record Lab(String loinc, String name, String unit, double low, double high, String range) {}

    private static final List<Lab> LABS = List.of(
            new Lab("751-8", "Neutrophils", "10*9/L", 0.05, 8, "1.8-7.7"),
            new Lab("777-3", "Platelets", "10*3/uL", 5, 400, "150-400"),
            new Lab("1742-6", "ALT", "U/L", 5, 900, "7-40"),
            new Lab("1975-2", "Bilirubin", "umol/L", 2, 150, "3-21"),
            new Lab("718-7", "Hemoglobin", "g/L", 50, 170, "120-160"));

    static final List<String> KINDS = List.of(
            "hostile-field",
            "hostile-patient-id",
            "hostile-patient-id",
            "hostile-control-id",
            "hostile-value",
            "hostile-value",
            "hostile-value",
            "hostile-time",
            "hostile-time",
            "hostile-unit",
            "drop-obr",
            "drop-obx",
            "drop-pid",
            "drop-msh",
            "damage-segment-name",
            "damage-segment-name",
            "wrong-msh9",
            "wrong-msh9",
            "wrong-version",
            "bad-encoding-characters",
            "wrong-value-type",
            "duplicate-segment",
            "shuffle-segments",
            "lf-line-endings",
            "reuse-control-id",
            "truncate",
            "invalid-utf8",
            "flip-byte",
            "empty");

    private static final List<String> TEXT_KINDS = List.of("truncate", "invalid-utf8", "flip-byte", "empty");

    private final Instant now;

    public Hl7Inputs(Instant now) {
        this.now = now;
    }

    /** How many huge shapes the {@code huge} mutation knows: a million digits, a 1 MiB id, a 1 MiB message. */
    static final int HUGE_SHAPES = 3;

    /** A new input; {@code huge} adds one of the few huge values. */
    public FuzzInput generate(long seed, boolean huge) {
        return generate(seed, huge ? LongUnaryOperator.identity() : null);
    }

    /** A new input carrying huge shape number {@code shape} (see {@link #HUGE_SHAPES}). */
    public FuzzInput generateHuge(long seed, int shape) {
        return generate(seed, hugeSeed -> Hostile.withHugeShape(hugeSeed, shape % HUGE_SHAPES));
    }

    private FuzzInput generate(long seed, @Nullable LongUnaryOperator huge) {
        var random = new Random(seed ^ 0x2545F4914F6CDD1DL);
        var mutations = new ArrayList<Mutation>();
        int count = random.nextInt(12) == 0 ? 0 : 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            mutations.add(new Mutation(Hostile.pick(random, KINDS), random.nextLong()));
        }
        if (huge != null) {
            mutations.add(new Mutation("huge", huge.applyAsLong(random.nextLong())));
        }
        return build(seed, mutations, "");
    }

    public FuzzInput build(long sampleSeed, List<Mutation> mutations, String salt) {
        var random = new Random(sampleSeed);
        String tag = Long.toHexString(sampleSeed) + salt;
        var segments = sample(random, tag);
        for (Mutation mutation : mutations) {
            if (!TEXT_KINDS.contains(mutation.kind())) {
                applyToSegments(segments, mutation);
            }
        }
        var text = new StringBuilder();
        for (List<String> segment : segments) {
            text.append(String.join("|", segment)).append('\r');
        }
        String message = text.toString();
        for (Mutation mutation : mutations) {
            if (TEXT_KINDS.contains(mutation.kind())) {
                message = applyToText(message, mutation);
            }
        }
        long seed = mutations.stream().mapToLong(Mutation::seed).reduce(23, (a, b) -> a * 31 + b);
        byte[] bytes = Hostile.encode(message, new Random(seed));
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0x0B || bytes[i] == 0x1C) {
                bytes[i] = '?';
            }
        }
        return new FuzzInput(EntryPoint.HL7, "MLLP", bytes, "oru-r01", sampleSeed, List.copyOf(mutations));
    }

    private List<List<String>> sample(Random random, String tag) {
        String collected = time(random, Duration.ofHours(48));
        var segments = new ArrayList<List<String>>();
        segments.add(fields(
                "MSH",
                "^~\\&",
                "LIS",
                "FUZZ-HOSPITAL",
                "TOXWATCH",
                "TOXWATCH",
                time(random, Duration.ofMinutes(30)),
                "",
                "ORU^R01^ORU_R01",
                "FZ-" + tag,
                "P",
                "2.5.1"));
        segments.add(fields("PID", "1", "", "FZ-" + tag + "^^^FUZZ-HOSPITAL^MR"));
        segments.add(fields("OBR", "1", "ORD-" + tag, "FIL-" + tag, "57021-8^CBC^LN", "", "", collected));
        int results = 1 + random.nextInt(3);
        for (int i = 1; i <= results; i++) {
            Lab lab = Hostile.pick(random, LABS);
            double value = lab.low() + random.nextDouble() * (lab.high() - lab.low());
            segments.add(fields(
                    "OBX",
                    String.valueOf(i),
                    "NM",
                    lab.loinc() + "^" + lab.name() + "^LN",
                    "",
                    String.format(java.util.Locale.ROOT, lab.high() < 20 ? "%.2f" : "%.0f", value),
                    lab.unit() + "^^UCUM",
                    lab.range(),
                    "",
                    "",
                    "",
                    "F",
                    "",
                    "",
                    collected));
        }
        return segments;
    }

    private static void applyToSegments(List<List<String>> segments, Mutation mutation) {
        var random = new Random(mutation.seed());
        switch (mutation.kind()) {
            case "hostile-field" -> {
                if (!segments.isEmpty()) {
                    List<String> segment = Hostile.pick(random, segments);
                    int first = segment.getFirst().equals("MSH") ? 2 : 1;
                    if (segment.size() > first) {
                        segment.set(first + random.nextInt(segment.size() - first), Hostile.text(random));
                    }
                }
            }
            case "hostile-patient-id" -> set(segments, "PID", 3, Hostile.text(random) + "^^^FUZZ-HOSPITAL^MR");
            case "hostile-control-id" -> set(segments, "MSH", 10, Hostile.text(random));
            case "hostile-value" -> set(segments, "OBX", 5, Hostile.numberText(random));
            case "hostile-time" ->
                set(segments, Hostile.pick(random, List.of("MSH", "OBR", "OBX")), 0, Hostile.hl7Time(random));
            case "hostile-unit" -> set(segments, "OBX", 6, Hostile.text(random));
            case "drop-obr" -> segments.removeIf(segment -> segment.getFirst().equals("OBR"));
            case "drop-obx" -> segments.removeIf(segment -> segment.getFirst().equals("OBX"));
            case "drop-pid" -> segments.removeIf(segment -> segment.getFirst().equals("PID"));
            case "drop-msh" -> segments.removeIf(segment -> segment.getFirst().equals("MSH"));
            case "damage-segment-name" -> {
                if (!segments.isEmpty()) {
                    List<String> segment = Hostile.pick(random, segments);
                    String name = segment.getFirst();
                    segment.set(
                            0,
                            Hostile.pick(
                                    random,
                                    List.of(
                                            name.toLowerCase(java.util.Locale.ROOT),
                                            name.replace('O', '0'),
                                            name.substring(0, Math.min(2, name.length())),
                                            name + "X",
                                            " " + name,
                                            "ZZZ")));
                }
            }
            case "wrong-msh9" ->
                set(
                        segments,
                        "MSH",
                        9,
                        Hostile.pick(
                                random,
                                List.of(
                                        "RAS^O17^RAS_O17",
                                        "ADT^A01^ADT_A01",
                                        "ORU^R99",
                                        "",
                                        "ORU",
                                        "^R01",
                                        "ACK^R01^ACK",
                                        "ORU^R01^ORU_R01^EXTRA",
                                        "oru^r01")));
            case "wrong-version" ->
                set(segments, "MSH", 12, Hostile.pick(random, List.of("9.9", "", "2.1", "3.0", "2.5.1.9")));
            case "bad-encoding-characters" ->
                set(segments, "MSH", 2, Hostile.pick(random, List.of("", "^~", "abcd", "^~\\&#", "||||", "^^^^")));
            case "wrong-value-type" ->
                set(segments, "OBX", 2, Hostile.pick(random, List.of("ST", "CE", "", "XX", "SN")));
            case "duplicate-segment" -> {
                if (!segments.isEmpty()) {
                    int at = random.nextInt(segments.size());
                    segments.add(at, new ArrayList<>(segments.get(at)));
                }
            }
            case "shuffle-segments" -> Collections.shuffle(segments, random);
            case "lf-line-endings" -> {
                // Joined by CR later: a segment that holds LF-joined segments reads as one damaged segment.
                if (segments.size() > 1) {
                    var merged = new ArrayList<String>();
                    for (List<String> segment : segments) {
                        merged.add(String.join("|", segment));
                    }
                    segments.clear();
                    segments.add(new ArrayList<>(List.of(String.join(random.nextBoolean() ? "\n" : "\r\n\n", merged))));
                }
            }
            case "reuse-control-id" -> set(segments, "MSH", 10, "FZ-REUSED-" + random.nextInt(40));
            case "huge" -> {
                switch (Hostile.hugeShape(mutation.seed(), HUGE_SHAPES)) {
                    case 0 -> set(segments, "OBX", 5, "9".repeat(1_048_000));
                    case 1 -> set(segments, "PID", 3, "P".repeat(1024 * 1024));
                    default -> {
                        // A message of exactly 1 MiB, or one byte more: the size limit's edge.
                        int size = segments.stream()
                                .mapToInt(segment -> String.join("|", segment).length() + 1)
                                .sum();
                        int pad = 1024 * 1024 + random.nextInt(2) - size - "NTE|1||".length() - 1;
                        segments.add(fields("NTE", "1", "", "N".repeat(Math.max(0, pad))));
                    }
                }
            }
            default -> throw new IllegalArgumentException("not an HL7 mutation: " + mutation.kind());
        }
    }

    /** Sets field n of the first segment with that name (MSH counts MSH-1 as the separator); 0 = its time. */
    private static void set(List<List<String>> segments, String name, int field, String value) {
        for (List<String> segment : segments) {
            if (segment.getFirst().equals(name)) {
                int n = field != 0
                        ? field
                        : switch (name) {
                            case "MSH" -> 7;
                            case "OBR" -> 7;
                            default -> 14;
                        };
                int index = name.equals("MSH") ? n - 1 : n;
                while (segment.size() <= index) {
                    segment.add("");
                }
                segment.set(index, value);
                return;
            }
        }
    }

    private static String applyToText(String message, Mutation mutation) {
        var random = new Random(mutation.seed());
        return switch (mutation.kind()) {
            case "truncate" -> message.substring(0, random.nextInt(Math.max(1, message.length())));
            case "invalid-utf8" -> {
                int at = random.nextInt(message.length() + 1);
                yield message.substring(0, at) + Hostile.INVALID_UTF8 + message.substring(at);
            }
            case "flip-byte" -> {
                if (message.isEmpty()) {
                    yield "\u0000";
                }
                int at = random.nextInt(message.length());
                char replacement = Hostile.pick(random, List.of('|', '^', '~', '\\', '&', '\r', '\n', '\u0000', 'x'));
                yield message.substring(0, at) + replacement + message.substring(at + 1);
            }
            case "empty" -> Hostile.pick(random, List.of("", "\r", "MSH", "MSH|", " "));
            default -> throw new IllegalArgumentException("not a text mutation: " + mutation.kind());
        };
    }

    private String time(Random random, Duration within) {
        return HL7_TIME.format(now.minusSeconds(60 + (long) (random.nextDouble() * within.toSeconds())));
    }

    private static List<String> fields(String... values) {
        return new ArrayList<>(List.of(values));
    }

    static String text(byte[] message) {
        return new String(message, StandardCharsets.UTF_8);
    }
}
