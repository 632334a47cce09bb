package org.toxwatch.ingest.adapter.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v251.message.ORU_R01;
import ca.uhn.hl7v2.model.v251.message.RAS_O17;
import ca.uhn.hl7v2.parser.Parser;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toxwatch.ingest.application.EventPublisher.EventsNotStored;
import org.toxwatch.ingest.application.IngestMonitor;
import org.toxwatch.ingest.application.RecordClinicalEvents;
import org.toxwatch.ingest.application.RecordClinicalEvents.Derived;
import org.toxwatch.ingest.application.RecordClinicalEvents.Outcome;
import org.toxwatch.ingest.application.Submission;
import org.toxwatch.ingest.domain.Violation;
import org.toxwatch.model.Topics;

/**
 * One HL7 v2 message in, its acknowledgement out. HAPI parses; the shared use case validates, publishes and
 * archives. AA is sent only after Kafka holds every event derived from the message.
 */
public final class Hl7MessageHandler {

    static final String PROTOCOL = "HL7V2";
    private static final Logger log = LoggerFactory.getLogger(Hl7MessageHandler.class);
    private static final Set<String> SUPPORTED = Set.of("ORU^R01", "RAS^O17");

    private final Parser parser;
    private final RecordClinicalEvents recordClinicalEvents;
    private final ObservationResultReader results;
    private final AdministrationReader administrations;
    private final IngestMonitor metrics;

    public Hl7MessageHandler(
            Parser parser, RecordClinicalEvents recordClinicalEvents, ZoneId hospitalZone, IngestMonitor metrics) {
        var timestamps = new Hl7Timestamps(hospitalZone);
        this.parser = parser;
        this.recordClinicalEvents = recordClinicalEvents;
        this.results = new ObservationResultReader(timestamps);
        this.administrations = new AdministrationReader(timestamps);
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
        recordClinicalEvents.unreadable(submission, new Violation("MSH^1", error.text()), deadLetterTargetOf(header));
        metrics.answered(PROTOCOL, IngestMonitor.Answer.REJECTED, Duration.ZERO);
        metrics.rejected(PROTOCOL, "size");
        return Hl7Acknowledgement.of(header, Hl7Acknowledgement.Code.AE, "message too large", List.of(error));
    }

    private Answer answer(String raw, Hl7Header header) {
        try {
            return process(raw, header);
        } catch (EventsNotStored e) {
            return Answer.notStored("not stored: " + e.getMessage() + "; resend later");
        } catch (RuntimeException e) {
            log.error("HL7 message could not be processed: {}", e.getClass().getName());
            return Answer.notStored("not stored: internal error; resend later");
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
                            "message type '" + type + "' is not supported (ORU^R01, RAS^O17)"),
                    Hl7Acknowledgement.Code.AR);
        }
        List<Hl7Item> items;
        try {
            Message message = parser.parse(raw);
            items = message instanceof RAS_O17 ras
                    ? administrations.read(ras, header)
                    : results.read((ORU_R01) message, header);
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
        Instant now = recordClinicalEvents.now();
        List<Derived> derived =
                items.stream().map(item -> derive(sender, item, now)).toList();
        var submission =
                new Submission(PROTOCOL, sender, header.controlId().isEmpty() ? null : header.controlId(), raw);
        Outcome outcome = recordClinicalEvents.derived(submission, derived, deadLetterTargetOf(header));
        return switch (outcome) {
            case Outcome.Accepted accepted ->
                new Answer(
                        Hl7Acknowledgement.Code.AA,
                        (accepted.resend() ? "already stored: " : "stored: ")
                                + accepted.eventIds().size() + " event(s)",
                        List.of(),
                        accepted.resend() ? IngestMonitor.Answer.RESEND : IngestMonitor.Answer.ACCEPTED);
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

    /** Read problems first; the shared validator's findings where it says something new. */
    private Derived derive(String sender, Hl7Item item, Instant now) {
        Derived validated = item.observation() != null
                ? recordClinicalEvents.observation(sender, item.observation(), now)
                : recordClinicalEvents.therapyEvent(sender, java.util.Objects.requireNonNull(item.therapyEvent()), now);
        if (item.readProblems().isEmpty() && validated.violations().isEmpty()) {
            return validated;
        }
        var violations = new ArrayList<>(item.readProblems());
        Set<String> located = item.readProblems().stream().map(Violation::field).collect(Collectors.toSet());
        validated.violations().stream()
                .map(item::located)
                .filter(v -> !located.contains(v.field()))
                .forEach(violations::add);
        return Derived.invalid(violations);
    }

    private Answer reject(String raw, Hl7Header header, Hl7Error error, Hl7Acknowledgement.Code code) {
        var submission = new Submission(PROTOCOL, senderOf(header), null, raw);
        recordClinicalEvents.unreadable(
                submission, new Violation(error.location(), error.text()), deadLetterTargetOf(header));
        return new Answer(code, error.text(), List.of(error), IngestMonitor.Answer.REJECTED);
    }

    private static String senderOf(Hl7Header header) {
        return header.sender().isEmpty() ? "unknown-hl7-sender" : header.sender();
    }

    private static String deadLetterTargetOf(Hl7Header header) {
        return header.messageType().equals("RAS") ? Topics.THERAPY_EVENTS : Topics.LAB_RESULTS;
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
