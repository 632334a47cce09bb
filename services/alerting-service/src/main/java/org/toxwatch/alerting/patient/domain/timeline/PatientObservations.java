package org.toxwatch.alerting.patient.domain.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.toxwatch.model.Therapy;
import org.toxwatch.model.TherapyEventType;

/**
 * A patient's observations as they stand (a corrected result replaced, a cancelled one withdrawn) and their
 * therapy events, oldest first.
 *
 * @param withdrawn the events whose observation a correction replaced or a cancellation withdrew: charts leave
 *     them out even where an assessment quotes them
 */
public record PatientObservations(
        List<ChartedObservation> observations, List<TherapyMilestone> therapy, Set<UUID> withdrawn) {

    public static final PatientObservations NONE = new PatientObservations(List.of(), List.of(), Set.of());

    public PatientObservations {
        observations = List.copyOf(observations);
        therapy = List.copyOf(therapy);
        withdrawn = Set.copyOf(withdrawn);
    }

    /**
     * From everything logged, in any order: of the results naming one source observation, the one received last
     * stands (on a tie the later status: corrected over final); if that is a cancellation, none does.
     */
    public static PatientObservations of(List<ChartedObservation> logged, List<TherapyMilestone> therapy) {
        Map<String, ChartedObservation> standing = new LinkedHashMap<>();
        var withdrawn = new HashSet<UUID>();
        Comparator<ChartedObservation> received =
                Comparator.comparing(ChartedObservation::receivedAt).thenComparing(ChartedObservation::status);
        for (ChartedObservation observation : logged) {
            String key = observation.sourceObservationId() == null
                    ? observation.id()
                    : observation.code() + "|" + observation.sourceObservationId();
            var earlier = standing.get(key);
            if (earlier == null) {
                standing.put(key, observation);
            } else if (received.compare(observation, earlier) >= 0) {
                withdrawn.add(earlier.eventId());
                standing.put(key, observation);
            } else {
                withdrawn.add(observation.eventId());
            }
        }
        var current = new ArrayList<ChartedObservation>();
        for (ChartedObservation observation : standing.values()) {
            if (observation.cancelled()) {
                withdrawn.add(observation.eventId());
            } else {
                current.add(observation);
            }
        }
        current.sort(Comparator.comparing(ChartedObservation::observedAt));
        withdrawn.removeAll(current.stream().map(ChartedObservation::eventId).toList());
        var milestones = therapy.stream()
                .sorted(Comparator.comparing(TherapyMilestone::occurredAt))
                .toList();
        return new PatientObservations(current, milestones, withdrawn);
    }

    /**
     * The day-0 lines: every CAR-T infusion (day 0 of the CAR-T windows, CRITERIA.md 10), and for the other
     * therapies the first dose or infusion start of each episode (T0, CRITERIA.md 1.4; an enrolment opens a new
     * episode). CRITERIA.md 1.4 counts a CAR-T episode's baselines from lymphodepletion (its enrolment), which is
     * marked as an enrolment, not as day 0.
     */
    public List<TherapyMilestone> dayZeros() {
        var awaitingFirstDose = EnumSet.allOf(Therapy.class);
        var dayZeros = new ArrayList<TherapyMilestone>();
        for (TherapyMilestone milestone : therapy) {
            if (milestone.type() == TherapyEventType.ENROLLED) {
                awaitingFirstDose.add(milestone.therapy());
            } else if (milestone.therapy() == Therapy.CAR_T) {
                if (milestone.type() == TherapyEventType.CAR_T_INFUSED) {
                    dayZeros.add(milestone);
                }
            } else if (milestone.administration() && awaitingFirstDose.remove(milestone.therapy())) {
                dayZeros.add(milestone);
            }
        }
        return dayZeros;
    }
}
