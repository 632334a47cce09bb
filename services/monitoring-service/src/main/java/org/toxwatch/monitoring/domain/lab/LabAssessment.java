package org.toxwatch.monitoring.domain.lab;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.Criterion;
import org.toxwatch.model.Evidence;
import org.toxwatch.model.ReferenceRangeSource;
import org.toxwatch.monitoring.domain.Assessment;

/**
 * Builds the {@link Assessment} of a laboratory rule: grade and thresholds from a {@link GradeLadder}, the
 * results used as evidence, and a summary a clinician can read, e.g. {@code ANC 0.4 10*9/L < 0.5 10*9/L:
 * grade 4.}
 */
public final class LabAssessment {

    /** CRITERIA.md 1.6: what alerting must show on a lab-only grade. */
    public static final String LAB_ONLY_NOTE = "Lab-only grade; clinical criteria not assessed.";

    static final String DEFAULT_RANGE_NOTE =
            "No reference range reported: graded against the adult default (docs/clinical/codes-and-units.md#default-ranges).";

    private static final Pattern VALUE = Pattern.compile("\\bv\\b");

    private final Criterion criterion;
    private final LabResult result;
    private final GradeLadder ladder;
    private final List<LabResult> alsoUsed = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private String whenNormal = "no grade condition met";
    private String subject;
    private Quantity shown;
    private boolean labOnly;
    private ReferenceRangeSource rangeSource = ReferenceRangeSource.NOT_USED;

    private LabAssessment(Criterion criterion, LabResult result, GradeLadder ladder) {
        this.criterion = criterion;
        this.result = result;
        this.ladder = ladder;
        this.subject = result.analyte().display();
        this.shown = result.quantity();
    }

    public static LabAssessment of(Criterion criterion, LabResult result, GradeLadder ladder) {
        return new LabAssessment(criterion, result, ladder);
    }

    /** Not assessable, e.g. because a required reference limit is missing and 13.4 has no default. */
    public static Assessment notAssessable(Criterion criterion, LabResult result, String reason) {
        return Assessment.notAssessable(criterion, result.observedAt(), reason, List.of(result.evidence()));
    }

    /**
     * Not assessable because the rule needs the {@code limitName} ({@code LLN} or {@code ULN}) and the
     * laboratory reported none and 13.4 has no default (CRITERIA.md 1.2, 1.3).
     *
     * @param analyteName how the reason names the analyte, e.g. {@code hemoglobin}
     */
    public static Assessment missingLimit(Criterion criterion, LabResult result, String limitName, String analyteName) {
        return notAssessable(
                criterion, result, "no " + limitName + " for " + analyteName + " reported and no default in 13.4");
    }

    /** Why grade 0, in the table's notation, e.g. {@code v <= ULN; ULN = 40 U/L}. */
    public LabAssessment normalWhen(String condition) {
        this.whenNormal = condition;
        return this;
    }

    /** The value graded, when it is not the result as reported (e.g. a calcium corrected for albumin). */
    public LabAssessment subject(String subject, Quantity graded) {
        this.subject = subject;
        this.shown = graded;
        return this;
    }

    /** Marks a grade that follows a [lab-only convention] of CRITERIA.md 1.6. */
    public LabAssessment labOnly(boolean labOnly) {
        this.labOnly = labOnly;
        return this;
    }

    /** The source of the limit the grade depended on. */
    public LabAssessment limitFrom(@Nullable ReferenceLimit limit) {
        this.rangeSource = limit == null ? ReferenceRangeSource.NOT_USED : limit.source();
        return this;
    }

    /** Another result the grade depended on (a baseline, an albumin), listed as evidence. */
    public LabAssessment alsoUsing(@Nullable LabResult other) {
        if (other != null
                && !other.observation().eventId().equals(result.observation().eventId())) {
            alsoUsed.add(other);
        }
        return this;
    }

    public LabAssessment note(String note) {
        notes.add(note);
        return this;
    }

    public Assessment build() {
        var evidence = new ArrayList<Evidence>();
        evidence.add(result.evidence());
        Instant assessedAt = result.observedAt();
        for (var other : alsoUsed) {
            evidence.add(other.evidence());
            if (other.observedAt().isAfter(assessedAt)) {
                assessedAt = other.observedAt();
            }
        }
        return Assessment.graded(
                criterion, ladder.grade(), assessedAt, summary(), ladder.thresholds(), evidence, labOnly, rangeSource);
    }

    /** The default-range note, naming the sex row where the defaults have one (1.3). */
    private String defaultRangeNote() {
        var analyte = result.analyte();
        if (!analyte.hasSexSpecificDefault()) {
            return DEFAULT_RANGE_NOTE;
        }
        var sex = result.limits().sex();
        var range = analyte.defaultRange(sex);
        return DEFAULT_RANGE_NOTE
                + " Default row: %s, %s, %s-%s %s."
                        .formatted(
                                analyte.display(),
                                sex.describe(),
                                limit(range.lower()),
                                limit(range.upper()),
                                analyte.canonicalUnit());
    }

    private static String limit(@Nullable BigDecimal limit) {
        return limit == null ? "-" : Quantity.number(limit);
    }

    /**
     * E.g. {@code ANC 0.4 10*9/L < 0.5 10*9/L: grade 4.} when the deciding condition starts with the value, else
     * {@code Lymphocytes 0.75 10*9/L, 0.5 <= Lymphocytes < 0.8 10*9/L: grade 2.}; then the notes.
     */
    private String summary() {
        var deciding = ladder.decidingCondition();
        var condition = deciding == null ? whenNormal : deciding;
        var subjectValue = subject + " " + shown.display();
        var explained = condition.startsWith("v ")
                ? subjectValue + " " + VALUE.matcher(condition.substring(2)).replaceAll(subject)
                : subjectValue + ", " + VALUE.matcher(condition).replaceAll(subject);
        var text = new StringBuilder(explained)
                .append(": grade ")
                .append(ladder.grade())
                .append('.');
        notes.forEach(note -> text.append(' ').append(note));
        if (rangeSource == ReferenceRangeSource.DEFAULT) {
            text.append(' ').append(defaultRangeNote());
        }
        if (labOnly) {
            text.append(' ').append(LAB_ONLY_NOTE);
        }
        return text.toString();
    }
}
