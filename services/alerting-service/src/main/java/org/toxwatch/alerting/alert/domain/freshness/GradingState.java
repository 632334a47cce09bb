package org.toxwatch.alerting.alert.domain.freshness;

/** Whether alerts can be trusted to be current. */
public enum GradingState {
    /** Every watched group has a member and nothing waits longer than the threshold. */
    LIVE,
    /** Records have waited longer than the threshold: alerts for them are late. */
    DELAYED,
    /** A watched group has no member: nothing is being graded or turned into alerts. */
    STOPPED,
    /** The broker could not be asked (or has not been yet). */
    UNKNOWN
}
