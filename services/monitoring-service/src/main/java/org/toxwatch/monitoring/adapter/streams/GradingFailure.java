package org.toxwatch.monitoring.adapter.streams;

/**
 * Grading one event failed at a stage. The reason names the stage and the kind of failure, never a message
 * that could carry the event's content: dead-letter reasons and log lines hold no patient data.
 */
final class GradingFailure extends RuntimeException {

    private final GradingStage stage;
    private final String reason;

    GradingFailure(GradingStage stage, String problem) {
        super(stage.description() + ": " + problem, null, false, false);
        this.stage = stage;
        this.reason = "monitoring could not grade this event while " + stage.description() + ": " + problem;
    }

    GradingFailure(GradingStage stage, RuntimeException cause) {
        super(stage.description(), cause, false, false);
        this.stage = stage;
        this.reason = "monitoring could not grade this event while " + stage.description() + " ("
                + cause.getClass().getSimpleName() + ")";
    }

    GradingStage stage() {
        return stage;
    }

    String reason() {
        return reason;
    }
}
