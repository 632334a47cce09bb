package org.toxwatch.ingest.adapter.hl7;

import static org.toxwatch.ingest.adapter.hl7.Hl7Fields.decimal;
import static org.toxwatch.ingest.adapter.hl7.Hl7Fields.get;
import static org.toxwatch.ingest.adapter.hl7.Hl7Fields.orNull;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.v251.group.RAS_O17_ADMINISTRATION;
import ca.uhn.hl7v2.model.v251.group.RAS_O17_ORDER;
import ca.uhn.hl7v2.model.v251.message.RAS_O17;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.toxwatch.ingest.domain.TherapyEventSubmission;
import org.toxwatch.ingest.domain.TrackedMedications;
import org.toxwatch.ingest.domain.Violation;

/**
 * Reads the administrations of a RAS^O17 (pharmacy/treatment administration): every RXA of every order. RAS
 * is the message a medication administration record sends when a nurse documents a dose, which is exactly
 * the therapy event ToxWatch needs (time given, drug, dose); an RDE/RGV order says only what was planned.
 *
 * <ul>
 *   <li>drug: RXA-5 text (or identifier), recognised by generic or brand name; untracked drugs are skipped;
 *   <li>time: RXA-3 (start of administration), in the hospital's time zone when no offset is sent;
 *   <li>dose: RXA-6 amount with RXA-7 units;
 *   <li>RXA-20 completion status RE (refused) or NA (not administered), and RXA-21 action D (deleted), record no
 *       administration and are skipped.
 * </ul>
 */
final class AdministrationReader {

    private static final Set<String> NOT_GIVEN = Set.of("RE", "NA");

    private final Hl7Timestamps timestamps;
    private final Hl7PatientIdentity identity;

    AdministrationReader(Hl7Timestamps timestamps, Hl7PatientIdentity identity) {
        this.timestamps = timestamps;
        this.identity = identity;
    }

    List<Hl7Item> read(RAS_O17 message, Hl7Header header) throws HL7Exception {
        var items = new ArrayList<Hl7Item>();
        Hl7Patient patient = Hl7Patient.of(message.getPATIENT().getPID(), identity);
        int rxaSequence = 0;
        for (RAS_O17_ORDER order : message.getORDERAll()) {
            for (RAS_O17_ADMINISTRATION administration : order.getADMINISTRATIONAll()) {
                for (Segment rxa : administration.getRXAAll()) {
                    rxaSequence++;
                    if (NOT_GIVEN.contains(get(rxa, 20, 1).toUpperCase(Locale.ROOT))
                            || "D".equalsIgnoreCase(get(rxa, 21, 1))) {
                        continue;
                    }
                    String medication = get(rxa, 5, 2).isEmpty() ? get(rxa, 5, 1) : get(rxa, 5, 2);
                    Optional<TrackedMedications.Tracked> tracked = TrackedMedications.recognise(medication);
                    if (tracked.isEmpty()) {
                        continue;
                    }
                    items.add(read(rxa, rxaSequence, patient, tracked.get(), header));
                }
            }
        }
        return items;
    }

    private Hl7Item read(
            Segment rxa, int rxaSequence, Hl7Patient patient, TrackedMedications.Tracked tracked, Hl7Header header) {
        var problems = new ArrayList<Violation>();
        if (patient.problem() != null) {
            problems.add(new Violation("PID^1^3", patient.problem()));
        }
        String rxaAt = "RXA^" + rxaSequence + "^";
        Instant givenAt = null;
        try {
            givenAt = timestamps.parse(get(rxa, 3, 1));
        } catch (IllegalArgumentException e) {
            problems.add(new Violation(rxaAt + "3", e.getMessage()));
        }
        BigDecimal dose = null;
        try {
            dose = decimal(get(rxa, 6, 1));
        } catch (NumberFormatException e) {
            problems.add(new Violation(rxaAt + "6", e.getMessage()));
        }
        var submission = new TherapyEventSubmission(
                orNull(patient.id()),
                tracked.type().name(),
                givenAt,
                tracked.therapy() == null ? null : tracked.therapy().name(),
                tracked.therapy() == null ? null : orNull(get(rxa, 5, 2)),
                null,
                null,
                dose,
                orNull(get(rxa, 7, 1)),
                tracked.supportiveDrug() == null
                        ? null
                        : tracked.supportiveDrug().name(),
                tracked.vasopressorCount(),
                tracked.vasopressin(),
                orNull(header.controlId()));
        Function<String, String> locate = field -> switch (field) {
            case "patientId" -> "PID^1^3";
            case "sourceMessageId" -> "MSH^1^10";
            case "occurredAt" -> rxaAt + "3";
            case "type", "therapy", "supportiveDrug" -> rxaAt + "5";
            case "dose" -> rxaAt + "6";
            case "doseUnit" -> rxaAt + "7";
            default -> "RXA^" + rxaSequence;
        };
        return Hl7Item.therapyEvent(submission, locate, problems);
    }
}
