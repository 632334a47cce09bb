package org.toxwatch.model;

/**
 * The grading criteria ToxWatch knows, each with its published source and version. The {@link #id()}
 * (e.g. {@code CTCAE-5.0/neutrophil_count_decreased}) is what an assessment names.
 */
public enum Criterion {
    NEUTROPHIL_COUNT_DECREASED("CTCAE", "5.0", "neutrophil_count_decreased", ToxicityFamily.CYTOPENIA),
    PLATELET_COUNT_DECREASED("CTCAE", "5.0", "platelet_count_decreased", ToxicityFamily.CYTOPENIA),
    WHITE_BLOOD_CELL_DECREASED("CTCAE", "5.0", "white_blood_cell_decreased", ToxicityFamily.CYTOPENIA),
    LYMPHOCYTE_COUNT_DECREASED("CTCAE", "5.0", "lymphocyte_count_decreased", ToxicityFamily.CYTOPENIA),
    ANEMIA("CTCAE", "5.0", "anemia", ToxicityFamily.CYTOPENIA),
    ALANINE_AMINOTRANSFERASE_INCREASED(
            "CTCAE", "5.0", "alanine_aminotransferase_increased", ToxicityFamily.HEPATOTOXICITY),
    ASPARTATE_AMINOTRANSFERASE_INCREASED(
            "CTCAE", "5.0", "aspartate_aminotransferase_increased", ToxicityFamily.HEPATOTOXICITY),
    ALKALINE_PHOSPHATASE_INCREASED("CTCAE", "5.0", "alkaline_phosphatase_increased", ToxicityFamily.HEPATOTOXICITY),
    GGT_INCREASED("CTCAE", "5.0", "ggt_increased", ToxicityFamily.HEPATOTOXICITY),
    BLOOD_BILIRUBIN_INCREASED("CTCAE", "5.0", "blood_bilirubin_increased", ToxicityFamily.HEPATOTOXICITY),
    CREATININE_INCREASED("CTCAE", "5.0", "creatinine_increased", ToxicityFamily.RENAL),
    HYPERKALEMIA("CTCAE", "5.0", "hyperkalemia", ToxicityFamily.METABOLIC),
    HYPOKALEMIA("CTCAE", "5.0", "hypokalemia", ToxicityFamily.METABOLIC),
    HYPERURICEMIA("CTCAE", "5.0", "hyperuricemia", ToxicityFamily.METABOLIC),
    HYPOCALCEMIA_CORRECTED("CTCAE", "5.0", "hypocalcemia_corrected", ToxicityFamily.METABOLIC),
    HYPOCALCEMIA_IONIZED("CTCAE", "5.0", "hypocalcemia_ionized", ToxicityFamily.METABOLIC),
    BLOOD_LACTATE_DEHYDROGENASE_INCREASED(
            "CTCAE", "5.0", "blood_lactate_dehydrogenase_increased", ToxicityFamily.METABOLIC),
    FIBRINOGEN_DECREASED("CTCAE", "5.0", "fibrinogen_decreased", ToxicityFamily.COAGULATION),
    FEBRILE_NEUTROPENIA("CTCAE", "5.0", "febrile_neutropenia", ToxicityFamily.FEBRILE_NEUTROPENIA),
    CYTOKINE_RELEASE_SYNDROME("ASTCT", "2019", "cytokine_release_syndrome", ToxicityFamily.CYTOKINE_RELEASE_SYNDROME),
    ICANS("ASTCT", "2019", "icans", ToxicityFamily.NEUROTOXICITY),
    ICAHT_EARLY("EHA-EBMT", "2023", "icaht_early", ToxicityFamily.HEMATOTOXICITY_CAR_T),
    ICAHT_LATE("EHA-EBMT", "2023", "icaht_late", ToxicityFamily.HEMATOTOXICITY_CAR_T),
    HYS_LAW("FDA-DILI", "2009", "potential_hys_law", ToxicityFamily.HEPATOTOXICITY),
    VOD_SOS("EBMT", "2016", "vod_sos", ToxicityFamily.HEPATOTOXICITY),
    BESPONSA_PRE_DOSE("BESPONSA-USPI", "2024-03", "pre_dose_decision", ToxicityFamily.DOSE_MODIFICATION),
    BLINCYTO_ACTION("BLINCYTO-USPI", "current", "dose_action", ToxicityFamily.DOSE_MODIFICATION),
    RESULT_OVERDUE("TOXWATCH", "1", "result_overdue", ToxicityFamily.MONITORING_GAP);

    private final String source;
    private final String version;
    private final String term;
    private final ToxicityFamily family;

    Criterion(String source, String version, String term, ToxicityFamily family) {
        this.source = source;
        this.version = version;
        this.term = term;
        this.family = family;
    }

    /** Source, version and term, e.g. {@code CTCAE-5.0/neutrophil_count_decreased}. */
    public String id() {
        return source + "-" + version + "/" + term;
    }

    public String source() {
        return source;
    }

    public String version() {
        return version;
    }

    public String term() {
        return term;
    }

    public ToxicityFamily family() {
        return family;
    }
}
