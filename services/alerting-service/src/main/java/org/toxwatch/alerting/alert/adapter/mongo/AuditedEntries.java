package org.toxwatch.alerting.alert.adapter.mongo;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the audit entries this instance saw stored, the most recent {@value #REMEMBERED}. An alert document keeps
 * the transitions of its last save until its next save, so reading it again looked them up in the audit trail
 * although the batch that saved them had audited them moments before. An id is added only once the store has
 * acknowledged its entry (inserted then, or kept from before), and audit entries are never deleted, so every id here
 * is in the audit trail; an id not here is looked up as before.
 */
public final class AuditedEntries {

    /** About two batches of every listener at full speed; a hit saves a lookup, a miss costs nothing more. */
    static final int REMEMBERED = 20_000;

    private final Map<String, Boolean> ids = new LinkedHashMap<>(1_024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

    synchronized void stored(Collection<String> entryIds) {
        entryIds.forEach(id -> ids.put(id, Boolean.TRUE));
    }

    synchronized boolean known(String entryId) {
        return ids.containsKey(entryId);
    }
}
