package org.toxwatch.ingest.application;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Port: every run-time change of a code mapping, who made it and what it replaced. Entries are never changed. */
public interface CodeMappingAudit {

    /**
     * One change of one mapping.
     *
     * @param actor the signed-in operator (account name or token subject)
     * @param before the LOINC code the local code stood for until then (from configuration or an earlier
     *     change); null when it had none
     */
    record CodeMappingChange(
            Instant at,
            String actor,
            String sender,
            String localCode,
            @Nullable String before,
            String after) {}

    void record(CodeMappingChange change);

    /** The latest changes, newest first. */
    List<CodeMappingChange> latest(int limit);
}
