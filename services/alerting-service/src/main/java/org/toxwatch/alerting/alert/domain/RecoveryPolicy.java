package org.toxwatch.alerting.alert.domain;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.toxwatch.model.AlertPriority;

/**
 * What happens when an episode's toxicity has stayed at grade 0 for {@code sustained}: episodes of a priority in
 * {@code proposeFor} get a resolution proposal that a clinician confirms; the others are resolved by ToxWatch.
 *
 * <p>Why both: a high alert (CRS, ICANS, febrile neutropenia, VOD, any grade 4, a dose hold) can look normal for
 * reasons the numbers do not show (fever masked by tocilizumab or steroids, a count propped up by transfusion or
 * G-CSF), and closing it is a clinical decision; so ToxWatch proposes and a clinician resolves. A medium or low
 * episode that has been normal for a day only clutters the queue, which is how alert fatigue starts; ToxWatch
 * resolves it, says why in the audit trail, and a new abnormal grade opens a new episode.
 */
public record RecoveryPolicy(Duration sustained, Set<AlertPriority> proposeFor) {

    public static final RecoveryPolicy DEFAULT = new RecoveryPolicy(Duration.ofHours(24), Set.of(AlertPriority.HIGH));

    public RecoveryPolicy {
        Objects.requireNonNull(sustained, "sustained");
        if (sustained.isNegative() || sustained.isZero()) {
            throw new IllegalArgumentException("the sustained period must be positive");
        }
        proposeFor = proposeFor.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(proposeFor));
    }

    boolean proposesFor(AlertPriority priority) {
        return proposeFor.contains(priority);
    }
}
