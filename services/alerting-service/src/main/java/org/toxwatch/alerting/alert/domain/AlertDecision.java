package org.toxwatch.alerting.alert.domain;

import org.toxwatch.model.AlertPriority;

/**
 * The policy's answer for one assessment: alert at this priority, for this reason.
 *
 * @param reason why this priority, in words shown to the clinician, e.g. "any CTCAE grade 4 -> high"
 * @param awaitsConfirmation the grade comes from a compromised specimen (hemolyzed, ...): the alert waits in the
 *     queue at a priority that does not page until a result without that caveat confirms it
 */
public record AlertDecision(AlertPriority priority, String reason, String policyVersion, boolean awaitsConfirmation) {

    /** A decision on a result nothing casts doubt on. */
    public AlertDecision(AlertPriority priority, String reason, String policyVersion) {
        this(priority, reason, policyVersion, false);
    }
}
