package org.toxwatch.alerting.alert.config;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.toxwatch.alerting.alert.domain.AlertPolicy;
import org.toxwatch.alerting.alert.domain.EscalationPolicy;
import org.toxwatch.alerting.alert.domain.RecoveryPolicy;
import org.toxwatch.model.AlertPriority;

/**
 * Alerting settings.
 *
 * @param escalationHighDelay how long a high alert waits for an acknowledgement before the next tier is told
 * @param escalationMediumDelay the same for a medium alert
 * @param escalationTiers who is told, in order; the first tier gets the alert when it is raised
 * @param longestSnooze the longest a clinician may snooze an alert
 * @param recoverySustained how long a toxicity must stay at grade 0 before its episode is resolved or proposed for
 *     resolution
 * @param recoveryProposeFor the priorities whose episodes get a proposal a clinician confirms rather than an
 *     automatic resolution (see {@link RecoveryPolicy})
 * @param gradingDelayThreshold how long a record may wait to be graded or turned into an alert before the console
 *     and the operator are told grading is delayed
 * @param gradingCheck how often the broker is asked how grading keeps up
 * @param pageOnCompromisedSpecimen whether a grade from a hemolyzed or otherwise compromised specimen alerts at its
 *     usual priority; by default (false) it is low priority, awaiting confirmation by a result without the caveat
 */
@ConfigurationProperties("toxwatch.alerting")
public record AlertingProperties(
        @Nullable Duration escalationHighDelay,
        @Nullable Duration escalationMediumDelay,
        @Nullable List<String> escalationTiers,
        @Nullable Duration longestSnooze,
        @Nullable Duration recoverySustained,
        @Nullable Set<AlertPriority> recoveryProposeFor,
        @Nullable Duration gradingDelayThreshold,
        @Nullable Duration gradingCheck,
        @Nullable Boolean pageOnCompromisedSpecimen) {

    public AlertingProperties {
        escalationHighDelay = escalationHighDelay == null ? EscalationPolicy.DEFAULT.highDelay() : escalationHighDelay;
        escalationMediumDelay =
                escalationMediumDelay == null ? EscalationPolicy.DEFAULT.mediumDelay() : escalationMediumDelay;
        escalationTiers = escalationTiers == null || escalationTiers.isEmpty()
                ? EscalationPolicy.DEFAULT.tiers()
                : List.copyOf(escalationTiers);
        longestSnooze = longestSnooze == null ? Duration.ofMinutes(60) : longestSnooze;
        recoverySustained = recoverySustained == null ? RecoveryPolicy.DEFAULT.sustained() : recoverySustained;
        recoveryProposeFor =
                recoveryProposeFor == null ? RecoveryPolicy.DEFAULT.proposeFor() : Set.copyOf(recoveryProposeFor);
        gradingDelayThreshold = gradingDelayThreshold == null ? Duration.ofMinutes(2) : gradingDelayThreshold;
        gradingCheck = gradingCheck == null ? Duration.ofSeconds(10) : gradingCheck;
        pageOnCompromisedSpecimen = pageOnCompromisedSpecimen != null && pageOnCompromisedSpecimen;
    }

    AlertPolicy alertPolicy() {
        return new AlertPolicy(Boolean.TRUE.equals(pageOnCompromisedSpecimen));
    }

    RecoveryPolicy recoveryPolicy() {
        return new RecoveryPolicy(recoverySustained, recoveryProposeFor);
    }

    EscalationPolicy escalationPolicy() {
        return new EscalationPolicy(escalationHighDelay, escalationMediumDelay, escalationTiers);
    }
}
