package org.toxwatch.launcher.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.toxwatch.launcher.fuzz.JsonTree.Location;
import org.toxwatch.launcher.fuzz.JsonTree.Raw;

/**
 * Mutations of a JSON document (ToxWatch's own JSON or FHIR R4): first on the tree, then on the written
 * text. Biased toward identifiers, values and times, where QA found the failures.
 */
final class JsonMutations {

    static final Set<String> IDENTIFIERS =
            Set.of("patientId", "sourceMessageId", "value", "reference", "fullUrl", "system", "id", "product", "url");
    static final Set<String> VALUES = Set.of("value", "iceScore", "low", "high", "dose", "carePhase");
    static final Set<String> TIMES = Set.of(
            "effectiveTime",
            "effectiveDateTime",
            "issued",
            "occurredAt",
            "assessedAt",
            "start",
            "end",
            "effectiveInstant",
            "lastUpdated");
    static final Set<String> CODES = Set.of("loinc", "unit", "code", "type", "therapy", "status", "resourceType");

    /** Tree mutations by weight: identifier, value and time attacks come up most. */
    static final List<String> TREE_KINDS = List.of(
            "hostile-identifier",
            "hostile-identifier",
            "hostile-identifier",
            "hostile-number",
            "hostile-number",
            "hostile-number",
            "number-as-text",
            "hostile-time",
            "hostile-time",
            "hostile-code",
            "hostile-string-anywhere",
            "remove-field",
            "null-field",
            "wrong-type",
            "extra-field",
            "duplicate-item",
            "huge-value");

    static final List<String> TEXT_KINDS =
            List.of("truncate", "invalid-utf8", "flip-byte", "duplicate-key", "wrap", "replace-body");

    private JsonMutations() {}

    /** A mutation chosen at random: mostly on the tree, some on the text. */
    static Mutation any(Random random, boolean allowHuge) {
        String kind;
        if (random.nextInt(5) == 0) {
            kind = Hostile.pick(random, TEXT_KINDS);
        } else {
            do {
                kind = Hostile.pick(random, TREE_KINDS);
            } while (kind.equals("huge-value") && !allowHuge);
        }
        return new Mutation(kind, random.nextLong());
    }

    static boolean onText(Mutation mutation) {
        return TEXT_KINDS.contains(mutation.kind());
    }

    /** Applies a tree mutation; returns the (possibly replaced) root. */
    static Object applyToTree(Object root, Mutation mutation) {
        var random = new Random(mutation.seed());
        switch (mutation.kind()) {
            case "hostile-identifier" ->
                pickLeaf(root, random, IDENTIFIERS).set(new Raw(JsonTree.string(Hostile.text(random))));
            case "hostile-number" -> pickLeaf(root, random, VALUES).set(new Raw(Hostile.number(random)));
            case "number-as-text" -> pickLeaf(root, random, VALUES).set(Hostile.numberText(random));
            case "hostile-time" -> pickLeaf(root, random, TIMES).set(Hostile.isoTime(random));
            case "hostile-code" -> pickLeaf(root, random, CODES).set(new Raw(JsonTree.string(Hostile.text(random))));
            case "hostile-string-anywhere" ->
                pickLeaf(root, random, Set.of()).set(new Raw(JsonTree.string(Hostile.text(random))));
            case "remove-field" -> {
                var location = pickAny(root, random);
                if (location != null) {
                    location.remove();
                }
            }
            case "null-field" -> {
                var location = pickAny(root, random);
                if (location != null) {
                    location.set(null);
                }
            }
            case "wrong-type" -> {
                var location = pickAny(root, random);
                if (location != null) {
                    location.set(Hostile.pick(
                            random, List.of(JsonTree.object(), JsonTree.array(), true, 0, "0.3", new Raw("[[[]]]"))));
                }
            }
            case "extra-field" -> {
                List<Location> objects = JsonTree.locations(root, l -> l.value() instanceof Map<?, ?>);
                Object target =
                        objects.isEmpty() ? root : Hostile.pick(random, objects).value();
                if (target instanceof Map<?, ?> map) {
                    @SuppressWarnings("unchecked")
                    var object = (Map<String, Object>) map;
                    object.put("extra" + random.nextInt(9), new Raw(JsonTree.string(Hostile.text(random))));
                }
            }
            case "duplicate-item" -> {
                if (root instanceof List<?> list && !list.isEmpty()) {
                    @SuppressWarnings("unchecked")
                    var items = (List<Object>) list;
                    Object copy = JsonTree.copy(items.get(random.nextInt(items.size())));
                    // The same message id with a different value: a copy only in name.
                    JsonTree.locations(copy, l -> l.name().equals("value") && l.value() instanceof Number)
                            .forEach(l -> l.set(new Raw("0.1")));
                    items.add(copy);
                } else {
                    return JsonTree.array(root, JsonTree.copy(root));
                }
            }
            case "huge-value" -> {
                String huge = Hostile.huge(mutation.seed());
                var location = pickLeaf(root, random, random.nextBoolean() ? VALUES : IDENTIFIERS);
                location.set(new Raw(
                        huge.chars().allMatch(Character::isDigit) || huge.startsWith("0.")
                                ? huge
                                : JsonTree.string(huge)));
            }
            default -> throw new IllegalArgumentException("not a tree mutation: " + mutation.kind());
        }
        return root;
    }

    /** Applies a text mutation to the written document. */
    static String applyToText(String text, Mutation mutation) {
        var random = new Random(mutation.seed());
        return switch (mutation.kind()) {
            case "truncate" -> text.substring(0, random.nextInt(Math.max(1, text.length())));
            case "invalid-utf8" -> {
                int at = random.nextInt(text.length() + 1);
                yield text.substring(0, at) + Hostile.INVALID_UTF8 + text.substring(at);
            }
            case "flip-byte" -> {
                if (text.isEmpty()) {
                    yield "\u0000";
                }
                int at = random.nextInt(text.length());
                char replacement =
                        Hostile.pick(random, List.of('{', '}', '[', ']', '"', ',', ':', '\\', '\u0000', 'x', '9'));
                yield text.substring(0, at) + replacement + text.substring(at + 1);
            }
            case "duplicate-key" -> {
                int brace = text.indexOf('{');
                yield brace < 0
                        ? text
                        : text.substring(0, brace + 1) + "\"patientId\":\"DUP-" + random.nextInt(1000) + "\","
                                + text.substring(brace + 1);
            }
            case "wrap" ->
                switch (random.nextInt(3)) {
                    case 0 -> "[" + text + "]";
                    case 1 -> "{\"data\":" + text + "}";
                    default -> "[".repeat(200 + random.nextInt(5_000)) + text;
                };
            case "replace-body" ->
                Hostile.pick(
                        random,
                        List.of(
                                "",
                                "null",
                                "[]",
                                "{}",
                                "[null]",
                                "[{}]",
                                "\"text\"",
                                "1e309",
                                "true",
                                " ",
                                "\uFEFF{}",
                                "[" + "{},".repeat(2_000) + "{}]"));
            default -> throw new IllegalArgumentException("not a text mutation: " + mutation.kind());
        };
    }

    static byte[] encode(String text, List<Mutation> mutations) {
        long seed = mutations.stream().mapToLong(Mutation::seed).reduce(17, (a, b) -> a * 31 + b);
        return text.indexOf(Hostile.INVALID_UTF8) < 0
                ? text.getBytes(StandardCharsets.UTF_8)
                : Hostile.encode(text, new Random(seed));
    }

    /** A leaf (not an object or array) named in the set, else any leaf. */
    private static Location pickLeaf(Object root, Random random, Set<String> names) {
        List<Location> named = JsonTree.locations(
                root,
                l -> names.contains(l.name()) && !(l.value() instanceof Map<?, ?>) && !(l.value() instanceof List<?>));
        if (!named.isEmpty()) {
            return Hostile.pick(random, named);
        }
        List<Location> leaves =
                JsonTree.locations(root, l -> !(l.value() instanceof Map<?, ?>) && !(l.value() instanceof List<?>));
        if (!leaves.isEmpty()) {
            return Hostile.pick(random, leaves);
        }
        var holder = JsonTree.array(root);
        return new Location(holder, 0);
    }

    private static @Nullable Location pickAny(Object root, Random random) {
        List<Location> all = JsonTree.locations(root, l -> true);
        return all.isEmpty() ? null : Hostile.pick(random, all);
    }
}
