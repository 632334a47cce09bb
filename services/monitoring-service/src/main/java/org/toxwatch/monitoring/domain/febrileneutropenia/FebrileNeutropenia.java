package org.toxwatch.monitoring.domain.febrileneutropenia;

import java.util.Comparator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.CensoredInputs.Labs;
import org.toxwatch.monitoring.domain.CensoredInputs.Outcomes;
import org.toxwatch.monitoring.domain.GradingContext;
import org.toxwatch.monitoring.domain.Observation;
import org.toxwatch.monitoring.domain.PatientRule;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.lab.LabResult;
import org.toxwatch.monitoring.domain.units.Analyte;

/**
 * Febrile neutropenia (CRITERIA.md section 3) on a patient: runs when the state holds an ANC and a temperature,
 * over every value a censored ANC allows.
 */
public final class FebrileNeutropenia implements PatientRule {

    @Override
    public @Nullable Assessment assess(PatientState patient, GradingContext context) {
        return context.overCensored(Outcomes.GRADES, labs -> assess(patient, labs), Analyte.ANC);
    }

    private static @Nullable Assessment assess(PatientState patient, Labs labs) {
        var ancs = labs.of(Analyte.ANC).stream().map(LabResult::observation).toList();
        var temperatures = Observation.bodyTemperatures(patient.vitals());
        if (ancs.isEmpty() || temperatures.isEmpty()) {
            return null;
        }
        var assessedAt = Stream.concat(ancs.stream(), temperatures.stream())
                .map(Observation::observedAt)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        return FebrileNeutropeniaRule.assess(temperatures, ancs, assessedAt);
    }
}
