package org.toxwatch.ingest.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.toxwatch.model.OxygenDevice;

/**
 * Oxygen-delivery codes sites send (CRITERIA.md 13.2): ToxWatch's own enum names, or the SNOMED CT concepts
 * the criteria list.
 */
final class OxygenDeviceCodes {

    private static final Map<String, OxygenDevice> SNOMED = Map.of(
            "336623009", OxygenDevice.NASAL_CANNULA,
            "427591007", OxygenDevice.NON_REBREATHER,
            "428285009", OxygenDevice.VENTURI_MASK,
            "425478008", OxygenDevice.BLOW_BY);

    static Optional<OxygenDevice> parse(String code) {
        String trimmed = code.trim();
        if (SNOMED.containsKey(trimmed)) {
            return Optional.of(SNOMED.get(trimmed));
        }
        try {
            return Optional.of(OxygenDevice.valueOf(trimmed.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private OxygenDeviceCodes() {}
}
