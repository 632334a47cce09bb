package org.toxwatch.alerting.patient.adapter.mongo;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.toxwatch.alerting.patient.application.PatientFiles;
import org.toxwatch.alerting.patient.domain.PatientFile;

/**
 * Patient files in the {@code patients} collection, one document per patient keyed by the patient id. A concurrent
 * change fails the save with Spring's {@code OptimisticLockingFailureException}, whose message names only the
 * document id; the listener's error handler logs exception classes only and retries, re-reading the file.
 */
public final class MongoPatientFiles implements PatientFiles {

    private final MongoTemplate mongo;

    public MongoPatientFiles(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<PatientFile> find(String patientId) {
        return Optional.ofNullable(mongo.findById(patientId, PatientFileDocument.class))
                .map(PatientFileDocument::toDomain);
    }

    @Override
    public Map<String, PatientFile> findAll(Collection<String> patientIds) {
        var files = new LinkedHashMap<String, PatientFile>();
        if (patientIds.isEmpty()) {
            return files;
        }
        mongo.find(Query.query(Criteria.where("_id").in(patientIds)), PatientFileDocument.class)
                .forEach(document -> files.put(document.id(), document.toDomain()));
        return files;
    }

    @Override
    public PatientFile save(PatientFile file) {
        return mongo.save(PatientFileDocument.from(file)).toDomain();
    }

    @Override
    public void remove(String patientId) {
        mongo.remove(Query.query(Criteria.where("_id").is(patientId)), PatientFileDocument.class);
    }
}
