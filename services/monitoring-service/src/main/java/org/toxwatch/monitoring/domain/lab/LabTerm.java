package org.toxwatch.monitoring.domain.lab;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.GradingContext;
import org.toxwatch.monitoring.domain.PatientRule;
import org.toxwatch.monitoring.domain.PatientState;

/**
 * A CTCAE laboratory term ({@link LabRule}) on a patient: it grades the newest result of its analytes by collection
 * time (CRITERIA.md 1.5), with the baseline of the therapy episode that result falls in (1.4). A term without a
 * result is not produced; a result that cannot be read (a unit 13.3 does not map) is not assessable.
 */
public record LabTerm(LabRule rule) implements PatientRule {

    public LabTerm {
        Objects.requireNonNull(rule, "rule");
    }

    @Override
    public @Nullable Assessment assess(PatientState patient, GradingContext context) {
        var newest = newestOf(patient);
        if (newest == null) {
            return null;
        }
        return switch (LabResult.read(newest, context.sex())) {
            case LabReading.Readable readable -> rule.assess(readable.result(), new StateLabHistory(patient, context));
            case LabReading.Unreadable unreadable ->
                Assessment.notAssessable(
                        rule.criterion(), newest.observedAt(), unreadable.reason(), List.of(unreadable.evidence()));
        };
    }

    private @Nullable LabResultRecorded newestOf(PatientState patient) {
        LabResultRecorded newest = null;
        for (var analyte : rule.analytes()) {
            var candidate = patient.newestLab(analyte);
            if (candidate != null && (newest == null || candidate.observedAt().isAfter(newest.observedAt()))) {
                newest = candidate;
            }
        }
        return newest;
    }
}
