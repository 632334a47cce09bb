package org.toxwatch.alerting.patient.application;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.toxwatch.alerting.patient.domain.PatientFile;

/** Patient files in a map, for use-case tests that never see MongoDB; counts its reads and writes. */
public final class InMemoryPatientFiles implements PatientFiles {

    private final Map<String, PatientFile> files = new LinkedHashMap<>();
    private int saves;
    private int reads;

    @Override
    public Optional<PatientFile> find(String patientId) {
        reads++;
        return Optional.ofNullable(files.get(patientId));
    }

    @Override
    public Map<String, PatientFile> findAll(Collection<String> patientIds) {
        reads++;
        var found = new LinkedHashMap<String, PatientFile>();
        patientIds.forEach(id -> Optional.ofNullable(files.get(id)).ifPresent(file -> found.put(id, file)));
        return found;
    }

    @Override
    public PatientFile save(PatientFile file) {
        saves++;
        files.put(file.patientId(), file);
        return file;
    }

    @Override
    public void remove(String patientId) {
        files.remove(patientId);
    }

    public int saves() {
        return saves;
    }

    /** Calls that read files, one per call however many files it asked for. */
    public int reads() {
        return reads;
    }
}
