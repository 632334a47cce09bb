package org.toxwatch.ingest.application;

import java.time.Clock;
import org.toxwatch.ingest.application.CodeMappingAudit.CodeMappingChange;
import org.toxwatch.ingest.domain.LocalCodes;

/**
 * Use case: an operator maps a sender's local code to LOINC at run time. The mapping is stored (so it
 * survives a restart and reaches every instance), takes effect at once on this one, and is audited with who
 * made it and what it replaced.
 */
public final class MapLocalCode {

    /** Port: where run-time mappings are kept. */
    public interface LocalCodeStore {
        void save(String sender, String localCode, String loinc);
    }

    private final LocalCodes localCodes;
    private final LocalCodeStore store;
    private final CodeMappingAudit audit;
    private final Clock clock;

    public MapLocalCode(LocalCodes localCodes, LocalCodeStore store, CodeMappingAudit audit, Clock clock) {
        this.localCodes = localCodes;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** @throws IllegalArgumentException when the LOINC code is not one ToxWatch monitors */
    public void map(String sender, String localCode, String loinc, String actor) {
        String before = localCodes.loincFor(sender, localCode).orElse(null);
        localCodes.map(sender, localCode, loinc);
        store.save(sender, localCode.trim(), loinc.trim());
        audit.record(new CodeMappingChange(clock.instant(), actor, sender, localCode.trim(), before, loinc.trim()));
    }
}
