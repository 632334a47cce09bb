package org.toxwatch.platform;

/** The three roles of ToxWatch's users. */
public final class Roles {

    /** Hospital interface engines: post lab results, vital signs and therapy events. */
    public static final String INTEGRATION = "INTEGRATION";

    /** Clinicians: read, acknowledge and resolve alerts; read assessments. */
    public static final String CLINICIAN = "CLINICIAN";

    /** Operators: dead letters, replays, operational endpoints. */
    public static final String OPERATOR = "OPERATOR";

    private Roles() {}
}
