package org.toxwatch.monitoring.adapter.streams;

/** Where grading one event failed: named on its dead letter and its counter, never with the event's content. */
enum GradingStage {
    READING_STATE("reading the patient's state"),
    CHECKING_EVENT("checking the event"),
    APPLYING("applying the event to the patient's state"),
    GRADING("grading"),
    WRITING_OUTPUT("writing an assessment"),
    WRITING_STATE("writing the patient's state");

    private final String description;

    GradingStage(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
