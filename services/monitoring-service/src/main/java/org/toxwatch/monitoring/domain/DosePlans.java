package org.toxwatch.monitoring.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import org.toxwatch.model.DosePlanned;
import org.toxwatch.model.Therapy;

/**
 * Planned doses as they stand. A plan is identified by its source plan id (order number, MedicationRequest id)
 * across updates; a plan sent without one is identified by its therapy, cycle and cycle day. The newest record of
 * a plan (by ordering time, then arrival) is the plan; a cancellation sent without a plan id cancels every older
 * plan of its therapy, cycle and cycle day.
 */
public final class DosePlans {

    /** Three doses a cycle and their updates; the cap only guards the state's size. */
    static final int RECORDS_KEPT = 100;

    static final Comparator<DosePlanned> NEWEST_LAST = Comparator.comparing(DosePlanned::orderedAt)
            .thenComparing(DosePlanned::receivedAt)
            .thenComparing(DosePlanned::eventId);

    private DosePlans() {}

    /**
     * A plan as it stands.
     *
     * @param current its newest record (when cancelled by a record without a plan id, still the plan's own)
     * @param firstOrderedAt when it was first ordered: a dose given since then is this plan given
     * @param cancelled the plan was withdrawn
     * @param changedAt the time of the newest record that changed it, the cancellation included
     */
    public record Plan(DosePlanned current, Instant firstOrderedAt, boolean cancelled, Instant changedAt) {

        public int cycle() {
            return current.cycle();
        }

        public int cycleDay() {
            return current.cycleDay();
        }

        public Instant plannedFor() {
            return current.plannedFor();
        }
    }

    static List<DosePlanned> with(List<DosePlanned> kept, DosePlanned incoming) {
        if (kept.stream().anyMatch(plan -> plan.eventId().equals(incoming.eventId()))) {
            return kept;
        }
        var updated = new ArrayList<>(kept);
        updated.add(incoming);
        updated.sort(NEWEST_LAST);
        return updated.size() <= RECORDS_KEPT
                ? updated
                : updated.subList(updated.size() - RECORDS_KEPT, updated.size());
    }

    /** The plans of {@code therapy} as they stand, in order of planned time. */
    public static List<Plan> standing(List<DosePlanned> kept, Therapy therapy) {
        var records = kept.stream()
                .filter(plan -> plan.therapy() == therapy)
                .sorted(NEWEST_LAST)
                .toList();
        var byIdentity = new LinkedHashMap<String, Plan>();
        for (var record : records) {
            var before = byIdentity.get(identity(record));
            var first = before == null ? record.orderedAt() : before.firstOrderedAt();
            byIdentity.put(identity(record), new Plan(record, first, record.cancelled(), record.orderedAt()));
        }
        var cancellationsWithoutId = records.stream()
                .filter(record -> record.cancelled() && record.sourcePlanId() == null)
                .toList();
        return byIdentity.values().stream()
                .map(plan -> {
                    if (plan.cancelled()) {
                        return plan;
                    }
                    return cancellationsWithoutId.stream()
                            .filter(cancel ->
                                    sameSlot(cancel, plan.current()) && NEWEST_LAST.compare(cancel, plan.current()) > 0)
                            .reduce((earlier, later) -> later)
                            .map(cancel -> new Plan(plan.current(), plan.firstOrderedAt(), true, cancel.orderedAt()))
                            .orElse(plan);
                })
                .sorted(Comparator.comparing(Plan::plannedFor)
                        .thenComparing(Plan::cycle)
                        .thenComparing(Plan::cycleDay))
                .toList();
    }

    private static boolean sameSlot(DosePlanned a, DosePlanned b) {
        return a.therapy() == b.therapy() && a.cycle() == b.cycle() && a.cycleDay() == b.cycleDay();
    }

    private static String identity(DosePlanned plan) {
        return plan.sourcePlanId() != null
                ? "plan:" + plan.sourcePlanId()
                : "slot:" + plan.therapy() + "/" + plan.cycle() + "/" + plan.cycleDay();
    }
}
