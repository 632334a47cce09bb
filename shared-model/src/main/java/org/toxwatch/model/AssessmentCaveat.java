package org.toxwatch.model;

/** Something a clinician must know to read an assessment's grade; the summary says it in words too. */
public enum AssessmentCaveat {
    /**
     * A censored result ({@code <0.1}, {@code >1000}) decided the grade: the grade is the one every value the
     * comparator allows certainly reaches, "at least grade g".
     */
    CENSORED_RESULT,
    /** A result from a hemolyzed specimen decided the grade. */
    HEMOLYZED_SPECIMEN,
    /** A result from a specimen with another reported condition (lipemic, icteric, clotted, ...) decided it. */
    SPECIMEN_CONDITION,
    /** A result the sender timed only to the day decided the grade. */
    DAY_PRECISION_TIME,
    /** The assessment follows a correction of a result an earlier assessment used. */
    SOURCE_RESULT_CORRECTED,
    /** The assessment follows the cancellation of a result an earlier assessment used. */
    SOURCE_RESULT_CANCELLED
}
