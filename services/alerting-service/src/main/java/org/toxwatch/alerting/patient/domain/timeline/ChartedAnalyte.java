package org.toxwatch.alerting.patient.domain.timeline;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * What the timeline charts: the analytes of the grading criteria it shows, each with the LOINC codes monitoring
 * accepts for it (CRITERIA.md 13.1, 13.2) and its canonical unit (13.2, 13.3). Only results already in that unit are
 * kept in the observation log, so one chart never mixes units; a result ingest left in another unit (bilirubin in
 * umol/L) is charted only once an assessment has used it, from the canonical value monitoring computed.
 *
 * @param nadir whether the low point is what a clinician looks for (the cytopenias), rather than the peak
 */
public enum ChartedAnalyte {
    ANC("ANC", "10*9/L", true, "751-8", "26499-4", "753-4"),
    PLATELETS("Platelets", "10*9/L", true, "777-3", "26515-7", "778-1"),
    HEMOGLOBIN("Hemoglobin", "g/dL", true, "718-7", "59260-0", "20509-6"),
    ALT("ALT", "U/L", false, "1742-6", "1743-4"),
    AST("AST", "U/L", false, "1920-8", "30239-8"),
    TOTAL_BILIRUBIN("Bilirubin", "mg/dL", false, "1975-2", "14631-6", "42719-5"),
    CREATININE("Creatinine", "mg/dL", false, "2160-0", "14682-9", "38483-4"),
    CRP("CRP", "mg/L", false, "1988-5"),
    FERRITIN("Ferritin", "ng/mL", false, "2276-4"),
    BODY_TEMPERATURE("Temperature", "Cel", false, "8310-5"),
    SYSTOLIC_BP("Systolic", "mm[Hg]", false, "8480-6"),
    DIASTOLIC_BP("Diastolic", "mm[Hg]", false, "8462-4"),
    MEAN_ARTERIAL_PRESSURE("MAP", "mm[Hg]", false, "8478-0"),
    SPO2("SpO2", "%", false, "59408-5");

    private final String display;
    private final String canonicalUnit;
    private final boolean nadir;
    private final Set<String> codes;

    ChartedAnalyte(String display, String canonicalUnit, boolean nadir, String... codes) {
        this.display = display;
        this.canonicalUnit = canonicalUnit;
        this.nadir = nadir;
        this.codes = Set.of(codes);
    }

    public static Optional<ChartedAnalyte> byCode(String code) {
        return Arrays.stream(values()).filter(a -> a.codes.contains(code)).findFirst();
    }

    public String display() {
        return display;
    }

    public String canonicalUnit() {
        return canonicalUnit;
    }

    /** True for the cytopenias: the nadir is marked and the lower reference limit kept in view. */
    public boolean nadir() {
        return nadir;
    }

    public Set<String> codes() {
        return codes;
    }
}
