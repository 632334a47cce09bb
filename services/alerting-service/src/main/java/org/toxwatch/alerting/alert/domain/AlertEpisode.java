package org.toxwatch.alerting.alert.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.AlertChanged;
import org.toxwatch.model.AlertPriority;
import org.toxwatch.model.AlertStatus;
import org.toxwatch.model.AlertTransition;
import org.toxwatch.model.AssessmentCaveat;
import org.toxwatch.model.ToxicityAssessed;
import org.toxwatch.model.ToxicityFamily;

/**
 * One alert episode: a patient x toxicity family, open from the first alerting assessment until resolved.
 * A higher grade updates it and notifies again; an unchanged or lower grade updates it silently, so one
 * toxicity never floods the queue.
 *
 * @param latest the assessment the episode currently shows, with its evidence
 * @param highestGrade the worst grade seen in this episode
 * @param handledAssessments ids of every assessment applied, so a redelivered one changes nothing
 * @param escalationTier how far up the escalation tiers the alert has gone (0 = the care team)
 * @param lastNotifiedAt when someone was last notified of it; escalation counts from here
 * @param assignee the clinician the alert was assigned or forwarded to, if any
 * @param snoozedUntil while SNOOZED, when reminders start again
 * @param recovery whether the toxicity is back to grade 0, since when, and whether resolution was proposed
 * @param bases every grade above 0 the episode has seen, with the results it was graded from, except those a
 *     laboratory correction or cancellation has withdrawn: the highest grade and the priority rest on these
 * @param transitions how many transitions the episode has made: each is numbered one after the one before, the
 *     raise 1, so its audit trail keeps their order even when several share a millisecond. Counted in the state the
 *     store's compare-and-set guards, so two writers never both number a transition n.
 * @param version optimistic-locking version of the stored episode; absent before the first save
 */
public record AlertEpisode(
        UUID alertId,
        String patientId,
        ToxicityFamily family,
        AlertStatus status,
        AlertPriority priority,
        String priorityReason,
        String policyVersion,
        int highestGrade,
        ToxicityAssessed latest,
        Instant createdAt,
        Instant updatedAt,
        List<UUID> handledAssessments,
        int escalationTier,
        Instant lastNotifiedAt,
        @Nullable String assignee,
        @Nullable Instant snoozedUntil,
        Recovery recovery,
        List<GradeBasis> bases,
        int transitions,
        @Nullable Long version) {

    public AlertEpisode {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(latest, "latest");
        Objects.requireNonNull(recovery, "recovery");
        handledAssessments = List.copyOf(handledAssessments);
        bases = List.copyOf(bases);
    }

    /** The service that records alert transitions. */
    public static final String SOURCE_SYSTEM = "alerting";

    /** An episode and the event that records how it changed. */
    public record Change(AlertEpisode episode, AlertChanged event) {

        /** The event numbered as the episode's transition it is: the latest of the episode it made. */
        public SequencedTransition transition() {
            return new SequencedTransition(episode.transitions(), event);
        }
    }

    public static Change raise(ToxicityAssessed assessment, AlertDecision decision, UUID alertId, Instant now) {
        var episode = new AlertEpisode(
                alertId,
                assessment.patientId(),
                assessment.criterion().family(),
                AlertStatus.OPEN,
                decision.priority(),
                decision.reason(),
                decision.policyVersion(),
                Objects.requireNonNull(assessment.grade()),
                assessment,
                now,
                now,
                List.of(assessment.eventId()),
                0,
                now,
                null,
                null,
                Recovery.startingWith(assessment),
                GradeBasis.of(assessment, Optional.of(decision)).stream().toList(),
                1,
                null);
        return new Change(episode, episode.eventFor(AlertTransition.RAISED, now));
    }

    public boolean hasHandled(UUID assessmentEventId) {
        return handledAssessments.contains(assessmentEventId);
    }

    /**
     * Applies a newer assessment of the same family. A grade above the highest so far escalates (and notifies);
     * anything else updates silently, and the priority never drops while the episode is open, with two exceptions.
     * A grade from a compromised specimen does not notify, and the first result without that caveat that calls for
     * an alert confirms the episode: it takes that alert's priority and notifies. An assessment that withdraws
     * results (a laboratory correction or cancellation) recomputes the highest grade and the priority from what
     * still stands, and withdraws the episode when nothing that stands would raise an alert.
     */
    public Change apply(ToxicityAssessed assessment, Optional<AlertDecision> decision, Instant now) {
        boolean correctsABasis = bases.stream().anyMatch(basis -> basis.restsOnAny(assessment.withdrawnEvidence()));
        return correctsABasis ? correct(assessment, decision, now) : update(assessment, decision, now);
    }

    /** Whether every grade that alerts in this episode came from a compromised specimen nothing has confirmed. */
    public boolean awaitsConfirmation() {
        var alerting = bases.stream().filter(GradeBasis::alerts).toList();
        return !alerting.isEmpty() && alerting.stream().allMatch(GradeBasis::awaitsConfirmation);
    }

    /**
     * The assessment that gave the alert the priority it holds, which its headline names: of the grades the policy
     * gave that priority, a confirmed one before one awaiting confirmation, then the highest, then the first seen.
     * A lower grade that follows leaves it in place, as it leaves the priority.
     */
    public PriorityDriver drivenBy() {
        @Nullable GradeBasis driver = null;
        for (GradeBasis basis : bases) {
            if (basis.priority() == priority && (driver == null || outranks(basis, driver))) {
                driver = basis;
            }
        }
        if (driver == null) {
            Integer grade = latest.grade();
            return new PriorityDriver(
                    latest.eventId(),
                    latest.criterion(),
                    grade == null ? highestGrade : grade,
                    latest.assessedAt(),
                    latest.summary());
        }
        boolean showsLatest =
                driver.assessmentEventId().equals(latest.eventId()) && Objects.equals(latest.grade(), driver.grade());
        return new PriorityDriver(
                driver.assessmentEventId(),
                driver.criterion(),
                driver.grade(),
                driver.assessedAt() == null && showsLatest ? latest.assessedAt() : driver.assessedAt(),
                driver.summary() == null && showsLatest ? latest.summary() : driver.summary());
    }

    private static boolean outranks(GradeBasis candidate, GradeBasis driver) {
        if (candidate.awaitsConfirmation() != driver.awaitsConfirmation()) {
            return driver.awaitsConfirmation();
        }
        return candidate.grade() > driver.grade();
    }

    private Change update(ToxicityAssessed assessment, Optional<AlertDecision> decision, Instant now) {
        Integer grade = assessment.grade();
        boolean unconfirmed = decision.map(AlertDecision::awaitsConfirmation).orElse(false);
        boolean confirms = decision.isPresent() && !unconfirmed && awaitsConfirmation();
        boolean worse = grade != null && grade > highestGrade;
        boolean notifies = (worse && !unconfirmed) || confirms;
        AlertPriority newPriority = priority;
        String newReason = priorityReason;
        if (confirms) {
            newPriority = higher(priority, decision.get().priority());
            newReason = "confirmed by a result without a specimen caveat: "
                    + decision.get().reason();
        } else if (decision.isPresent() && decision.get().priority().compareTo(priority) < 0) {
            newPriority = decision.get().priority();
            newReason = decision.get().reason();
        }
        var newBases = new ArrayList<>(bases);
        GradeBasis.of(assessment, decision).ifPresent(newBases::add);
        var updated = after(
                assessment,
                status,
                newPriority,
                newReason,
                worse ? grade : highestGrade,
                notifies ? now : lastNotifiedAt,
                snoozedUntil,
                newBases,
                now);
        String reason = unconfirmed && !confirms ? decision.get().reason() : newReason;
        return updated.changedBy(
                assessment, notifies ? AlertTransition.ESCALATED_GRADE : AlertTransition.UPDATED, reason, now);
    }

    /**
     * A correction or cancellation withdrew results some of this episode's grades rested on: those grades no longer
     * count. The episode is withdrawn (resolved) when none that still stands would raise an alert; otherwise its
     * highest grade and priority are those of what stands, lower or higher than before.
     */
    private Change correct(ToxicityAssessed assessment, Optional<AlertDecision> decision, Instant now) {
        var standing = new ArrayList<GradeBasis>();
        bases.stream()
                .filter(basis -> !basis.restsOnAny(assessment.withdrawnEvidence()))
                .forEach(standing::add);
        GradeBasis.of(assessment, decision).ifPresent(standing::add);
        int newHighest = standing.stream().mapToInt(GradeBasis::grade).max().orElse(0);
        String source = assessment.caveats().contains(AssessmentCaveat.SOURCE_RESULT_CANCELLED)
                ? "source result cancelled"
                : "source result corrected";
        var alerting = standing.stream().filter(GradeBasis::alerts).toList();
        if (alerting.isEmpty()) {
            var withdrawn = after(
                    assessment,
                    AlertStatus.RESOLVED,
                    priority,
                    priorityReason,
                    newHighest,
                    lastNotifiedAt,
                    null,
                    standing,
                    now);
            String reason = source + ": alert withdrawn; the grade " + highestGrade
                    + " it showed rested on the replaced result and no remaining result calls for an alert";
            return withdrawn.changedBy(assessment, AlertTransition.RESOLVED, reason, now);
        }
        GradeBasis top = alerting.getFirst();
        for (GradeBasis basis : alerting) {
            if (basis.priority().compareTo(top.priority()) <= 0) {
                top = basis;
            }
        }
        Integer grade = assessment.grade();
        boolean unconfirmed = decision.map(AlertDecision::awaitsConfirmation).orElse(false);
        boolean worse = grade != null && grade > highestGrade && !unconfirmed;
        var corrected = after(
                assessment,
                status,
                top.priority(),
                Objects.requireNonNull(top.reason()),
                newHighest,
                worse ? now : lastNotifiedAt,
                snoozedUntil,
                standing,
                now);
        String reason = source + ": highest grade " + highestGrade + " -> " + newHighest + ", priority "
                + lowerCase(priority) + " -> " + lowerCase(top.priority()) + " (" + top.reason() + ")";
        return corrected.changedBy(
                assessment, worse ? AlertTransition.ESCALATED_GRADE : AlertTransition.UPDATED, reason, now);
    }

    /** This episode once {@code assessment} is applied (its next transition): it shows the assessment and has handled it. */
    private AlertEpisode after(
            ToxicityAssessed assessment,
            AlertStatus newStatus,
            AlertPriority newPriority,
            String newReason,
            int newHighestGrade,
            Instant notifiedAt,
            @Nullable Instant newSnoozedUntil,
            List<GradeBasis> newBases,
            Instant now) {
        var handled = new ArrayList<>(handledAssessments);
        handled.add(assessment.eventId());
        return new AlertEpisode(
                alertId,
                patientId,
                family,
                newStatus,
                newPriority,
                newReason,
                policyVersion,
                newHighestGrade,
                assessment,
                createdAt,
                now,
                handled,
                escalationTier,
                notifiedAt,
                assignee,
                newSnoozedUntil,
                recovery.after(assessment),
                newBases,
                transitions + 1,
                version);
    }

    /** The change {@code assessment} made, recorded as caused by it so that a redelivery can republish it. */
    private Change changedBy(ToxicityAssessed assessment, AlertTransition transition, String reason, Instant now) {
        return new Change(
                this,
                event(
                        transition,
                        now,
                        "toxwatch",
                        reason,
                        assessment.eventId(),
                        assessment.eventId().toString()));
    }

    private static AlertPriority higher(AlertPriority a, AlertPriority b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String lowerCase(AlertPriority priority) {
        return priority.name().toLowerCase(Locale.ROOT);
    }

    /**
     * A clinician has seen the alert and takes charge of it. Only an open (or snoozed) episode can be
     * acknowledged; acknowledging twice is refused so the audit trail shows who acknowledged first.
     */
    public Decision acknowledge(String clinician, @Nullable String note, Instant now) {
        if (status != AlertStatus.OPEN && status != AlertStatus.SNOOZED) {
            return new Decision.Refused("an alert that is " + status + " cannot be acknowledged");
        }
        return new Decision.Changed(
                transition(AlertStatus.ACKNOWLEDGED, AlertTransition.ACKNOWLEDGED, clinician, note, now));
    }

    /**
     * Silences reminders and escalation for a while; bounded so an alert can never be put away for good. When
     * the snooze ends the alert is open again and reminders resume.
     */
    public Decision snooze(String clinician, Duration duration, Duration longest, @Nullable String note, Instant now) {
        if (status != AlertStatus.OPEN && status != AlertStatus.ACKNOWLEDGED) {
            return new Decision.Refused("an alert that is " + status + " cannot be snoozed");
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(longest) > 0) {
            return new Decision.Refused("a snooze lasts more than 0 and at most " + longest.toMinutes() + " min");
        }
        String reason = "snoozed for " + duration.toMinutes() + " min" + (note == null ? "" : ": " + note);
        return new Decision.Changed(transition(
                AlertStatus.SNOOZED,
                AlertTransition.SNOOZED,
                clinician,
                reason,
                now,
                assignee,
                now.plus(duration),
                lastNotifiedAt));
    }

    /** Hands the alert to a named clinician, who is notified; the status stays as it is. */
    public Decision assign(String actor, String newAssignee, Instant now) {
        if (status == AlertStatus.RESOLVED) {
            return new Decision.Refused("a resolved alert cannot be assigned");
        }
        if (newAssignee.isBlank()) {
            return new Decision.Refused("name the clinician to assign the alert to");
        }
        return new Decision.Changed(transition(
                status,
                AlertTransition.ASSIGNED,
                actor,
                "assigned to " + newAssignee,
                now,
                newAssignee,
                snoozedUntil,
                now));
    }

    /** A clinician closes the episode, saying why; a later alerting grade opens a new episode. */
    public Decision resolve(String clinician, String reason, Instant now) {
        if (status == AlertStatus.RESOLVED) {
            return new Decision.Refused("the alert is already resolved");
        }
        if (reason.isBlank()) {
            return new Decision.Refused("a resolution needs a reason");
        }
        return new Decision.Changed(transition(AlertStatus.RESOLVED, AlertTransition.RESOLVED, clinician, reason, now));
    }

    /**
     * Nobody acknowledged in time: notify the next tier (or the last tier again) and restart the clock. Only an
     * open episode escalates; acknowledging, snoozing or resolving stops it.
     */
    public Decision escalate(EscalationPolicy policy, Instant now) {
        if (status == AlertStatus.SNOOZED && snoozedUntil != null && !now.isBefore(snoozedUntil)) {
            return new Decision.Changed(transition(
                    AlertStatus.OPEN, AlertTransition.UPDATED, "toxwatch", "snooze ended", now, assignee, null, now));
        }
        if (status != AlertStatus.OPEN) {
            return new Decision.Refused("an alert that is " + status + " does not escalate");
        }
        var due = policy.delayFor(priority);
        if (due.isEmpty() || now.isBefore(lastNotifiedAt.plus(due.get()))) {
            return new Decision.Refused("not due");
        }
        int tier = policy.nextTier(escalationTier);
        var updated = handled(status, now, tier, now, assignee, snoozedUntil);
        String reason = "not acknowledged within " + due.get().toMinutes() + " min: notifying " + policy.tierName(tier);
        return new Decision.Changed(new Change(
                updated,
                updated.event(
                        AlertTransition.ESCALATED_TIER,
                        now,
                        "toxwatch",
                        reason,
                        null,
                        "escalation-" + alertId + "-" + now.toEpochMilli())));
    }

    /**
     * The toxicity has stayed at grade 0 for the policy's sustained period: propose resolution (recorded as an
     * update a clinician confirms by resolving) or resolve, as the policy says for this priority. Only once per
     * return to grade 0; a new grade above 0 starts over.
     */
    public Decision recover(RecoveryPolicy policy, Instant now) {
        Instant since = recovery.normalSince();
        if (status == AlertStatus.RESOLVED) {
            return new Decision.Refused("the alert is already resolved");
        }
        if (since == null) {
            return new Decision.Refused("not back to grade 0");
        }
        if (recovery.proposedAt() != null) {
            return new Decision.Refused("resolution already proposed");
        }
        if (now.isBefore(since.plus(policy.sustained()))) {
            return new Decision.Refused("grade 0 not yet sustained");
        }
        String sustained =
                "grade 0 since " + since + " (at least " + policy.sustained().toHours() + " h)";
        String sourceMessageId = "recovery-" + alertId + "-" + now.toEpochMilli();
        if (policy.proposesFor(priority)) {
            var updated = new AlertEpisode(
                    alertId,
                    patientId,
                    family,
                    status,
                    priority,
                    priorityReason,
                    policyVersion,
                    highestGrade,
                    latest,
                    createdAt,
                    now,
                    handledAssessments,
                    escalationTier,
                    lastNotifiedAt,
                    assignee,
                    snoozedUntil,
                    recovery.proposed(now),
                    bases,
                    transitions + 1,
                    version);
            String reason = "resolution proposed: " + sustained + "; a clinician confirms by resolving";
            return new Decision.Changed(new Change(
                    updated, updated.event(AlertTransition.UPDATED, now, "toxwatch", reason, null, sourceMessageId)));
        }
        var resolved = handled(AlertStatus.RESOLVED, now, escalationTier, lastNotifiedAt, assignee, null);
        return new Decision.Changed(new Change(
                resolved,
                resolved.event(
                        AlertTransition.RESOLVED,
                        now,
                        "toxwatch",
                        "resolved automatically: " + sustained,
                        null,
                        sourceMessageId)));
    }

    /** The outcome of a clinician's action: the change, or why it was refused. */
    public sealed interface Decision {
        record Changed(Change change) implements Decision {}

        record Refused(String reason) implements Decision {}
    }

    private Change transition(
            AlertStatus newStatus, AlertTransition transition, String actor, @Nullable String reason, Instant now) {
        return transition(newStatus, transition, actor, reason, now, assignee, null, lastNotifiedAt);
    }

    private Change transition(
            AlertStatus newStatus,
            AlertTransition transition,
            String actor,
            @Nullable String reason,
            Instant now,
            @Nullable String newAssignee,
            @Nullable Instant newSnoozedUntil,
            Instant notifiedAt) {
        var updated = handled(newStatus, now, escalationTier, notifiedAt, newAssignee, newSnoozedUntil);
        return new Change(
                updated, updated.event(transition, now, actor, reason, null, "clinician-action-" + UUID.randomUUID()));
    }

    /** This episode after its next transition, same clinical content and new handling: status, escalation, assignee, snooze. */
    private AlertEpisode handled(
            AlertStatus newStatus,
            Instant now,
            int newTier,
            Instant notifiedAt,
            @Nullable String newAssignee,
            @Nullable Instant newSnoozedUntil) {
        return new AlertEpisode(
                alertId,
                patientId,
                family,
                newStatus,
                priority,
                priorityReason,
                policyVersion,
                highestGrade,
                latest,
                createdAt,
                now,
                handledAssessments,
                newTier,
                notifiedAt,
                newAssignee,
                newSnoozedUntil,
                recovery,
                bases,
                transitions + 1,
                version);
    }

    /** Whether this change is one clinicians are notified of. */
    public static boolean notifies(AlertTransition transition) {
        return transition == AlertTransition.RAISED || transition == AlertTransition.ESCALATED_GRADE;
    }

    private AlertChanged eventFor(AlertTransition transition, Instant now) {
        return event(
                transition,
                now,
                "toxwatch",
                priorityReason,
                latest.eventId(),
                latest.eventId().toString());
    }

    /** A transition of this episode as it now stands (status, priority, latest grade, what drove the priority). */
    private AlertChanged event(
            AlertTransition transition,
            Instant now,
            String actor,
            @Nullable String reason,
            @Nullable UUID assessmentEventId,
            String sourceMessageId) {
        var driver = drivenBy();
        return new AlertChanged(
                UUID.randomUUID(),
                alertId,
                patientId,
                now,
                transition,
                status,
                priority,
                latest.criterion(),
                family,
                latest.grade(),
                actor,
                reason,
                assessmentEventId,
                SOURCE_SYSTEM,
                sourceMessageId,
                driver.criterion(),
                driver.grade());
    }
}
