package org.toxwatch.alerting.patient.application;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.toxwatch.alerting.patient.domain.PatientFile;
import org.toxwatch.model.PatientRecorded;

/**
 * Use case: fold patient records into the patients' files and store a file when a record changed it. A record read
 * again, or after a newer one, changes nothing ({@link PatientFile#apply}), so at-least-once delivery is harmless.
 * A batch of records reads the files it needs once; each change is stored and announced before the next record is
 * applied, so a record that fails leaves those before it fully applied.
 */
public final class RecordPatient {

    private final PatientFiles files;
    private final PatientChanges changes;

    public RecordPatient(PatientFiles files, PatientChanges changes) {
        this.files = files;
        this.changes = changes;
    }

    /** Returns whether the file changed. */
    public boolean on(PatientRecorded record) {
        return apply(new PatientUpdate.Recorded(record), new HashMap<>(files.findAll(List.of(record.patientId()))));
    }

    /** The sender asked for the patient to be forgotten (a tombstone on the compacted topic). */
    public void forget(String patientId) {
        apply(new PatientUpdate.Forgotten(patientId), new HashMap<>());
    }

    /**
     * Applies the updates in order, after one read of the files they name. An update that fails stops the batch: those
     * before it took full effect ({@link Failed}).
     */
    public void onAll(List<PatientUpdate> updates) {
        Map<String, PatientFile> known;
        try {
            known = new HashMap<>(files.findAll(recordedPatients(updates)));
        } catch (RuntimeException e) {
            throw new Failed(0, e);
        }
        for (int i = 0; i < updates.size(); i++) {
            try {
                apply(updates.get(i), known);
            } catch (RuntimeException e) {
                throw new Failed(i, e);
            }
        }
    }

    private boolean apply(PatientUpdate update, Map<String, PatientFile> known) {
        String patientId = update.patientId();
        switch (update) {
            case PatientUpdate.Recorded recorded -> {
                PatientFile file = known.getOrDefault(patientId, PatientFile.of(patientId));
                PatientFile updated = file.apply(recorded.record());
                if (updated.sameDetailsAs(file)) {
                    return false;
                }
                known.put(patientId, files.save(updated));
            }
            case PatientUpdate.Forgotten forgotten -> {
                files.remove(patientId);
                known.remove(patientId);
            }
        }
        changes.changed(patientId);
        return true;
    }

    private static Set<String> recordedPatients(List<PatientUpdate> updates) {
        var patientIds = new LinkedHashSet<String>();
        for (PatientUpdate update : updates) {
            if (update instanceof PatientUpdate.Recorded) {
                patientIds.add(update.patientId());
            }
        }
        return patientIds;
    }

    /** What a patient record on the topic asks: fold it into the file, or forget the patient. */
    public sealed interface PatientUpdate {

        String patientId();

        record Recorded(PatientRecorded record) implements PatientUpdate {
            @Override
            public String patientId() {
                return record.patientId();
            }
        }

        record Forgotten(String patientId) implements PatientUpdate {}
    }

    /** The update at {@link #index()} could not be applied; every update before it was. */
    public static final class Failed extends RuntimeException {

        private final int index;

        Failed(int index, RuntimeException cause) {
            super("patient update " + index + " of the batch could not be applied", cause);
            this.index = index;
        }

        public int index() {
            return index;
        }
    }
}
