package org.toxwatch.alerting.domain;

import org.toxwatch.model.AlertPriority;

/**
 * The policy's answer for one assessment: alert at this priority, for this reason.
 *
 * @param reason why this priority, in words shown to the clinician, e.g. "any CTCAE grade 4 -> high"
 */
public record AlertDecision(AlertPriority priority, String reason, String policyVersion) {}
