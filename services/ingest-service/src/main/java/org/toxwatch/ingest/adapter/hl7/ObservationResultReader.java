package org.toxwatch.ingest.adapter.hl7;

import static org.toxwatch.ingest.adapter.hl7.Hl7Fields.decimal;
import static org.toxwatch.ingest.adapter.hl7.Hl7Fields.get;
import static org.toxwatch.ingest.adapter.hl7.Hl7Fields.orNull;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_OBSERVATION;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_ORDER_OBSERVATION;
import ca.uhn.hl7v2.model.v251.group.ORU_R01_PATIENT_RESULT;
import ca.uhn.hl7v2.model.v251.message.ORU_R01;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.toxwatch.ingest.domain.ObservationSubmission;
import org.toxwatch.ingest.domain.Violation;

/**
 * Reads the results of an ORU^R01 (v2.3 to v2.5.1, parsed into the v2.5.1 structure): every OBX of every
 * OBR group of every patient. Lab results and flowsheet vital signs are read alike; the shared validator
 * decides what each LOINC code is.
 *
 * <ul>
 *   <li>patient: PID-3, the repetition with identifier type MR, else the first;
 *   <li>code: OBX-3 when its coding system is LN, else the alternate identifier when that is LN, else the
 *       sender's local code (OBX-3.1), mapped per sender;
 *   <li>value: OBX-2 NM, SN (comparator and number; {@code =} or none only, see below) or CE/CWE (coded, e.g.
 *       the oxygen device); unit OBX-6.1; reference range OBX-7 ({@code low-high}, {@code <high}, {@code >low});
 *   <li>time: OBX-14, else OBR-7 (collection), read in the hospital's time zone when no offset is sent;
 *   <li>status: OBX-11 F final, P/R/S preliminary, C corrected, D/W/X cancelled; I/O/N/U carry no result and
 *       are skipped.
 * </ul>
 *
 * A censored SN value ({@code <^0.1}, {@code >^1000}) is rejected with a specific error: the event contract
 * has no comparator, and grading the limit as if it were the value could put a result on the wrong side of a
 * grade boundary.
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
    private static final java.util.Set<String> NO_RESULT = java.util.Set.of("I", "O", "N", "U");

    private final Hl7Timestamps timestamps;

    ObservationResultReader(Hl7Timestamps timestamps) {
        this.timestamps = timestamps;
    }

    List<Hl7Item> read(ORU_R01 message, Hl7Header header) throws HL7Exception {
        var items = new ArrayList<Hl7Item>();
        int pidSequence = 0;
        int obrSequence = 0;
        int obxSequence = 0;
        for (ORU_R01_PATIENT_RESULT result : message.getPATIENT_RESULTAll()) {
            pidSequence++;
            String patientId = patientId(result.getPATIENT().getPID());
            for (ORU_R01_ORDER_OBSERVATION order : result.getORDER_OBSERVATIONAll()) {
                obrSequence++;
                Segment obr = order.getOBR();
                String fillerOrder = get(obr, 3, 1);
                String collected = get(obr, 7, 1);
                for (ORU_R01_OBSERVATION observation : order.getOBSERVATIONAll()) {
                    obxSequence++;
                    Segment obx = observation.getOBX();
                    if (NO_RESULT.contains(get(obx, 11, 1).toUpperCase(Locale.ROOT))) {
                        continue;
                    }
                    items.add(read(
                            obx, obxSequence, pidSequence, obrSequence, patientId, fillerOrder, collected, header));
                }
            }
        }
        return items;
    }

    private Hl7Item read(
            Segment obx,
            int obxSequence,
            int pidSequence,
            int obrSequence,
            String patientId,
            String fillerOrder,
            String obrCollected,
            Hl7Header header) {
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

        String valueType = get(obx, 2, 1).toUpperCase(Locale.ROOT);
        BigDecimal value = null;
        String valueCode = null;
        try {
            switch (valueType) {
                case "NM" -> value = decimal(get(obx, 5, 1));
                case "SN" -> value = structuredNumeric(obx, obxAt, problems);
                case "CE", "CWE", "CNE" -> valueCode = orNull(get(obx, 5, 1));
                case "" -> {
                    if (!get(obx, 5, 1).isEmpty()) {
                        problems.add(new Violation(obxAt + "2", "is required when OBX-5 carries a value"));
                    }
                }
                default ->
                    problems.add(new Violation(
                            obxAt + "2", "value type '" + valueType + "' is not supported (NM, SN, CE or CWE)"));
            }
        } catch (NumberFormatException e) {
            problems.add(new Violation(obxAt + "5", e.getMessage()));
        }

        Instant collectedAt = null;
        String collectedText = get(obx, 14, 1).isEmpty() ? obrCollected : get(obx, 14, 1);
        String timeLocation = get(obx, 14, 1).isEmpty() ? "OBR^" + obrSequence + "^7" : obxAt + "14";
        try {
            collectedAt = timestamps.parse(collectedText);
        } catch (IllegalArgumentException e) {
            problems.add(new Violation(timeLocation, e.getMessage()));
        }

        BigDecimal[] range = referenceRange(get(obx, 7, 1), obxAt, problems);
        String status = STATUS.get(get(obx, 11, 1).toUpperCase(Locale.ROOT));
        if (status == null && !get(obx, 11, 1).isEmpty()) {
            problems.add(new Violation(
                    obxAt + "11", "result status '" + get(obx, 11, 1) + "' is not one of F, P, R, S, C, D, W, X"));
        }
        if (get(obx, 11, 1).isEmpty()) {
            problems.add(new Violation(obxAt + "11", "is required (observation result status)"));
        }

        String code = loinc != null ? loinc : localCode == null ? "" : localCode;
        String sourceObservationId = fillerOrder.isEmpty() ? null : fillerOrder + "/" + code + "/" + get(obx, 4, 1);
        var submission = new ObservationSubmission(
                orNull(patientId),
                loinc,
                value,
                valueCode,
                orNull(get(obx, 6, 1)),
                collectedAt,
                range[0],
                range[1],
                status,
                orNull(header.controlId()),
                sourceObservationId,
                localCode);
        Function<String, String> locate = field -> switch (field) {
            case "patientId" -> "PID^" + pidSequence + "^3";
            case "sourceMessageId" -> "MSH^1^10";
            case "effectiveTime" -> timeLocation;
            case "loinc", "localCode" -> obxAt + "3";
            case "value", "valueCode" -> obxAt + "5";
            case "unit" -> obxAt + "6";
            case "referenceRange" -> obxAt + "7";
            case "status" -> obxAt + "11";
            default -> "OBX^" + obxSequence;
        };
        return Hl7Item.observation(submission, locate, problems);
    }

    /** SN: comparator, number, separator/suffix, number. Only an exact single number is a gradable value. */
    private static @Nullable BigDecimal structuredNumeric(Segment obx, String obxAt, List<Violation> problems) {
        String comparator = get(obx, 5, 1);
        String number = get(obx, 5, 2);
        if (!get(obx, 5, 3).isEmpty() || !get(obx, 5, 4).isEmpty()) {
            problems.add(new Violation(
                    obxAt + "5",
                    "a range or ratio ('" + number + get(obx, 5, 3) + get(obx, 5, 4) + "') is not a gradable value"));
            return null;
        }
        if (!comparator.isEmpty() && !comparator.equals("=")) {
            problems.add(new Violation(
                    obxAt + "5",
                    "censored value '" + comparator + number + "' cannot be graded exactly; send the numeric"
                            + " result or an NM value"));
            return null;
        }
        return decimal(number);
    }

    private static @Nullable BigDecimal[] referenceRange(String text, String obxAt, List<Violation> problems) {
        var range = new BigDecimal[2];
        String trimmed = text.replace(" ", "");
        if (trimmed.isEmpty()) {
            return range;
        }
        try {
            if (trimmed.startsWith("<")) {
                range[1] = bound(trimmed.substring(trimmed.startsWith("<=") ? 2 : 1));
            } else if (trimmed.startsWith(">")) {
                range[0] = bound(trimmed.substring(trimmed.startsWith(">=") ? 2 : 1));
            } else {
                int dash = trimmed.indexOf('-', 1);
                if (dash < 0) {
                    throw new NumberFormatException();
                }
                range[0] = bound(trimmed.substring(0, dash));
                range[1] = bound(trimmed.substring(dash + 1));
            }
        } catch (NumberFormatException e) {
            problems.add(new Violation(
                    obxAt + "7",
                    "reference range is not low-high, <high or >low"
                            + (e.getMessage() == null ? "" : ": a bound " + e.getMessage())));
        }
        return range;
    }

    private static BigDecimal bound(String text) {
        BigDecimal bound = decimal(text);
        if (bound == null) {
            throw new NumberFormatException();
        }
        return bound;
    }

    private static String patientId(Segment pid) {
        return Hl7Patient.idOf(pid);
    }
}
