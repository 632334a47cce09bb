package org.toxwatch.monitoring.domain.liversignals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.UUID;
import java.util.stream.Stream;
import org.toxwatch.model.AppliedThreshold;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.ReferenceRangeSource;
import org.toxwatch.monitoring.domain.Assessment;

/**
 * Potential Hy's law signal, CRITERIA.md 7.1, after the FDA Guidance for Industry "Drug-Induced Liver Injury:
 * Premarketing Clinical Evaluation" (July 2009).
 *
 * <p>The signal is raised when ALT or AST is at least 3 x ULN (the guidance's "3-fold or greater"; the brief's
 * "&gt; 3 x ULN" was resolved to {@code >=}, A-11) and total bilirubin is above 2 x ULN, from specimens
 * collected at most 48 hours apart (ToxWatch convention; exactly 48 h is still within). It always compares with
 * ULN, never with baseline multiples: Hy's law asks whether the liver injury is severe enough to impair
 * function, whatever the patient started from. Every comparison multiplies the limit (1.1), so 120 U/L with ULN
 * 40 U/L is exactly 3 x ULN.
 *
 * <p>The FDA definition also requires that there be no initial cholestasis. An ALP at least 2 x ULN collected
 * within 48 h of both specimens of the pair does not suppress the signal (a missed Hy's law case costs more than
 * a false alarm) but labels it {@code cholestaticPattern = true} in the summary and thresholds. When several
 * pairs signal, the newest pair without a cholestatic ALP is shown, else the newest pair.
 *
 * <p>Grade convention: there is no CTCAE grade for Hy's law and the signal is binary, so the assessment's grade
 * is a presence flag: {@code 1} = potential Hy's law signal present, {@code 0} = assessed and absent. Not
 * assessable (no grade) when no ALT or AST was collected within 48 h of a total bilirubin. The "no other cause
 * explains the combination" part of Hy's law is a clinical judgement and is not assessed.
 */
public final class HysLawRule {

    /** ToxWatch convention of CRITERIA.md 7.1 (configurable there; fixed here until configuration exists). */
    static final Duration SAME_WINDOW = Duration.ofHours(48);

    static final BigDecimal AMINOTRANSFERASE_MULTIPLE = new BigDecimal("3");
    static final BigDecimal BILIRUBIN_MULTIPLE = new BigDecimal("2");
    static final BigDecimal CHOLESTATIC_ALP_MULTIPLE = new BigDecimal("2");

    static final String AMINOTRANSFERASE_CRITERION = "ALT >= 3 x ULN or AST >= 3 x ULN";
    static final String BILIRUBIN_CRITERION = "total bilirubin > 2 x ULN";
    static final String WINDOW_CRITERION = "aminotransferase and bilirubin collected within 48 h of each other";
    static final String CHOLESTASIS_QUALIFIER =
            "qualifier, does not change the signal: ALP >= 2 x ULN in the same 48 h window -> cholestaticPattern";

    private HysLawRule() {}

    /**
     * @param alt ALT results (LOINC 1742-6), value and ULN in U/L, any order
     * @param ast AST results (LOINC 1920-8), value and ULN in U/L, any order
     * @param bilirubin total bilirubin results, value and ULN in the same unit (canonical mg/dL), any order
     * @param alp alkaline phosphatase results, value and ULN in U/L, any order; used only for the qualifier
     * @param assessedAt clinical time of the assessment, normally the newest specimen used
     */
    public static Assessment assess(
            List<LiverTest> alt,
            List<LiverTest> ast,
            List<LiverTest> bilirubin,
            List<LiverTest> alp,
            Instant assessedAt) {
        var aminotransferases = Stream.concat(alt.stream(), ast.stream()).toList();
        if (aminotransferases.isEmpty() || bilirubin.isEmpty()) {
            var missing = aminotransferases.isEmpty() ? "no ALT or AST result" : "no total bilirubin result";
            return Assessment.notAssessable(
                    Criterion.HYS_LAW,
                    assessedAt,
                    missing,
                    evidenceOf(Stream.concat(aminotransferases.stream(), bilirubin.stream())));
        }
        var pairs = pairsWithinWindow(aminotransferases, bilirubin);
        if (pairs.isEmpty()) {
            return Assessment.notAssessable(
                    Criterion.HYS_LAW,
                    assessedAt,
                    "no ALT or AST collected within 48 h of a total bilirubin",
                    evidenceOf(Stream.concat(aminotransferases.stream(), bilirubin.stream())));
        }
        var signalling = pairs.stream().filter(Pair::signals).toList();
        if (signalling.isEmpty()) {
            return absent(pairs, assessedAt);
        }
        return present(signalling, alp, assessedAt);
    }

    private static Assessment present(List<Pair> signalling, List<LiverTest> alp, Instant assessedAt) {
        var newestFirst = signalling.stream()
                .sorted(Comparator.comparing(Pair::newest).reversed())
                .toList();
        var shown = newestFirst.stream()
                .filter(pair -> cholestaticAlp(pair, alp).isEmpty())
                .findFirst()
                .orElse(newestFirst.getFirst());
        var cholestatic = cholestaticAlp(shown, alp);
        var alpInWindow = alpInWindow(shown, alp);

        var summary = new StringBuilder("Potential Hy's law signal: ")
                .append(shown.aminotransferase().describe())
                .append(" >= 3 x ULN, and ")
                .append(shown.bilirubin().describe())
                .append(" > 2 x ULN, collected ")
                .append(hoursApart(shown))
                .append(" apart (within 48 h). cholestaticPattern = ")
                .append(cholestatic.isPresent());
        if (cholestatic.isPresent()) {
            summary.append(": ")
                    .append(cholestatic.get().describe())
                    .append(" >= 2 x ULN in the same window; the FDA definition requires no initial cholestasis.");
        } else if (alpInWindow.isEmpty()) {
            summary.append(" (no ALP collected in the same window, so cholestasis was not assessed).");
        } else {
            summary.append(" (ALP below 2 x ULN in the same window).");
        }
        if (signalling.size() > 1) {
            summary.append(" %d specimen pairs met both criteria.".formatted(signalling.size()));
        }
        summary.append(" Whether another cause explains the findings is a clinical judgement.");

        var used = new ArrayList<LiverTest>(List.of(shown.aminotransferase(), shown.bilirubin()));
        used.addAll(alpInWindow);
        appendDefaultRangeNote(summary, used);
        return Assessment.graded(
                Criterion.HYS_LAW,
                1,
                assessedAt,
                summary.toString(),
                List.of(
                        new AppliedThreshold(1, AMINOTRANSFERASE_CRITERION, true),
                        new AppliedThreshold(1, BILIRUBIN_CRITERION, true),
                        new AppliedThreshold(1, WINDOW_CRITERION, true),
                        new AppliedThreshold(1, CHOLESTASIS_QUALIFIER, cholestatic.isPresent())),
                evidenceOf(used.stream()),
                false,
                rangeSource(used));
    }

    private static Assessment absent(List<Pair> pairs, Instant assessedAt) {
        var aminotransferaseMet = pairs.stream().anyMatch(Pair::aminotransferaseMet);
        var bilirubinMet = pairs.stream().anyMatch(Pair::bilirubinMet);
        var summary = new StringBuilder(
                        "No potential Hy's law signal: in %d aminotransferase/bilirubin pair%s collected within 48 h"
                                .formatted(pairs.size(), pairs.size() == 1 ? "" : "s"))
                .append(", none had ")
                .append(AMINOTRANSFERASE_CRITERION)
                .append(" together with ")
                .append(BILIRUBIN_CRITERION)
                .append(" (aminotransferase criterion met in some pair: ")
                .append(aminotransferaseMet ? "yes" : "no")
                .append("; bilirubin criterion met in some pair: ")
                .append(bilirubinMet ? "yes" : "no")
                .append(").");
        var used = pairs.stream()
                .flatMap(pair -> Stream.of(pair.aminotransferase(), pair.bilirubin()))
                .toList();
        appendDefaultRangeNote(summary, used);
        return Assessment.graded(
                Criterion.HYS_LAW,
                0,
                assessedAt,
                summary.toString(),
                List.of(
                        new AppliedThreshold(1, AMINOTRANSFERASE_CRITERION, aminotransferaseMet),
                        new AppliedThreshold(1, BILIRUBIN_CRITERION, bilirubinMet),
                        new AppliedThreshold(1, WINDOW_CRITERION, true)),
                evidenceOf(used.stream()),
                false,
                rangeSource(used));
    }

    /**
     * Every aminotransferase with every bilirubin within 48 h of it, in the order of both lists. Bilirubin in
     * collection order (as the state keeps it) is searched from the first within the window to the last, not whole:
     * a course of weeks holds dozens of each.
     */
    private static List<Pair> pairsWithinWindow(List<LiverTest> aminotransferases, List<LiverTest> bilirubin) {
        var pairs = new ArrayList<Pair>();
        boolean inOrder = bilirubin instanceof RandomAccess && inCollectionOrder(bilirubin);
        for (var aminotransferase : aminotransferases) {
            var candidates = inOrder
                    ? bilirubin.subList(
                            firstNotBefore(
                                    bilirubin, aminotransferase.collectedAt().minus(SAME_WINDOW)),
                            bilirubin.size())
                    : bilirubin;
            for (var bili : candidates) {
                if (withinWindow(aminotransferase, bili)) {
                    pairs.add(new Pair(aminotransferase, bili));
                } else if (inOrder && bili.collectedAt().isAfter(aminotransferase.collectedAt())) {
                    break;
                }
            }
        }
        return pairs;
    }

    private static boolean inCollectionOrder(List<LiverTest> tests) {
        for (int i = 1; i < tests.size(); i++) {
            if (tests.get(i - 1).collectedAt().isAfter(tests.get(i).collectedAt())) {
                return false;
            }
        }
        return true;
    }

    /** The index of the first test, of tests in collection order, collected at or after {@code at}. */
    private static int firstNotBefore(List<LiverTest> tests, Instant at) {
        int low = 0;
        int high = tests.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (tests.get(middle).collectedAt().isBefore(at)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** ALP collected within 48 h of both specimens of the pair. */
    private static List<LiverTest> alpInWindow(Pair pair, List<LiverTest> alp) {
        return alp.stream()
                .filter(test -> withinWindow(test, pair.aminotransferase()) && withinWindow(test, pair.bilirubin()))
                .sorted(Comparator.comparing(LiverTest::collectedAt))
                .toList();
    }

    private static Optional<LiverTest> cholestaticAlp(Pair pair, List<LiverTest> alp) {
        return alpInWindow(pair, alp).stream()
                .filter(test -> test.isAtLeast(CHOLESTATIC_ALP_MULTIPLE))
                .findFirst();
    }

    static boolean withinWindow(LiverTest a, LiverTest b) {
        return Duration.between(a.collectedAt(), b.collectedAt()).abs().compareTo(SAME_WINDOW) <= 0;
    }

    private static String hoursApart(Pair pair) {
        var apart = Duration.between(
                        pair.aminotransferase().collectedAt(), pair.bilirubin().collectedAt())
                .abs();
        var minutes = apart.toMinutesPart();
        return minutes == 0 ? apart.toHours() + " h" : "%d h %d min".formatted(apart.toHours(), minutes);
    }

    private static void appendDefaultRangeNote(StringBuilder summary, List<LiverTest> used) {
        if (rangeSource(used) == ReferenceRangeSource.DEFAULT) {
            summary.append(
                    " At least one ULN is the adult default (no range reported; docs/clinical/codes-and-units.md#default-ranges).");
        }
    }

    /** DEFAULT when any result used carried no reported upper limit, so its ULN can only be the 13.4 default. */
    private static ReferenceRangeSource rangeSource(List<LiverTest> used) {
        return used.stream().allMatch(LiverTest::hasReportedUln)
                ? ReferenceRangeSource.REPORTED
                : ReferenceRangeSource.DEFAULT;
    }

    /** Each observation once, in collection order. */
    private static List<Evidence> evidenceOf(Stream<LiverTest> tests) {
        var evidence = new LinkedHashMap<UUID, Evidence>();
        tests.sorted(Comparator.comparing(LiverTest::collectedAt))
                .forEach(test -> evidence.computeIfAbsent(
                        test.observation().eventId(), id -> test.observation().toEvidence()));
        return List.copyOf(evidence.values());
    }

    private record Pair(LiverTest aminotransferase, LiverTest bilirubin) {

        boolean aminotransferaseMet() {
            return aminotransferase.isAtLeast(AMINOTRANSFERASE_MULTIPLE);
        }

        boolean bilirubinMet() {
            return bilirubin.isAbove(BILIRUBIN_MULTIPLE);
        }

        boolean signals() {
            return aminotransferaseMet() && bilirubinMet();
        }

        Instant newest() {
            var a = aminotransferase.collectedAt();
            var b = bilirubin.collectedAt();
            return a.isAfter(b) ? a : b;
        }
    }
}
