package org.toxwatch.ingest.domain;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.fhir.ucum.UcumEssenceService;
import org.fhir.ucum.UcumException;
import org.jspecify.annotations.Nullable;

/**
 * The UCUM grammar and unit table (org.fhir:ucum, with the essence file it ships), used to tell a sender
 * precisely why a unit is refused: not UCUM at all, or a real unit of the wrong kind for the analyte.
 */
final class UcumGrammar {

    private static final UcumEssenceService UCUM = load();

    private UcumGrammar() {}

    /** Why {@code unit} is not valid UCUM, or empty when it is. */
    static Optional<String> problemWith(String unit) {
        try {
            return Optional.ofNullable(UCUM.validate(unit));
        } catch (RuntimeException e) {
            return Optional.of(e.getMessage() == null ? "unparseable" : e.getMessage());
        }
    }

    /** Whether two valid UCUM units measure the same kind of quantity (e.g. /uL and 10*9/L). */
    static boolean comparable(String unit, String other) {
        try {
            return UCUM.isComparable(unit, other);
        } catch (UcumException | RuntimeException e) {
            return false;
        }
    }

    /** What UCUM says the unit is, e.g. {@code (milligram)}, for an error message. */
    static @Nullable String describe(String unit) {
        try {
            return UCUM.analyse(unit);
        } catch (UcumException | RuntimeException e) {
            return null;
        }
    }

    private static UcumEssenceService load() {
        try (InputStream essence = UcumEssenceService.class.getResourceAsStream("/ucum-essence.xml")) {
            if (essence == null) {
                throw new IllegalStateException("ucum-essence.xml is missing from org.fhir:ucum");
            }
            return new UcumEssenceService(essence);
        } catch (IOException | UcumException e) {
            throw new IllegalStateException("cannot load the UCUM essence", e);
        }
    }
}
