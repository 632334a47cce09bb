package org.toxwatch.ingest.adapter.hl7;

import static org.toxwatch.ingest.adapter.hl7.Hl7Fields.decimal;
import static org.toxwatch.ingest.adapter.hl7.Hl7Fields.get;
import static org.toxwatch.ingest.adapter.hl7.Hl7Fields.orNull;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_OBSERVATION;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_ORDER_OBSERVATION;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_PATIENT_RESULT;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_SPECIMEN;
import ca.uhn.hl7v2.model.v251.message.ORU_R01;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.toxwatch.ingest.domain.ObservationSubmission;
import org.toxwatch.ingest.domain.PatientSubmission;
import org.toxwatch.ingest.domain.Violation;
import org.toxwatch.model.SpecimenCondition;
import org.toxwatch.model.ValueComparator;

/**
 * Reads the results of an ORU^R01 (v2.3 to v2.8, parsed into the v2.5.1 structure): every OBX of every OBR
 * group of every patient, and what PID and PV1 say of each patient ({@link PatientDetailsReader}). Lab results and flowsheet vital signs are read alike; the shared validator decides
 * what each LOINC code is, and skips a result whose code ToxWatch does not monitor whatever could not be read of
 * it.
 *
 * <ul>
 *   <li>patient: PID-3, the repetition with identifier type MR, else the first ({@link Hl7Patient});
 *   <li>code: OBX-3 when its coding system is LN, else the alternate identifier when that is LN, else the
 *       sender's local code (OBX-3.1), mapped per sender;
 *   <li>value: OBX-2 NM or ST (a number, or a censored {@code <0.1}), SN (comparator {@code <}, {@code <=},
 *       {@code >}, {@code >=} or none, and a number; a range or ratio is not a gradable value) or CE/CWE (coded,
 *       e.g. the oxygen device); unit OBX-6.1; reference range OBX-7 ({@link Hl7ReferenceRange}); flags OBX-8,
 *       every repetition;
 *   <li>time: OBX-14, else OBR-7 (collection), read in the hospital's time zone when no offset is sent. A date
 *       without a time in OBX-14 gives way to OBR-7 when that has the time of the same day; a date alone is
 *       otherwise kept as the day's start (UTC) with precision DAY;
 *   <li>specimen: SPM-24 (table 0493) and the order's NTE for every result of the order, the result's own NTE
 *       and OBX-8 for it ({@link SpecimenRemarks});
 *   <li>status: OBX-11 F final, P/R/S preliminary, C corrected, D/W/X cancelled; I/O/N/U carry no result and
 *       are skipped.
 * </ul>
 */
final class ObservationResultReader {

    private static final Map<String, String> STATUS = Map.ofEntries(
            Map.entry("F", "final"),
            Map.entry("P", "preliminary"),
            Map.entry("R", "preliminary"),
            Map.entry("S", "preliminary"),
            Map.entry("C", "corrected"),
            Map.entry("D", "cancelled"),
            Map.entry("W", "cancelled"),
            Map.entry("X", "cancelled"));
    private static final Set<String> NO_RESULT = Set.of("I", "O", "N", "U");
    private static final Pattern CENSORED = Pattern.compile("(<=|>=|<|>)\\s*(\\S+)");

    private final Hl7Timestamps timestamps;
    private final Hl7PatientIdentity identity;
    private final PatientDetailsReader patientDetails;

    ObservationResultReader(Hl7Timestamps timestamps, Hl7PatientIdentity identity) {
        this.timestamps = timestamps;
        this.identity = identity;
        this.patientDetails = new PatientDetailsReader(timestamps, identity);
    }

    /** Where an OBX sits and what its order says of all its results. */
    private record Order(
            int pidSequence,
            int obrSequence,
            Hl7Patient patient,
            String fillerOrder,
            String collected,
            Set<SpecimenCondition> specimenConditions) {}

    List<Hl7Item> read(ORU_R01 message, Hl7Header header) throws HL7Exception {
        var items = new ArrayList<Hl7Item>();
        int pidSequence = 0;
        int obrSequence = 0;
        int obxSequence = 0;
        var sentAt = patientDetails.sentAt(message.getMSH());
        for (ORU_R01_PATIENT_RESULT result : message.getPATIENT_RESULTAll()) {
            pidSequence++;
            Hl7Patient patient = Hl7Patient.of(result.getPATIENT().getPID(), identity);
            int detailsAt = items.size();
            boolean detailsStated = patientDetails
                    .ofResults(
                            result.getPATIENT().getPID(),
                            result.getPATIENT().getVISIT().getPV1(),
                            pidSequence,
                            header,
                            sentAt)
                    .map(items::add)
                    .isPresent();
            for (ORU_R01_ORDER_OBSERVATION group : result.getORDER_OBSERVATIONAll()) {
                obrSequence++;
                Segment obr = group.getOBR();
                var order = new Order(
                        pidSequence, obrSequence, patient, get(obr, 3, 1), get(obr, 7, 1), specimenConditions(group));
                for (ORU_R01_OBSERVATION observation : group.getOBSERVATIONAll()) {
                    obxSequence++;
                    Segment obx = observation.getOBX();
                    if (NO_RESULT.contains(get(obx, 11, 1).toUpperCase(Locale.ROOT))) {
                        continue;
                    }
                    var remarks = new ArrayList<String>();
                    for (Segment nte : observation.getNTEAll()) {
                        remarks.addAll(comments(nte));
                    }
                    items.add(read(obx, obxSequence, order, remarks, header));
                }
            }
            if (detailsStated) {
                items.set(
                        detailsAt,
                        statedAsOfTheEarliestResult(items.get(detailsAt), items.subList(detailsAt + 1, items.size())));
            }
        }
        return items;
    }

    /**
     * The PID and PV1 of a result message describe the patient the results are about, so they are stated just before
     * the earliest of those results when that precedes MSH-7. Monitoring takes the record with the lowest clinical time
     * first when several wait, so a child's first results are graded with her age, not first with adult thresholds
     * (a false "hypotension") and again a moment later.
     */
    private static Hl7Item statedAsOfTheEarliestResult(Hl7Item details, List<Hl7Item> results) {
        PatientSubmission patient = Objects.requireNonNull(details.patient());
        Instant earliest = results.stream()
                .map(Hl7Item::observation)
                .filter(Objects::nonNull)
                .map(ObservationSubmission::effectiveTime)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(null);
        // A millisecond before it: Streams breaks a tie between two topics' records arbitrarily.
        Instant justBefore = earliest == null ? null : earliest.minusMillis(1);
        if (justBefore == null || (patient.recordedAt() != null && !justBefore.isBefore(patient.recordedAt()))) {
            return details;
        }
        return details.stating(patient.statedAt(justBefore));
    }

    private Hl7Item read(Segment obx, int obxSequence, Order order, List<String> remarks, Hl7Header header) {
        var problems = new ArrayList<Violation>();
        String obxAt = "OBX^" + obxSequence + "^";

        String loinc = null;
        String localCode = null;
        if ("LN".equalsIgnoreCase(get(obx, 3, 3))) {
            loinc = orNull(get(obx, 3, 1));
        } else if ("LN".equalsIgnoreCase(get(obx, 3, 6))) {
            loinc = orNull(get(obx, 3, 4));
        } else {
            localCode = orNull(get(obx, 3, 1));
        }

        var value = value(obx, obxAt, problems);
        String unit = orNull(get(obx, 6, 1));

        String orderTimeAt = "OBR^" + order.obrSequence() + "^7";
        String timeLocation = get(obx, 14, 1).isEmpty() ? orderTimeAt : obxAt + "14";
        Hl7Timestamps.Timed collected = null;
        try {
            collected = collectionTime(get(obx, 14, 1), order.collected());
            if (collected != null && collected.field() == Hl7Timestamps.Field.ORDER) {
                timeLocation = orderTimeAt;
            }
        } catch (IllegalArgumentException e) {
            problems.add(new Violation(timeLocation, e.getMessage()));
        }

        var range = Hl7ReferenceRange.read(get(obx, 7, 1));
        if (range.problem() != null) {
            problems.add(new Violation(obxAt + "7", range.problem()));
        } else if (range.unitDiffersFrom(unit)) {
            problems.add(new Violation(
                    obxAt + "7", "reference range is in '" + range.unit() + "', the result in '" + unit + "'"));
        }

        var flags = new ArrayList<String>();
        for (int i = 0; i < Hl7Fields.repetitions(obx, 8); i++) {
            String flag = get(obx, 8, i, 1);
            if (!flag.isEmpty()) {
                flags.add(flag);
            }
        }
        Set<SpecimenCondition> conditions = EnumSet.noneOf(SpecimenCondition.class);
        conditions.addAll(order.specimenConditions());
        conditions.addAll(SpecimenRemarks.written(remarks));
        conditions.addAll(SpecimenRemarks.written(flags));

        String status = STATUS.get(get(obx, 11, 1).toUpperCase(Locale.ROOT));
        if (status == null && !get(obx, 11, 1).isEmpty()) {
            problems.add(new Violation(
                    obxAt + "11", "result status '" + get(obx, 11, 1) + "' is not one of F, P, R, S, C, D, W, X"));
        }
        if (get(obx, 11, 1).isEmpty()) {
            problems.add(new Violation(obxAt + "11", "is required (observation result status)"));
        }
        if (order.patient().problem() != null) {
            problems.add(new Violation(
                    "PID^" + order.pidSequence() + "^3", order.patient().problem()));
        }

        String code = loinc != null ? loinc : localCode == null ? "" : localCode;
        String fillerOrder = order.fillerOrder();
        String sourceObservationId = fillerOrder.isEmpty() ? null : fillerOrder + "/" + code + "/" + get(obx, 4, 1);
        var submission = new ObservationSubmission(
                orNull(order.patient().id()),
                loinc,
                value.number(),
                value.code(),
                unit,
                collected == null ? null : collected.at(),
                range.low(),
                range.high(),
                status,
                orNull(header.controlId()),
                sourceObservationId,
                localCode,
                value.comparator(),
                flags,
                List.copyOf(conditions),
                collected == null ? null : collected.precision());
        String timeAt = timeLocation;
        Function<String, String> locate = field -> switch (field) {
            case "patientId" -> "PID^" + order.pidSequence() + "^3";
            case "sourceMessageId" -> "MSH^1^10";
            case "effectiveTime" -> timeAt;
            case "loinc", "localCode" -> obxAt + "3";
            case "value", "valueCode", "comparator" -> obxAt + "5";
            case "unit" -> obxAt + "6";
            case "referenceRange" -> obxAt + "7";
            case "abnormalFlags" -> obxAt + "8";
            case "status" -> obxAt + "11";
            default -> "OBX^" + obxSequence;
        };
        return Hl7Item.observation(submission, locate, problems);
    }

    /**
     * OBX-14, unless it gives only the date and OBR-7 gives the time on that date; OBR-7 when OBX-14 is empty.
     *
     * @throws IllegalArgumentException when the field used is not a date/time
     */
    private Hl7Timestamps.@Nullable Timed collectionTime(String observed, String orderCollected) {
        if (observed.isEmpty()) {
            return timestamps.parseTimed(orderCollected, Hl7Timestamps.Field.ORDER);
        }
        Hl7Timestamps.Timed timed = timestamps.parseTimed(observed, Hl7Timestamps.Field.OBSERVATION);
        if (timed == null || !timed.dayOnly() || orderCollected.isEmpty()) {
            return timed;
        }
        try {
            Hl7Timestamps.Timed order = timestamps.parseTimed(orderCollected, Hl7Timestamps.Field.ORDER);
            return order != null && !order.dayOnly() && order.dateAsWritten().equals(timed.dateAsWritten())
                    ? order
                    : timed;
        } catch (IllegalArgumentException unreadableOrderTime) {
            return timed;
        }
    }

    private record Value(
            @Nullable BigDecimal number,
            @Nullable String code,
            @Nullable ValueComparator comparator) {}

    private static Value value(Segment obx, String obxAt, List<Violation> problems) {
        String valueType = get(obx, 2, 1).toUpperCase(Locale.ROOT);
        try {
            return switch (valueType) {
                case "NM", "ST" -> numberOrBound(get(obx, 5, 1), valueType);
                case "SN" -> structuredNumeric(obx);
                case "CE", "CWE", "CNE" -> new Value(null, orNull(get(obx, 5, 1)), null);
                case "" -> {
                    if (!get(obx, 5, 1).isEmpty()) {
                        problems.add(new Violation(obxAt + "2", "is required when OBX-5 carries a value"));
                    }
                    yield new Value(null, null, null);
                }
                default -> {
                    problems.add(new Violation(
                            obxAt + "2", "value type '" + valueType + "' is not supported (NM, SN, ST, CE or CWE)"));
                    yield new Value(null, null, null);
                }
            };
        } catch (NumberFormatException e) {
            problems.add(new Violation(obxAt + "5", e.getMessage()));
            return new Value(null, null, null);
        }
    }

    /** A number, or a censored one as many laboratories write it in NM or ST ({@code <0.1}). */
    private static Value numberOrBound(String text, String valueType) {
        Matcher censored = CENSORED.matcher(text);
        if (censored.matches()) {
            return new Value(
                    decimal(censored.group(2)),
                    null,
                    ValueComparator.ofSymbol(censored.group(1)).orElseThrow());
        }
        if (valueType.equals("ST") && !text.isEmpty() && !Character.isDigit(text.charAt(text.length() - 1))) {
            throw new NumberFormatException("is text, not a number (OBX-2 ST)");
        }
        return new Value(decimal(text), null, null);
    }

    /** SN: comparator, number, separator/suffix, number. A range or ratio is not a gradable value. */
    private static Value structuredNumeric(Segment obx) {
        String comparator = get(obx, 5, 1);
        String number = get(obx, 5, 2);
        if (!get(obx, 5, 3).isEmpty() || !get(obx, 5, 4).isEmpty()) {
            throw new NumberFormatException(
                    "is a range or ratio ('" + number + get(obx, 5, 3) + get(obx, 5, 4) + "'), not a gradable value");
        }
        if (comparator.isEmpty() || comparator.equals("=")) {
            return new Value(decimal(number), null, null);
        }
        var bound = ValueComparator.ofSymbol(comparator)
                .orElseThrow(() -> new NumberFormatException(
                        "has the comparator '" + comparator + "', not one of <, <=, >, >= (or = or none)"));
        return new Value(decimal(number), null, bound);
    }

    /** What the order says of its specimen: SPM-24 of each of its specimens, and its NTE comments. */
    private static Set<SpecimenCondition> specimenConditions(ORU_R01_ORDER_OBSERVATION order) throws HL7Exception {
        Set<SpecimenCondition> conditions = EnumSet.noneOf(SpecimenCondition.class);
        for (ORU_R01_SPECIMEN specimen : order.getSPECIMENAll()) {
            Segment spm = specimen.getSPM();
            for (int i = 0; i < Hl7Fields.repetitions(spm, 24); i++) {
                conditions.addAll(SpecimenRemarks.coded(get(spm, 24, i, 1), get(spm, 24, i, 2)));
            }
        }
        var remarks = new ArrayList<String>();
        for (Segment nte : order.getNTEAll()) {
            remarks.addAll(comments(nte));
        }
        conditions.addAll(SpecimenRemarks.written(remarks));
        return conditions;
    }

    private static List<String> comments(Segment nte) {
        var comments = new ArrayList<String>();
        for (int i = 0; i < Hl7Fields.repetitions(nte, 3); i++) {
            comments.add(get(nte, 3, i, 1));
        }
        return comments;
    }
}
