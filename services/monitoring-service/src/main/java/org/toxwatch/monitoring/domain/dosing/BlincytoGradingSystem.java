package org.toxwatch.monitoring.domain.dosing;

/**
 * Which grades feed the BLINCYTO action rules (CRITERIA.md 9, ambiguity A-14): label versions differ, older ones
 * citing NCI CTCAE v4.0 and current ones ICANS terminology. A configuration item, shown on every action assessment.
 * Only the ASTCT grades are implemented: no CTCAE neurological term is an input of ToxWatch yet.
 */
public enum BlincytoGradingSystem {
    /** The CRS row reads the ASTCT 2019 CRS grade (section 4), the neurological rows the ICANS grade (section 5). */
    ASTCT_2019("ASTCT 2019 CRS and ICANS grades");

    private final String display;

    BlincytoGradingSystem(String display) {
        this.display = display;
    }

    public String display() {
        return display;
    }
}
