package org.toxwatch.model;

import java.util.List;

/** Kafka topic names. Every topic is keyed by the patient id so one patient's events stay in order. */
public final class Topics {

    /** {@link LabResultRecorded}, published by ingest. */
    public static final String LAB_RESULTS = "clinical.lab-results.v1";

    /** {@link VitalSignsRecorded}, published by ingest. */
    public static final String VITAL_SIGNS = "clinical.vital-signs.v1";

    /** {@link TherapyEventRecorded}, published by ingest. */
    public static final String THERAPY_EVENTS = "clinical.therapy-events.v1";

    /** {@link NeurologicAssessmentRecorded} (ICE score and ICANS domains), published by ingest. */
    public static final String NEURO_ASSESSMENTS = "clinical.neuro-assessments.v1";

    /** {@link ClinicalFindingRecorded} (VOD/SOS diagnosed, ascites, ...), published by ingest. */
    public static final String CLINICAL_FINDINGS = "clinical.findings.v1";

    /** {@link DosePlanned}, published by ingest. */
    public static final String DOSE_PLANS = "clinical.dose-plans.v1";

    /** {@link PatientRecorded} (demographics and location), published by ingest; compacted (newest per patient). */
    public static final String PATIENTS = "clinical.patients.v1";

    /** {@link ToxicityAssessed}, published by monitoring when a grade changes or becomes assessable. */
    public static final String ASSESSMENTS = "monitoring.assessments.v1";

    /** {@link PatientGradesSnapshot}, published by monitoring on every change; compacted (newest per patient). */
    public static final String PATIENT_GRADES = "monitoring.patient-grades.v1";

    /** {@link AlertChanged}, published by alerting on every alert transition. */
    public static final String ALERT_EVENTS = "alerting.alert-events.v1";

    /** Suffix of a dead-letter topic: Spring Kafka's default {@code <topic>-dlt}. */
    public static final String DEAD_LETTER_SUFFIX = "-dlt";

    public static final String LAB_RESULTS_DLT = LAB_RESULTS + DEAD_LETTER_SUFFIX;
    public static final String VITAL_SIGNS_DLT = VITAL_SIGNS + DEAD_LETTER_SUFFIX;
    public static final String THERAPY_EVENTS_DLT = THERAPY_EVENTS + DEAD_LETTER_SUFFIX;
    public static final String ASSESSMENTS_DLT = ASSESSMENTS + DEAD_LETTER_SUFFIX;
    public static final String NEURO_ASSESSMENTS_DLT = NEURO_ASSESSMENTS + DEAD_LETTER_SUFFIX;
    public static final String CLINICAL_FINDINGS_DLT = CLINICAL_FINDINGS + DEAD_LETTER_SUFFIX;
    public static final String DOSE_PLANS_DLT = DOSE_PLANS + DEAD_LETTER_SUFFIX;
    public static final String PATIENTS_DLT = PATIENTS + DEAD_LETTER_SUFFIX;

    /**
     * The clinical topics ingest writes and monitoring grades from: what grading freshness watches, since a record
     * stuck on any of them (a birth date included) means a patient graded on less than was sent.
     */
    public static final List<String> CLINICAL_INPUTS = List.of(
            LAB_RESULTS, VITAL_SIGNS, THERAPY_EVENTS, NEURO_ASSESSMENTS, CLINICAL_FINDINGS, DOSE_PLANS, PATIENTS);

    /** The topics other services consume, each of which has a dead-letter topic. */
    public static final List<String> INPUT_TOPICS = List.of(
            LAB_RESULTS,
            VITAL_SIGNS,
            THERAPY_EVENTS,
            NEURO_ASSESSMENTS,
            CLINICAL_FINDINGS,
            DOSE_PLANS,
            PATIENTS,
            ASSESSMENTS);

    /** Topics whose records are a state per key, kept by log compaction rather than retention. */
    public static final List<String> COMPACTED = List.of(PATIENT_GRADES, PATIENTS);

    /** Every topic of the contract, dead-letter topics included. */
    public static final List<String> ALL = List.of(
            LAB_RESULTS,
            VITAL_SIGNS,
            THERAPY_EVENTS,
            NEURO_ASSESSMENTS,
            CLINICAL_FINDINGS,
            DOSE_PLANS,
            PATIENTS,
            ASSESSMENTS,
            PATIENT_GRADES,
            ALERT_EVENTS,
            LAB_RESULTS_DLT,
            VITAL_SIGNS_DLT,
            THERAPY_EVENTS_DLT,
            NEURO_ASSESSMENTS_DLT,
            CLINICAL_FINDINGS_DLT,
            DOSE_PLANS_DLT,
            PATIENTS_DLT,
            ASSESSMENTS_DLT);

    public static String deadLetterTopicOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    private Topics() {}
}
