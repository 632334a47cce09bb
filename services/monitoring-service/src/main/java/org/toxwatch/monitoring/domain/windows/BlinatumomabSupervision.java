package org.toxwatch.monitoring.domain.windows;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.toxwatch.model.TherapyEventType;
import org.toxwatch.monitoring.domain.TherapyAdministration;

/**
 * The BLINCYTO hospitalization and supervision windows, CRITERIA.md 9.2, from the episode's infusion starts and
 * stops.
 *
 * <ul>
 *   <li>Cycles: the first infusion start opens cycle 1; a restart after a stop of more than 7 days opens the next
 *       cycle (9.1 interruption bookkeeping; the 14-day treatment-free interval is longer), and so does a start
 *       that carries a higher cycle number than the current one. A start's cycle number is used when given.
 *   <li>Cycle 1: hospitalization days 1-9 (relapsed/refractory). The MRD-positive and consolidation setting has
 *       days 1-3, but the therapy events do not carry the setting, so the longer relapsed/refractory window always
 *       applies. Cycle 2: days 1-2. Cycle day 1 is the calendar day of the cycle's first start.
 *   <li>Later cycle starts and restarts after an interruption of 4 hours or more: supervision. The label gives no
 *       duration; ToxWatch flags the first {@value #SUPERVISION_HOURS} hours after the start (a ToxWatch default).
 * </ul>
 */
public final class BlinatumomabSupervision {

    static final int CYCLE_1_HOSPITALIZATION_DAYS = 9;
    static final int CYCLE_2_HOSPITALIZATION_DAYS = 2;
    static final Duration NEW_CYCLE_AFTER_STOP_OF_MORE_THAN = Duration.ofDays(7);
    static final Duration SUPERVISED_RESTART_AFTER_STOP_OF_AT_LEAST = Duration.ofHours(4);
    static final long SUPERVISION_HOURS = 24;

    private record Cycle(int number, Instant startedAt) {}

    private BlinatumomabSupervision() {}

    public static OpenWindows openAt(List<TherapyAdministration> administrations, Instant at, ZoneId zone) {
        var cycles = new ArrayList<Cycle>();
        var restarts = new ArrayList<Instant>();
        Instant stoppedAt = null;
        var running = false;
        for (var change : administrations) {
            if (change.occurredAt().isAfter(at)) {
                break;
            }
            if (change.type() == TherapyEventType.INFUSION_STARTED && !running) {
                var gap = stoppedAt == null ? null : Duration.between(stoppedAt, change.occurredAt());
                var numbered = change.cycle();
                if (cycles.isEmpty()) {
                    cycles.add(new Cycle(numbered == null ? 1 : numbered, change.occurredAt()));
                } else if ((gap != null && gap.compareTo(NEW_CYCLE_AFTER_STOP_OF_MORE_THAN) > 0)
                        || (numbered != null && numbered > cycles.getLast().number())) {
                    var next = numbered == null ? cycles.getLast().number() + 1 : numbered;
                    cycles.add(new Cycle(next, change.occurredAt()));
                } else if (gap != null && gap.compareTo(SUPERVISED_RESTART_AFTER_STOP_OF_AT_LEAST) >= 0) {
                    restarts.add(change.occurredAt());
                }
                running = true;
            } else if (change.type() == TherapyEventType.INFUSION_STOPPED && running) {
                running = false;
                stoppedAt = change.occurredAt();
            }
        }
        if (cycles.isEmpty()) {
            return OpenWindows.NONE;
        }
        var open = new ArrayList<String>();
        var cycle = cycles.getLast();
        long cycleDay = ChronoUnit.DAYS.between(
                        cycle.startedAt().atZone(zone).toLocalDate(),
                        at.atZone(zone).toLocalDate())
                + 1;
        if (cycle.number() == 1 && cycleDay <= CYCLE_1_HOSPITALIZATION_DAYS) {
            open.add(("BLINCYTO cycle 1 day %d: hospitalization recommended for days 1-9 of cycle 1"
                            + " (relapsed/refractory; the feed does not say the setting, so the longer window applies)")
                    .formatted(cycleDay));
        } else if (cycle.number() == 2 && cycleDay <= CYCLE_2_HOSPITALIZATION_DAYS) {
            open.add(
                    "BLINCYTO cycle 2 day %d: hospitalization recommended for days 1-2 of cycle 2".formatted(cycleDay));
        } else if (cycle.number() >= 3 && withinSupervision(cycle.startedAt(), at)) {
            open.add(("BLINCYTO cycle %d start: supervision by a healthcare professional or hospitalization, first %d h"
                            + " (ToxWatch default; the label gives no duration)")
                    .formatted(cycle.number(), SUPERVISION_HOURS));
        }
        restarts.stream()
                .filter(restart -> withinSupervision(restart, at))
                .forEach(restart -> open.add(("BLINCYTO restart at %s after an interruption of 4 h or more:"
                                + " supervision by a healthcare professional or hospitalization, first %d h (ToxWatch"
                                + " default; the label gives no duration)")
                        .formatted(restart, SUPERVISION_HOURS)));
        return new OpenWindows(!open.isEmpty(), open);
    }

    private static boolean withinSupervision(Instant start, Instant at) {
        return !at.isBefore(start) && at.isBefore(start.plus(Duration.ofHours(SUPERVISION_HOURS)));
    }
}
