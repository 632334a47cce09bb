package org.toxwatch.ingest.adapter.fhir;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A FHIR resource read into the submissions the shared validator checks.
 *
 * @param items one per recorded value: an Observation with components (a blood-pressure panel) yields several
 * @param messageId the idempotency key read from the resource's identifier, null without one
 * @param problems what mapping itself found wrong, once per resource
 */
record MappedResource<S>(List<Item<S>> items, @Nullable String messageId, List<Problem> problems) {

    /**
     * One submission with the FHIRPath each of its fields came from, so a validator finding on {@code unit}
     * is reported at {@code Observation.valueQuantity.code}.
     *
     * @param root where a finding on a field without its own path is reported, e.g. {@code Observation}
     */
    record Item<S>(S submission, Map<String, String> pathByField, String root) {

        String pathOf(String field) {
            return pathByField.getOrDefault(field, root);
        }
    }
}
