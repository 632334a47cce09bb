package org.toxwatch.launcher.fuzz;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A JSON document as plain mutable maps and lists, written by hand so a mutation can put in what a JSON
 * library would refuse to write: a lone surrogate, {@code 1e309}, a million-digit number ({@link Raw}).
 */
final class JsonTree {

    /** A token written as is. */
    record Raw(String token) {}

    /** Where a value sits: a key of an object or an index of an array. */
    record Location(Object container, Object key) {

        @Nullable
        Object value() {
            return container instanceof Map<?, ?> map ? map.get(key) : ((List<?>) container).get((Integer) key);
        }

        @SuppressWarnings("unchecked")
        void set(@Nullable Object value) {
            if (container instanceof Map<?, ?> map) {
                ((Map<Object, Object>) map).put(key, value);
            } else {
                ((List<Object>) container).set((Integer) key, value);
            }
        }

        @SuppressWarnings("unchecked")
        void remove() {
            if (container instanceof Map<?, ?> map) {
                map.remove(key);
            } else {
                ((List<Object>) container).remove((int) (Integer) key);
            }
        }

        String name() {
            return String.valueOf(key);
        }
    }

    private JsonTree() {}

    static Map<String, Object> object(Object... keysAndValues) {
        var object = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    static List<Object> array(Object... values) {
        return new ArrayList<>(List.of(values));
    }

    /** Every value in the document, containers included, that the filter accepts, in document order. */
    static List<Location> locations(Object root, Predicate<Location> filter) {
        var found = new ArrayList<Location>();
        collect(root, filter, found);
        return found;
    }

    private static void collect(Object node, Predicate<Location> filter, List<Location> found) {
        if (node instanceof Map<?, ?> map) {
            for (Object key : List.copyOf(map.keySet())) {
                var location = new Location(map, key);
                if (filter.test(location)) {
                    found.add(location);
                }
                Object child = map.get(key);
                if (child != null) {
                    collect(child, filter, found);
                }
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                var location = new Location(list, i);
                if (filter.test(location)) {
                    found.add(location);
                }
                Object child = list.get(i);
                if (child != null) {
                    collect(child, filter, found);
                }
            }
        }
    }

    static String write(@Nullable Object node) {
        var out = new StringBuilder(256);
        write(node, out);
        return out.toString();
    }

    private static void write(@Nullable Object node, StringBuilder out) {
        switch (node) {
            case null -> out.append("null");
            case Raw raw -> out.append(raw.token());
            case String text -> string(text, out);
            case BigDecimal decimal -> out.append(decimal.toPlainString());
            case Number number -> out.append(number);
            case Boolean bool -> out.append(bool);
            case Map<?, ?> map -> {
                out.append('{');
                boolean first = true;
                for (var entry : map.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(String.valueOf(entry.getKey()), out);
                    out.append(':');
                    write(entry.getValue(), out);
                }
                out.append('}');
            }
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(list.get(i), out);
                }
                out.append(']');
            }
            default -> throw new IllegalArgumentException("not a JSON value: " + node.getClass());
        }
    }

    /** A JSON string token; control characters and lone surrogates as \\u escapes, everything else as is. */
    static String string(String text) {
        var out = new StringBuilder(text.length() + 2);
        string(text, out);
        return out.toString();
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pairedSurrogate = Character.isHighSurrogate(c)
                            && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))
                    || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) && !pairedSurrogate) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    /** A deep copy, so one sample can be mutated many ways. */
    static @Nullable Object copy(@Nullable Object node) {
        if (node instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<Object, Object>();
            map.forEach((key, value) -> copy.put(key, copy(value)));
            return copy;
        }
        if (node instanceof List<?> list) {
            var copy = new ArrayList<Object>();
            list.forEach(value -> copy.add(copy(value)));
            return copy;
        }
        return node;
    }
}
