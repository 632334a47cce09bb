package org.toxwatch.ingest.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.ClinicalFinding;

/**
 * Which coded concept is which {@link ClinicalFinding}: the table {@code finding-codes.tsv} next to this class
 * (data, so a site adds a code without a release of the rules), plus ToxWatch's own code system
 * {@value #TOXWATCH_SYSTEM}, in which every finding has its name as its code. A code written
 * {@code system|code}; a code outside both is unknown, never guessed.
 */
public final class FindingCodes {

    public static final String TOXWATCH_SYSTEM = "urn:toxwatch:finding";
    public static final String SNOMED = "http://snomed.info/sct";

    private static final String TABLE = "finding-codes.tsv";
    private static final Map<String, ClinicalFinding> TABLED = load();

    /** The finding a {@code system|code} names, if ToxWatch knows it. */
    public static Optional<ClinicalFinding> findingOf(@Nullable String system, @Nullable String code) {
        if (system == null || code == null) {
            return Optional.empty();
        }
        String trimmed = code.trim();
        if (TOXWATCH_SYSTEM.equals(system.trim())) {
            return Arrays.stream(ClinicalFinding.values())
                    .filter(finding -> finding.name().equals(trimmed))
                    .findFirst();
        }
        return Optional.ofNullable(TABLED.get(system.trim() + "|" + trimmed));
    }

    /** The finding a code written {@code system|code} names. */
    public static Optional<ClinicalFinding> findingOf(String systemAndCode) {
        int bar = systemAndCode.lastIndexOf('|');
        return bar < 0
                ? Optional.empty()
                : findingOf(systemAndCode.substring(0, bar), systemAndCode.substring(bar + 1));
    }

    /** Whether the system is one findings are coded in (a coding of another system is no finding code). */
    public static boolean isFindingSystem(@Nullable String system) {
        return system != null
                && (TOXWATCH_SYSTEM.equals(system.trim())
                        || TABLED.keySet().stream().anyMatch(key -> key.startsWith(system.trim() + "|")));
    }

    /** The codes a sender may use, for a rejection that says what would have been accepted. */
    public static String accepted() {
        return String.join(
                        ", ",
                        TABLED.entrySet().stream()
                                .map(entry -> entry.getKey() + " (" + entry.getValue() + ")")
                                .toList())
                + ", or " + TOXWATCH_SYSTEM + "|<finding> for any of "
                + Arrays.toString(ClinicalFinding.values());
    }

    private static Map<String, ClinicalFinding> load() {
        var codes = new LinkedHashMap<String, ClinicalFinding>();
        try (InputStream in = Objects.requireNonNull(
                        FindingCodes.class.getResourceAsStream(TABLE), TABLE + " is part of the ingest service");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length < 3) {
                    throw new IllegalStateException(TABLE + ": a line needs system, code and finding: " + line);
                }
                codes.put(columns[0].trim() + "|" + columns[1].trim(), ClinicalFinding.valueOf(columns[2].trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(codes);
    }

    private FindingCodes() {}
}
