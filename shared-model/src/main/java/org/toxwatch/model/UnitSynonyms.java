package org.toxwatch.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The UCUM unit a laboratory or device means by the unit it wrote ({@code K/uL}, {@code x10E3/uL}, {@code
 * mEq/L}, {@code °F}). One table, {@code unit-synonyms.tsv} beside this class, serves ingest on every protocol and
 * the what-if calculator, so that every path reads a unit the same way.
 *
 * <p>It only renames: it never converts a value, and it never decides whether a unit suits an analyte (the
 * analyte's accepted units do that). A spelling it does not know is returned as it was written (trimmed), to
 * be accepted as UCUM or refused with the analyte's accepted units named.
 */
public final class UnitSynonyms {

    private static final String TABLE = "unit-synonyms.tsv";
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private static final Map<String, String> EXACT;
    private static final Map<String, String> CASE_FOLDED;

    static {
        EXACT = read();
        CASE_FOLDED = caseFolded(EXACT);
    }

    private UnitSynonyms() {}

    /**
     * The UCUM unit {@code reported} stands for, if the table knows the spelling or the unit (a UCUM unit of the
     * table is returned as itself); empty if it does not, and the spelling may then still be valid UCUM as written.
     */
    public static Optional<String> ucumOf(String reported) {
        Objects.requireNonNull(reported, "reported");
        String key = canonicalSpelling(reported);
        String exact = EXACT.get(key);
        return exact != null ? Optional.of(exact) : Optional.ofNullable(CASE_FOLDED.get(key.toLowerCase(Locale.ROOT)));
    }

    /** The UCUM unit {@code reported} stands for, or {@code reported} trimmed when the table does not know it. */
    public static String toUcum(String reported) {
        return ucumOf(reported).orElse(reported.trim());
    }

    private static String canonicalSpelling(String reported) {
        var spelling = new StringBuilder();
        boolean inSuperscript = false;
        for (int i = 0; i < reported.length(); i++) {
            char c = reported.charAt(i);
            int superscript = SUPERSCRIPTS.indexOf(c);
            if (superscript >= 0) {
                spelling.append(inSuperscript ? "" : "^").append(superscript);
                inSuperscript = true;
                continue;
            }
            inSuperscript = false;
            if (Character.isWhitespace(c)) {
                continue;
            }
            spelling.append(
                    switch (c) {
                        case 'µ', 'μ' -> 'u';
                        case '×' -> 'x';
                        default -> c;
                    });
        }
        return spelling.toString();
    }

    private static Map<String, String> read() {
        try (InputStream in = UnitSynonyms.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException(TABLE + " is missing from the classpath");
            }
            var table = new HashMap<String, String>();
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length != 2 || columns[0].isBlank() || columns[1].isBlank()) {
                    throw new IllegalStateException(TABLE + ": not '<spelling> TAB <UCUM>': " + line);
                }
                String previous = table.put(canonicalSpelling(columns[0]), columns[1]);
                if (previous != null && !previous.equals(columns[1])) {
                    throw new IllegalStateException(TABLE + ": two meanings for " + columns[0]);
                }
            }
            return Map.copyOf(table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Case-folded spellings, keeping only those whose every listed spelling and UCUM unit agree on one unit. */
    private static Map<String, String> caseFolded(Map<String, String> exact) {
        var folded = new HashMap<String, String>();
        var ambiguous = new HashSet<String>();
        exact.forEach((spelling, ucum) -> {
            fold(folded, ambiguous, spelling, ucum);
            fold(folded, ambiguous, ucum, ucum);
        });
        for (String ucum : Set.of("g/L", "G/L", "g/dL", "mg/L", "U/L", "Cel", "kg", "/min", "%")) {
            fold(folded, ambiguous, ucum, ucum);
        }
        ambiguous.forEach(folded::remove);
        return Map.copyOf(folded);
    }

    private static void fold(Map<String, String> folded, Set<String> ambiguous, String spelling, String ucum) {
        String key = spelling.toLowerCase(Locale.ROOT);
        String previous = folded.putIfAbsent(key, ucum);
        if (previous != null && !previous.equals(ucum)) {
            ambiguous.add(key);
        }
    }
}
