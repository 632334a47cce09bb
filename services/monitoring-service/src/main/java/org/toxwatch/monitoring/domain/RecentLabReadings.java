package org.toxwatch.monitoring.domain;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.monitoring.domain.lab.LabReading;
import org.toxwatch.monitoring.domain.lab.LabResult;
import org.toxwatch.monitoring.domain.units.Sex;

/**
 * How the results of the patients graded last were read (13.3 units, 1.3 limits), so that the next pass over one of
 * them reads only what is new. The results of one message arrive as consecutive events of one patient, and each pass
 * re-read every result the rules look at, most of them unchanged objects of the state before: that reading was a
 * tenth of monitoring's CPU time in the soak (docs/performance.md).
 *
 * <p>A reading depends only on the recorded result, which is immutable, and the patient's sex, so a result is matched
 * by identity (the very object read before) and the sex it was read for. What a pass did not read again is forgotten
 * with it: each patient keeps the readings of its last pass only, and only the last {@value #PATIENTS} patients are
 * kept. Not thread-safe: one per thread that grades (see {@link ToxicityGrader#withRecentReadings()}).
 */
final class RecentLabReadings {

    static final int PATIENTS = 8;

    private final Map<String, Pass> lastPasses = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pass> eldest) {
            return size() > PATIENTS;
        }
    };

    /** The readings of one pass over {@code patientId}, reusing those of the patient's last pass. */
    Pass newPass(String patientId) {
        return new Pass(patientId);
    }

    /** One grading pass's readings; the patient's last pass is replaced once this one reads. */
    final class Pass {

        private final String patientId;
        private @Nullable Sex sex;
        private @Nullable Map<LabResultRecorded, LabReading> readings;
        /** The last pass's readings, when made for the same sex; only its map is held, so passes never chain. */
        private @Nullable Map<LabResultRecorded, LabReading> before;

        private Pass(String patientId) {
            this.patientId = patientId;
        }

        LabReading read(LabResultRecorded result, Sex sexOfPatient) {
            if (readings == null) {
                var last = lastPasses.put(patientId, this);
                sex = sexOfPatient;
                readings = new IdentityHashMap<>();
                before = last != null && last.sex == sexOfPatient ? last.readings : null;
            }
            var reading = readings.get(result);
            if (reading == null) {
                reading = before == null ? null : before.get(result);
                if (reading == null) {
                    reading = LabResult.read(result, sexOfPatient);
                }
                readings.put(result, reading);
            }
            return reading;
        }
    }
}
