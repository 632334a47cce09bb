package org.toxwatch.ingest.adapter.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v251.message.ORU_R01;
import ca.uhn.hl7v2.model.v251.message.RAS_O17;
import ca.uhn.hl7v2.parser.Parser;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toxwatch.ingest.application.EventPublisher.EventsNotStored;
import org.toxwatch.ingest.application.IngestMonitor;
import org.toxwatch.ingest.application.InputKind;
import org.toxwatch.ingest.application.RecordClinicalEvents;
import org.toxwatch.ingest.application.RecordClinicalEvents.Outcome;
import org.toxwatch.ingest.application.Submission;
import org.toxwatch.ingest.domain.Violation;
import org.toxwatch.model.EncounterEvent;
import org.toxwatch.platform.LogValues;

/**
 * One HL7 v2 message in, its acknowledgement out. HAPI parses; the shared use case validates, publishes and
 * archives. AA is sent only after Kafka holds every event derived from the message, and never for a message
 * nothing could be read from (no OBR/OBX or RXA, a damaged segment name, content that is not what MSH-9 says):
 * that is AE with the reason. AR means "resend later" and is kept for Kafka or the archive being unavailable,
 * or another copy in progress; a failure of this message itself is AE, which a sender does not resend.
 */
public final class Hl7MessageHandler {

    static final String PROTOCOL = "HL7V2";
    private static final Logger log = LoggerFactory.getLogger(Hl7MessageHandler.class);
    /** ADT^A01 admit, A02 transfer, A03 discharge, A04 register, A08 update: what moves a patient's details. */
    private static final Map<String, EncounterEvent> ADMISSIONS = Map.of(
            "ADT^A01", EncounterEvent.ADMITTED,
            "ADT^A02", EncounterEvent.TRANSFERRED,
            "ADT^A03", EncounterEvent.DISCHARGED,
            "ADT^A04", EncounterEvent.REGISTERED,
            "ADT^A08", EncounterEvent.UPDATED);

    private static final Set<String> SUPPORTED =
            Set.of("ORU^R01", "RAS^O17", "ADT^A01", "ADT^A02", "ADT^A03", "ADT^A04", "ADT^A08");

    /**
     * The segments of each message structure in any supported version (2.3 to 2.8, all read into v2.5.1): those of
     * v2.5.1, and those later versions added (UAC user credentials and PRT participation from 2.6/2.7, ARV access
     * restriction from 2.8), which carry nothing ToxWatch reads. Z-segments are free.
     */
    private static final Map<String, Set<String>> SEGMENTS = Map.of(
            "ADT",
            Set.of(
                    "MSH", "SFT", "UAC", "EVN", "PID", "PD1", "ARV", "ROL", "NK1", "PV1", "PV2", "DB1", "OBX", "AL1",
                    "IAM", "DG1", "DRG", "PR1", "GT1", "IN1", "IN2", "IN3", "ACC", "UB1", "UB2", "PDA", "PRT", "GSP",
                    "GSR", "GSC", "NTE"),
            "ORU",
            Set.of(
                    "MSH", "SFT", "UAC", "PID", "PD1", "PRT", "NTE", "NK1", "ARV", "PV1", "PV2", "ORC", "OBR", "TQ1",
                    "TQ2", "CTD", "OBX", "FT1", "CTI", "SPM", "DSC"),
            "RAS",
            Set.of(
                    "MSH", "SFT", "UAC", "NTE", "PID", "PD1", "PRT", "AL1", "ARV", "PV1", "PV2", "ORC", "TQ1", "TQ2",
                    "RXO", "RXR", "RXC", "RXE", "RXA", "OBX", "CTI"));

    /** What must be there for anything to be read. */
    private static final Map<String, List<String>> REQUIRED =
            Map.of("ORU", List.of("OBR", "OBX"), "RAS", List.of("RXA"), "ADT", List.of("PID"));

    private static final Pattern Z_SEGMENT = Pattern.compile("Z[A-Z0-9]{2}");
    /**
     * One MSH field: never the field separator (group 2), taken whole. A lazy {@code [^\\r\\n]*?} here let every
     * field span separators, so a message whose MSH-12 was not 2.8.2 made the matcher try every split of the MSH
     * segment before failing: more CPU per message than HAPI's parse.
     */
    private static final String FIELD = "(?:(?!\\2)[^\\r\\n])*+";
    /** MSH-12 of a v2.8.2 message: HAPI knows versions up to 2.8.1, whose structures 2.8.2 did not change. */
    private static final Pattern MSH_12_V282 =
            Pattern.compile("^(?<head>MSH(.)(?:" + FIELD + "\\2){10})2\\.8\\.2(?=\\2|\\^|\\r|\\n|$)");

    private static final Pattern MSH_7 = Pattern.compile("^(MSH(.)(?:" + FIELD + "\\2){5})" + FIELD + "(?=\\2)");

    private final Parser parser;
    private final RecordClinicalEvents recordClinicalEvents;
    private final ObservationResultReader results;
    private final AdministrationReader administrations;
    private final PatientDetailsReader patientDetails;
    private final IngestMonitor metrics;

    public Hl7MessageHandler(
            Parser parser, RecordClinicalEvents recordClinicalEvents, ZoneId hospitalZone, IngestMonitor metrics) {
        this(parser, recordClinicalEvents, hospitalZone, Hl7PatientIdentity.ID, metrics);
    }

    public Hl7MessageHandler(
            Parser parser,
            RecordClinicalEvents recordClinicalEvents,
            ZoneId hospitalZone,
            Hl7PatientIdentity patientIdentity,
            IngestMonitor metrics) {
        var timestamps = new Hl7Timestamps(hospitalZone);
        this.parser = parser;
        this.recordClinicalEvents = recordClinicalEvents;
        this.results = new ObservationResultReader(timestamps, patientIdentity);
        this.administrations = new AdministrationReader(timestamps, patientIdentity);
        this.patientDetails = new PatientDetailsReader(timestamps, patientIdentity);
        this.metrics = metrics;
    }

    public String handle(String raw) {
        Instant arrived = Instant.now();
        Hl7Header header = Hl7Header.read(raw);
        Answer answer = answer(raw, header);
        metrics.answered(PROTOCOL, answer.outcome(), Duration.between(arrived, Instant.now()));
        answer.errors().forEach(error -> metrics.rejected(PROTOCOL, reasonOf(error)));
        return Hl7Acknowledgement.of(header, answer.code(), answer.text(), answer.errors());
    }

    /**
     * A message whose bytes are not valid in the connection's encoding: never parsed (the replaced characters
     * would silently alter it), answered AE and archived as received (leniently decoded).
     */
    public String malformed(String lenientText, String problem) {
        Hl7Header header = Hl7Header.read(lenientText);
        Answer answer = answer(() -> reject(
                lenientText,
                header,
                new Hl7Error("MSH^1", Hl7Error.DATA_TYPE_ERROR, "the message " + problem),
                Hl7Acknowledgement.Code.AE));
        metrics.answered(PROTOCOL, answer.outcome(), Duration.ZERO);
        metrics.rejected(PROTOCOL, "encoding");
        return Hl7Acknowledgement.of(header, answer.code(), answer.text(), answer.errors());
    }

    /** An oversized message is never parsed: its header is enough to answer and dead-letter it. */
    public String oversized(String head, long size, int limit) {
        Hl7Header header = Hl7Header.read(head);
        var error = new Hl7Error(
                "MSH^1",
                Hl7Error.APPLICATION_INTERNAL_ERROR,
                "message of " + size + " bytes exceeds the limit of " + limit);
        var submission = new Submission(
                PROTOCOL,
                senderOf(header),
                null,
                head + "\n[truncated at " + head.length() + " of " + size + " bytes]");
        Answer answer = answer(() -> {
            recordClinicalEvents.unreadable(
                    submission, new Violation("MSH^1", error.text()), deadLetterTargetOf(header));
            return new Answer(
                    Hl7Acknowledgement.Code.AE, "message too large", List.of(error), IngestMonitor.Answer.REJECTED);
        });
        metrics.answered(PROTOCOL, answer.outcome(), Duration.ZERO);
        metrics.rejected(PROTOCOL, "size");
        return Hl7Acknowledgement.of(header, answer.code(), answer.text(), answer.errors());
    }

    /**
     * A message from a sender that may not send from this connection's address or certificate: refused for good
     * (AE, which a sender does not resend; AR would read as "resend later"), never parsed, stored or dead-lettered,
     * and counted by reason. The answer names the reason, not the certificate or anything of the message.
     */
    String refused(String head, SenderRefusal refusal) {
        Hl7Header header = Hl7Header.read(head);
        var error = new Hl7Error(
                "MSH^1^3",
                Hl7Error.APPLICATION_INTERNAL_ERROR,
                refusal.text() + ": refused, not stored; a resend is refused alike until the listener's"
                        + " sender-addresses or sender-subjects allow it");
        metrics.answered(PROTOCOL, IngestMonitor.Answer.REJECTED, Duration.ZERO);
        metrics.rejected(PROTOCOL, refusal.tag());
        return Hl7Acknowledgement.of(
                header, Hl7Acknowledgement.Code.AE, refusal.text() + "; nothing stored", List.of(error));
    }

    private Answer answer(String raw, Hl7Header header) {
        return answer(() -> {
            try {
                return process(raw, header);
            } catch (EventsNotStored e) {
                throw e;
            } catch (RuntimeException e) {
                // A fault with this very message: a resend would fail the same way, so AE, and kept for replay.
                // No stack trace: exception messages may quote the message's content.
                log.error("HL7 message could not be processed: {}", LogValues.failure(e));
                return reject(
                        raw,
                        header,
                        new Hl7Error(
                                "MSH^1",
                                Hl7Error.APPLICATION_INTERNAL_ERROR,
                                "could not be processed (" + e.getClass().getSimpleName()
                                        + "); kept for the operators to review and replay"),
                        Hl7Acknowledgement.Code.AE);
            }
        });
    }

    private static Answer answer(java.util.function.Supplier<Answer> process) {
        try {
            return process.get();
        } catch (EventsNotStored e) {
            return Answer.notStored("not stored: " + e.getMessage() + "; resend later");
        }
    }

    private Answer process(String raw, Hl7Header header) {
        String type = header.messageType() + "^" + header.triggerEvent();
        if (header.messageType().isEmpty()) {
            return reject(
                    raw,
                    header,
                    new Hl7Error(
                            "MSH^1",
                            Hl7Error.SEGMENT_SEQUENCE_ERROR,
                            "not an HL7 v2 message: it must begin with an MSH segment"),
                    Hl7Acknowledgement.Code.AE);
        }
        if (!header.versionSupported()) {
            return reject(
                    raw,
                    header,
                    new Hl7Error(
                            "MSH^1^12",
                            Hl7Error.UNSUPPORTED_VERSION_ID,
                            "version '" + header.version() + "' is not supported ("
                                    + String.join(
                                            ", ",
                                            Hl7Header.SUPPORTED_VERSIONS.stream()
                                                    .sorted()
                                                    .toList()) + ")"),
                    Hl7Acknowledgement.Code.AR);
        }
        if (!SUPPORTED.contains(type)) {
            boolean knownType = SUPPORTED.stream().anyMatch(t -> t.startsWith(header.messageType() + "^"));
            return reject(
                    raw,
                    header,
                    new Hl7Error(
                            "MSH^1^9",
                            knownType ? Hl7Error.UNSUPPORTED_EVENT_CODE : Hl7Error.UNSUPPORTED_MESSAGE_TYPE,
                            "message type '" + type + "' is not supported (ORU^R01, RAS^O17, ADT^A01, ADT^A02,"
                                    + " ADT^A03, ADT^A04, ADT^A08)"),
                    Hl7Acknowledgement.Code.AR);
        }
        Hl7Error tooLong = Hl7FieldLengths.firstTooLong(raw);
        if (tooLong != null) {
            return reject(raw, header, tooLong, Hl7Acknowledgement.Code.AE);
        }
        Hl7Error unreadable = unreadableContent(raw, header);
        if (unreadable != null) {
            return reject(raw, header, unreadable, Hl7Acknowledgement.Code.AE);
        }
        List<Hl7Item> items;
        try {
            Message message = parser.parse(MSH_12_V282.matcher(raw).replaceFirst("${head}2.8.1"));
            if (message instanceof ORU_R01 oru) {
                Hl7Error misplaced = misplacedResults(raw, oru);
                if (misplaced != null) {
                    return reject(raw, header, misplaced, Hl7Acknowledgement.Code.AE);
                }
            }
            if (ADMISSIONS.containsKey(type)) {
                items = List.of(patientDetails.ofAdmission(message, header, ADMISSIONS.get(type)));
            } else {
                items = message instanceof RAS_O17 ras
                        ? administrations.read(ras, header)
                        : results.read((ORU_R01) message, header);
            }
        } catch (HL7Exception e) {
            String location = e.getLocation() == null || e.getLocation().isUnknown()
                    ? "MSH^1"
                    : e.getLocation().getSegmentName() + "^"
                            + Math.max(1, e.getLocation().getSegmentRepetition())
                            + (e.getLocation().getField() > 0
                                    ? "^" + e.getLocation().getField()
                                    : "");
            int code = e.getErrorCode() > 0 ? e.getErrorCode() : Hl7Error.APPLICATION_INTERNAL_ERROR;
            return reject(
                    raw,
                    header,
                    new Hl7Error(location, code, "cannot be parsed: " + e.getMessageWithoutLocation()),
                    Hl7Acknowledgement.Code.AE);
        }
        return record(raw, header, items);
    }

    private Answer record(String raw, Hl7Header header, List<Hl7Item> items) {
        String sender = senderOf(header);
        var submission = new Submission(
                PROTOCOL,
                sender,
                header.controlId().isEmpty() ? null : header.controlId(),
                raw,
                Submission.digestOf(withoutSendingTime(raw)));
        Outcome outcome = recordClinicalEvents.record(
                submission,
                deadLetterTargetOf(header),
                items.stream().map(Hl7Item::submitted).toList());
        if (outcome instanceof Outcome.Accepted accepted && !accepted.resend()) {
            metrics.notMonitored(PROTOCOL, accepted.skipped());
        }
        List<Hl7Error> leftOut = items.stream()
                .flatMap(item -> item.warnings().stream())
                .map(Hl7Error::of)
                .toList();
        return switch (outcome) {
            case Outcome.Accepted accepted ->
                new Answer(
                        Hl7Acknowledgement.Code.AA,
                        (accepted.resend() ? "already stored: " : "stored: ")
                                + accepted.stored() + " event(s)"
                                + (accepted.skipped() > 0 ? ", skipped " + accepted.skipped() + " not monitored" : "")
                                + (leftOut.isEmpty() ? "" : ", left out " + leftOut.size() + " unreadable detail(s)")
                                + (accepted.controlIdReused() ? "; control id reused with different content" : ""),
                        leftOut,
                        accepted.resend()
                                ? IngestMonitor.Answer.RESEND
                                : accepted.controlIdReused()
                                        ? IngestMonitor.Answer.CONTROL_ID_REUSED
                                        : IngestMonitor.Answer.ACCEPTED);
            case Outcome.Rejected rejected ->
                new Answer(
                        Hl7Acknowledgement.Code.AE,
                        rejected.violations().size() + " error(s); nothing stored",
                        rejected.violations().stream().map(Hl7Error::of).toList(),
                        IngestMonitor.Answer.REJECTED);
            case Outcome.InProgress inProgress ->
                new Answer(
                        Hl7Acknowledgement.Code.AR,
                        "the same message is being stored; resend later",
                        List.of(new Hl7Error(
                                "MSH^1^10",
                                Hl7Error.APPLICATION_RECORD_LOCKED,
                                "another copy of this message is being processed")),
                        IngestMonitor.Answer.IN_PROGRESS);
        };
    }

    /**
     * OBX segments HAPI could not place in an order (an OBX before its OBR or before the PID): it sets them aside,
     * the message would read as having fewer results than it carries, and an AA would hide the lost ones.
     */
    private static @org.jspecify.annotations.Nullable Hl7Error misplacedResults(String raw, ORU_R01 message)
            throws HL7Exception {
        long sent = java.util.Arrays.stream(raw.split("[\r\n]+"))
                .filter(segment ->
                        segment.startsWith("OBX") && segment.length() > 3 && segment.charAt(3) == raw.charAt(3))
                .count();
        int placed = 0;
        for (var result : message.getPATIENT_RESULTAll()) {
            for (var order : result.getORDER_OBSERVATIONAll()) {
                placed += order.getOBSERVATIONReps();
                // An OBX after SPM describes the specimen (v2.5+): in its place, though not a result.
                for (var specimen : order.getSPECIMENAll()) {
                    placed += specimen.getOBXReps();
                }
            }
        }
        if (placed >= sent) {
            return null;
        }
        return new Hl7Error(
                "OBX^1",
                Hl7Error.SEGMENT_SEQUENCE_ERROR,
                (sent - placed) + " of " + sent + " OBX segments are out of place (each OBX follows its OBR, after the"
                        + " PID): nothing of the message is stored");
    }

    private Answer reject(String raw, Hl7Header header, Hl7Error error, Hl7Acknowledgement.Code code) {
        // Filed under the sender's control id, so the rejection is found by the id the sender knows.
        var submission = new Submission(
                PROTOCOL, senderOf(header), header.controlId().isEmpty() ? null : header.controlId(), raw);
        recordClinicalEvents.unreadable(
                submission, new Violation(error.location(), error.text()), deadLetterTargetOf(header));
        return new Answer(code, error.text(), List.of(error), IngestMonitor.Answer.REJECTED);
    }

    /**
     * Why nothing could be read from a message HAPI would parse without complaint: HAPI sets aside a segment
     * its structure does not know (a damaged name, an ORU's OBX under a RAS header) and would leave an ORU
     * without results empty, and the sender would be told AA for nothing stored.
     */
    private static @org.jspecify.annotations.Nullable Hl7Error unreadableContent(String raw, Hl7Header header) {
        String type = header.messageType();
        Set<String> known = SEGMENTS.get(type);
        var seen = new java.util.HashSet<String>();
        String[] segments = raw.split("[\r\n]+");
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.isBlank()) {
                continue;
            }
            String name = segment.length() >= 3 ? segment.substring(0, 3) : segment;
            boolean named = segment.length() == 3 || segment.length() > 3 && segment.charAt(3) == raw.charAt(3);
            if (!named || !known.contains(name) && !Z_SEGMENT.matcher(name).matches()) {
                return new Hl7Error(
                        "MSH^1",
                        Hl7Error.SEGMENT_SEQUENCE_ERROR,
                        "segment " + (i + 1) + " is not a segment of " + type + "_" + header.triggerEvent()
                                + " (a damaged segment name, or content that is not what MSH-9 says): nothing of it"
                                + " could be read");
            }
            seen.add(name);
        }
        for (String required : REQUIRED.get(type)) {
            if (!seen.contains(required)) {
                return new Hl7Error(
                        "MSH^1",
                        Hl7Error.SEGMENT_SEQUENCE_ERROR,
                        "no " + required + " segment: an " + type + "_" + header.triggerEvent() + " needs "
                                + String.join(" and ", REQUIRED.get(type)) + " segments to carry anything");
            }
        }
        return null;
    }

    /** MSH-7 is when this copy was sent: a resend may carry a new one and still say the same. */
    static String withoutSendingTime(String raw) {
        return MSH_7.matcher(raw).replaceFirst("$1");
    }

    private static String senderOf(Hl7Header header) {
        return header.sender().isEmpty() ? "unknown-hl7-sender" : header.sender();
    }

    private static InputKind deadLetterTargetOf(Hl7Header header) {
        return switch (header.messageType()) {
            case "RAS" -> InputKind.THERAPY_EVENTS;
            case "ADT" -> InputKind.PATIENTS;
            default -> InputKind.LAB_OR_VITAL_OBSERVATIONS;
        };
    }

    /** The rejection reason as a metric tag: the segment and field (OBX-6), never a value. */
    private static String reasonOf(Hl7Error error) {
        String[] parts = error.location().split("\\^");
        return parts.length >= 3 ? parts[0] + "-" + parts[2] : parts[0];
    }

    private record Answer(
            Hl7Acknowledgement.Code code, String text, List<Hl7Error> errors, IngestMonitor.Answer outcome) {

        static Answer notStored(String text) {
            return new Answer(
                    Hl7Acknowledgement.Code.AR,
                    text,
                    List.of(new Hl7Error("MSH^1", Hl7Error.APPLICATION_INTERNAL_ERROR, text)),
                    IngestMonitor.Answer.NOT_STORED);
        }
    }
}
