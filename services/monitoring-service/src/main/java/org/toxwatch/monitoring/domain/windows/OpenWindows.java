package org.toxwatch.monitoring.domain.windows;

import java.util.List;

/**
 * The monitoring windows open at one time, as the therapy context shows them.
 *
 * @param highIntensity at least one open window asks for hospitalization, supervision or in-facility monitoring
 * @param descriptions each open window with its days and source
 */
public record OpenWindows(boolean highIntensity, List<String> descriptions) {

    public static final OpenWindows NONE = new OpenWindows(false, List.of());

    public OpenWindows {
        descriptions = List.copyOf(descriptions);
    }
}
