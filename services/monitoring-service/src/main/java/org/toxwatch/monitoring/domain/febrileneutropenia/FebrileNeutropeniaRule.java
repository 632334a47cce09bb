package org.toxwatch.monitoring.domain.febrileneutropenia;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.toxwatch.model.AppliedThreshold;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.ReferenceRangeSource;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.Observation;

/**
 * Febrile neutropenia, CTCAE v5.0 ("Blood and lymphatic system disorders"), as CRITERIA.md section 3
 * specifies it: ANC below 1000/mm3 with a single temperature above 38.3 C or a temperature of at least
 * 38.0 C sustained for more than one hour.
 *
 * <p>CTCAE has no grade 1 or 2, so the only grades are 3 (present) and 0 (ruled out). Grade 4 needs
 * "life-threatening consequences", which no number defines, so it is never assigned and every graded
 * outcome is marked lab-only (CRITERIA.md 1.6, L-6). CTCAE gives no time window between fever and ANC;
 * the 24-hour pairing is ToxWatch's convention (see {@link PairedFever}). A fever event without an ANC
 * cannot be judged, and one unjudged event is enough to make the whole assessment not assessable unless
 * another event is already positive: an absent ANC is never read as a normal one (CRITERIA.md 1.2).
 * Without any fever event febrile neutropenia is ruled out by the temperatures alone, so that is grade 0
 * whether or not an ANC exists.
 */
public final class FebrileNeutropeniaRule {

    static final String TEMPERATURE_UNIT = "Cel";
    static final String ANC_UNIT = "10*9/L";
    static final String NEUTROPENIC_ANC = "ANC < 1.0 10*9/L";
    static final String FEVER = "single temperature > 38.3 Cel or >= 38.0 Cel sustained > 60 min";

    private FebrileNeutropeniaRule() {}

    /**
     * @param temperaturesCelsius body temperatures (LOINC 8310-5) in Cel, any order
     * @param ancs absolute neutrophil counts in 10*9/L, any order
     * @param assessedAt the time the assessment is made for
     */
    public static Assessment assess(List<Observation> temperaturesCelsius, List<Observation> ancs, Instant assessedAt) {
        if (temperaturesCelsius.isEmpty()) {
            return notAssessable(assessedAt, "no temperature reading, so fever cannot be assessed", List.of());
        }
        var unconverted =
                firstInOtherUnit(temperaturesCelsius, TEMPERATURE_UNIT).or(() -> firstInOtherUnit(ancs, ANC_UNIT));
        if (unconverted.isPresent()) {
            var reading = unconverted.get();
            return notAssessable(
                    assessedAt,
                    "%s reported in %s, not converted to the canonical unit"
                            .formatted(reading.display(), reading.unit()),
                    List.of(reading.toEvidence()));
        }

        var temperatures = inTimeOrder(temperaturesCelsius);
        var fevers = FeverEvent.in(temperatures);
        if (fevers.isEmpty()) {
            return noFever(temperatures, assessedAt);
        }
        var timeOrderedAncs = inTimeOrder(ancs);
        var paired = fevers.stream()
                .map(fever -> PairedFever.pair(fever, timeOrderedAncs))
                .toList();

        var firstPositive = paired.stream().filter(PairedFever::neutropenic).findFirst();
        if (firstPositive.isPresent()) {
            return present(firstPositive.get(), paired, assessedAt);
        }
        var unjudged = paired.stream().filter(p -> !p.judged()).toList();
        if (!unjudged.isEmpty()) {
            return notAssessable(assessedAt, unjudgedReason(unjudged, paired, ancs.isEmpty()), evidenceOf(paired));
        }
        return feverWithoutNeutropenia(paired, assessedAt);
    }

    private static Assessment present(PairedFever positive, List<PairedFever> paired, Instant assessedAt) {
        var anc = Objects.requireNonNull(positive.anc());
        var positives = paired.stream().filter(PairedFever::neutropenic).count();
        var others =
                positives > 1 ? " (%d fever events met the criteria; the first is shown)".formatted(positives) : "";
        var summary = ("Febrile neutropenia: %s with ANC %s %s collected %s, below 1.0 %s%s. Grade 3 from numbers"
                        + " only; grade 4 (life-threatening consequences) needs clinical judgement and is not"
                        + " assigned.")
                .formatted(
                        describe(positive.fever()),
                        anc.value().toPlainString(),
                        anc.unit(),
                        anc.observedAt(),
                        ANC_UNIT,
                        others);
        return Assessment.graded(
                Criterion.FEBRILE_NEUTROPENIA,
                3,
                assessedAt,
                summary,
                List.of(new AppliedThreshold(3, NEUTROPENIC_ANC, true), new AppliedThreshold(3, FEVER, true)),
                evidenceOf(List.of(positive)),
                true,
                ReferenceRangeSource.NOT_USED);
    }

    private static Assessment feverWithoutNeutropenia(List<PairedFever> paired, Instant assessedAt) {
        var lowest = paired.stream()
                .map(p -> Objects.requireNonNull(p.anc()))
                .min(Comparator.comparing(Observation::value))
                .orElseThrow();
        var summary = ("No febrile neutropenia: %s, and the ANC paired with %s was at least 1.0 %s (lowest %s %s"
                        + " collected %s).")
                .formatted(
                        paired.size() == 1 ? describe(paired.getFirst().fever()) : paired.size() + " fever events",
                        paired.size() == 1 ? "it" : "each",
                        ANC_UNIT,
                        lowest.value().toPlainString(),
                        lowest.unit(),
                        lowest.observedAt());
        return Assessment.graded(
                Criterion.FEBRILE_NEUTROPENIA,
                0,
                assessedAt,
                summary,
                List.of(new AppliedThreshold(3, NEUTROPENIC_ANC, false), new AppliedThreshold(3, FEVER, true)),
                evidenceOf(paired),
                true,
                ReferenceRangeSource.NOT_USED);
    }

    private static Assessment noFever(List<Observation> temperatures, Instant assessedAt) {
        var highest = temperatures.stream()
                .max(Comparator.comparing(Observation::value))
                .orElseThrow();
        var summary = ("No febrile neutropenia: no fever in %d temperature reading%s (highest %s Cel at %s; none"
                        + " above 38.3 Cel and no run at or above 38.0 Cel lasting more than 60 min), so the ANC"
                        + " does not matter.")
                .formatted(
                        temperatures.size(),
                        temperatures.size() == 1 ? "" : "s",
                        highest.value().toPlainString(),
                        highest.observedAt());
        return Assessment.graded(
                Criterion.FEBRILE_NEUTROPENIA,
                0,
                assessedAt,
                summary,
                List.of(new AppliedThreshold(3, FEVER, false)),
                List.of(highest.toEvidence()),
                true,
                ReferenceRangeSource.NOT_USED);
    }

    private static String unjudgedReason(List<PairedFever> unjudged, List<PairedFever> paired, boolean noAncAtAll) {
        var first = describe(unjudged.getFirst().fever());
        if (noAncAtAll) {
            return "fever but no ANC result: " + first;
        }
        if (unjudged.size() == paired.size()) {
            return unjudged.size() == 1
                    ? "fever without an ANC collected within 24 h of it: " + first
                    : "%d fever events, none with an ANC collected within 24 h of it (first: %s)"
                            .formatted(unjudged.size(), first);
        }
        return ("%d of %d fever events have no ANC collected within 24 h (first: %s); the others had ANC at least"
                        + " 1.0 %s, which does not rule out the unpaired ones")
                .formatted(unjudged.size(), paired.size(), first, ANC_UNIT);
    }

    private static String describe(FeverEvent fever) {
        return switch (fever.kind()) {
            case SINGLE ->
                "temperature %s Cel at %s".formatted(fever.hottest().value().toPlainString(), fever.start());
            case SUSTAINED ->
                "temperature at or above 38.0 Cel for %d min from %s to %s (highest %s Cel)"
                        .formatted(
                                Duration.between(fever.start(), fever.end()).toMinutes(),
                                fever.start(),
                                fever.end(),
                                fever.hottest().value().toPlainString());
        };
    }

    /** The readings of each event, then its ANC, each observation once. */
    private static List<Evidence> evidenceOf(List<PairedFever> paired) {
        var evidence = new LinkedHashMap<UUID, Evidence>();
        for (var p : paired) {
            p.fever().readings().forEach(reading -> evidence.putIfAbsent(reading.eventId(), reading.toEvidence()));
            var anc = p.anc();
            if (anc != null) {
                evidence.putIfAbsent(anc.eventId(), anc.toEvidence());
            }
        }
        return List.copyOf(evidence.values());
    }

    private static Assessment notAssessable(Instant assessedAt, String reason, List<Evidence> evidence) {
        return Assessment.notAssessable(Criterion.FEBRILE_NEUTROPENIA, assessedAt, reason, evidence);
    }

    private static List<Observation> inTimeOrder(List<Observation> observations) {
        return observations.stream()
                .sorted(Comparator.comparing(Observation::observedAt))
                .toList();
    }

    private static Optional<Observation> firstInOtherUnit(List<Observation> observations, String unit) {
        return observations.stream().filter(o -> !unit.equals(o.unit())).findFirst();
    }
}
