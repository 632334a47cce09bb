package org.toxwatch.ingest.application;

import org.toxwatch.ingest.domain.LocalCodes;

/**
 * Use case: an operator maps a sender's local code to LOINC at run time. The mapping is stored (so it
 * survives a restart and reaches every instance) and takes effect at once on this one.
 */
public final class MapLocalCode {

    /** Port: where run-time mappings are kept. */
    public interface LocalCodeStore {
        void save(String sender, String localCode, String loinc);
    }

    private final LocalCodes localCodes;
    private final LocalCodeStore store;

    public MapLocalCode(LocalCodes localCodes, LocalCodeStore store) {
        this.localCodes = localCodes;
        this.store = store;
    }

    /** @throws IllegalArgumentException when the LOINC code is not one ToxWatch monitors */
    public void map(String sender, String localCode, String loinc) {
        localCodes.map(sender, localCode, loinc);
        store.save(sender, localCode.trim(), loinc.trim());
    }
}
