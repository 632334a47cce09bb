package org.toxwatch.launcher.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The properties every single answer must have, whatever the input: no 5xx, a rejection the operator can
 * find, an ACK for every HL7 message, AR only for what a resend can cure, and no AA for a message from
 * which nothing was stored.
 */
public final class Answers {

    public static final String NO_5XX = "no HTTP 5xx (there is no outage in this run)";
    public static final String ANSWERED = "every HTTP input gets an answer";
    public static final String REJECTION_LISTED = "every rejected input carries the id it is listed under";
    public static final String ACK_FRAME = "every MLLP message gets an ACK frame (AA/AE/AR)";
    public static final String AR_TRANSIENT = "AR only for a transient reason or an unsupported type/version";
    public static final String NO_EMPTY_AA = "never AA with 0 stored when nothing could be read";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern STORED_NOTHING = Pattern.compile("stored:? 0 event");
    /** HL7 table 0357: unsupported message type, event, processing id, version. */
    private static final List<String> UNSUPPORTED = List.of("200", "201", "202", "203");

    /** An HL7 acknowledgement as read from its MSA and ERR segments. */
    public record Ack(String code, String text, List<String> errorCodes) {}

    private Answers() {}

    /** The properties an HTTP answer violates (empty when none). */
    public static List<String> httpViolations(EntryPoint entryPoint, int status, String body) {
        var violated = new ArrayList<String>();
        if (status >= 500) {
            violated.add(NO_5XX);
        }
        if (status >= 400
                && status < 500
                && status != 401
                && status != 403
                && rejectionId(entryPoint, body).isEmpty()) {
            violated.add(REJECTION_LISTED);
        }
        return violated;
    }

    /** The id under which ingest says it keeps a rejected submission: JSON's rejectionId, FHIR's coding. */
    public static Optional<String> rejectionId(EntryPoint entryPoint, String body) {
        try {
            JsonNode answer = JSON.readTree(body);
            if (entryPoint == EntryPoint.JSON) {
                JsonNode id = answer.get("rejectionId");
                return id == null || id.isNull() ? Optional.empty() : Optional.of(id.asString());
            }
            for (JsonNode coding : answer.findValues("coding")) {
                for (JsonNode code : coding) {
                    if ("urn:toxwatch:rejection-id".equals(code.path("system").asString(""))) {
                        return Optional.of(code.path("code").asString());
                    }
                }
            }
            return Optional.empty();
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }

    public static Optional<Ack> parseAck(String answer) {
        Ack ack = null;
        var errors = new ArrayList<String>();
        for (String segment : answer.split("\r")) {
            String[] fields = segment.split("\\|", -1);
            if (fields[0].equals("MSA") && fields.length > 1) {
                ack = new Ack(fields[1], fields.length > 3 ? fields[3] : "", errors);
            } else if (fields[0].equals("ERR") && fields.length > 3) {
                errors.add(fields[3].split("\\^", -1)[0]);
            }
        }
        return Optional.ofNullable(ack);
    }

    /** The properties an MLLP answer violates; {@code answer} is null when no frame came back. */
    public static List<String> mllpViolations(@Nullable String answer) {
        if (answer == null) {
            return List.of(ACK_FRAME);
        }
        var ack = parseAck(answer);
        if (ack.isEmpty() || !List.of("AA", "AE", "AR").contains(ack.get().code())) {
            return List.of(ACK_FRAME);
        }
        String code = ack.get().code();
        String text = ack.get().text();
        if (code.equals("AR") && !transientOrUnsupported(ack.get())) {
            return List.of(AR_TRANSIENT);
        }
        if (code.equals("AA") && STORED_NOTHING.matcher(text).find() && !text.contains("not monitored")) {
            return List.of(NO_EMPTY_AA);
        }
        return List.of();
    }

    private static boolean transientOrUnsupported(Ack ack) {
        boolean unsupported = ack.errorCodes().stream().anyMatch(UNSUPPORTED::contains);
        // An internal error comes back on every resend: "resend later" is not true of it.
        boolean transientReason = (ack.text().contains("later") || ack.text().contains("retry"))
                && !ack.text().contains("internal error");
        return unsupported || transientReason;
    }
}
