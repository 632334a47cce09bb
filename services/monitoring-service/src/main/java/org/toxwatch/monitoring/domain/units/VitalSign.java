package org.toxwatch.monitoring.domain.units;

/** The numeric vital signs of CRITERIA.md 13.2 with their LOINC code and canonical UCUM unit. */
public enum VitalSign implements Measurand {
    BODY_TEMPERATURE("8310-5", "Body temperature", "Cel"),
    HEART_RATE("8867-4", "Heart rate", "/min"),
    SYSTOLIC_BP("8480-6", "Systolic BP", "mm[Hg]"),
    DIASTOLIC_BP("8462-4", "Diastolic BP", "mm[Hg]"),
    MEAN_ARTERIAL_PRESSURE("8478-0", "Mean arterial pressure", "mm[Hg]"),
    SPO2("59408-5", "SpO2", "%"),
    RESPIRATORY_RATE("9279-1", "Respiratory rate", "/min"),
    INHALED_OXYGEN_FLOW("3151-8", "Inhaled oxygen flow rate", "L/min"),
    INHALED_OXYGEN_CONCENTRATION("3150-0", "FiO2", "%"),
    BODY_WEIGHT("29463-7", "Body weight", "kg"),
    BODY_HEIGHT("8302-2", "Body height", "cm");

    private final String loinc;
    private final String display;
    private final String canonicalUnit;

    VitalSign(String loinc, String display, String canonicalUnit) {
        this.loinc = loinc;
        this.display = display;
        this.canonicalUnit = canonicalUnit;
    }

    public String loinc() {
        return loinc;
    }

    @Override
    public String display() {
        return display;
    }

    @Override
    public String canonicalUnit() {
        return canonicalUnit;
    }
}
