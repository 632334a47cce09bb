package org.toxwatch.launcher.parity;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A course as a laboratory system, a bedside flowsheet and a medication administration record send it over
 * MLLP: one ORU^R01 per message of results (one OBR per laboratory result, so that a correction can name the
 * filler order number it corrects), one RAS^O17 per infusion. Units, censored values (SN) and statuses are
 * written as those systems write them.
 */
public final class Hl7Rendering {

    private static final DateTimeFormatter TS =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ").withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private Hl7Rendering() {}

    /** The HL7 messages of the course for {@code patientId}, in sending order. */
    public static List<String> messages(Course course, String patientId, Instant t0) {
        var messages = new ArrayList<String>();
        for (List<Course.Step> message : course.messages()) {
            if (message.getFirst() instanceof Course.CarTInfusion infusion) {
                messages.add(administration(infusion, pid(course, patientId, t0), t0));
            } else {
                messages.add(results(message, pid(course, patientId, t0), t0));
            }
        }
        return messages;
    }

    /** PID with the birth date (PID-7) and sex (PID-8) when the course names the person. */
    private static String pid(Course course, String patientId, Instant t0) {
        String identifier = "PID|1||" + patientId + "^^^PARITY-HOSPITAL^MR";
        Course.Person person = course.person();
        return person == null
                ? identifier
                : identifier + "||Parity^Patient||" + BIRTH_DATE.format(person.birthDate(t0)) + "|" + person.hl7Sex();
    }

    private static String results(List<Course.Step> steps, String pid, Instant t0) {
        Instant sent = steps.stream()
                .map(step -> t0.plus(step.at()))
                .max(Instant::compareTo)
                .orElseThrow();
        var segments = new ArrayList<String>();
        segments.add(header("ORU^R01^ORU_R01", sent));
        segments.add(pid);
        int obr = 0;
        int obx = 0;
        var vitals = new ArrayList<Course.Step>();
        for (Course.Step step : steps) {
            if (step instanceof Course.Lab lab) {
                String time = TS.format(t0.plus(lab.at()));
                segments.add("OBR|" + ++obr + "||" + lab.observationId() + "|" + lab.loinc() + "^Result^LN|||" + time);
                segments.add(labObx(++obx, lab, time));
            } else {
                vitals.add(step);
            }
        }
        if (!vitals.isEmpty()) {
            String time = TS.format(t0.plus(vitals.getFirst().at()));
            segments.add("OBR|" + ++obr + "||VS-" + UUID.randomUUID() + "|85353-1^Vital signs panel^LN|||" + time);
            for (Course.Step step : vitals) {
                segments.add(vitalObx(++obx, step, TS.format(t0.plus(step.at()))));
            }
        }
        return String.join("\r", segments) + "\r";
    }

    private static String labObx(int setId, Course.Lab lab, String time) {
        boolean cancelled = lab.cancelled();
        boolean censored = !cancelled && Censored.of(lab.value()).comparator() != null;
        String value = cancelled ? "" : censored ? censoredSn(lab.value()) : lab.value();
        String range = lab.low() == null && lab.high() == null
                ? ""
                : lab.low() == null
                        ? "<" + lab.high().toPlainString()
                        : lab.low().toPlainString() + "-"
                                + (lab.high() == null ? "" : lab.high().toPlainString());
        return "OBX|" + setId + "|" + (censored ? "SN" : "NM") + "|" + lab.loinc() + "^Result^LN||" + value + "|"
                + lab.unit() + "|" + range + "||||" + lab.status() + "|||" + time;
    }

    /** {@code <0.1} as the SN data type writes it: comparator, then the number. */
    private static String censoredSn(String value) {
        Censored censored = Censored.of(value);
        return censored.comparator() + "^" + censored.number().toPlainString();
    }

    private static String vitalObx(int setId, Course.Step step, String time) {
        return switch (step) {
            case Course.Vital vital ->
                "OBX|" + setId + "|NM|" + vital.loinc() + "^Vital^LN||" + vital.value() + "|" + vital.unit()
                        + "|||||F|||" + time;
            case Course.Device device ->
                "OBX|" + setId + "|CWE|107117-4^Method of oxygen delivery^LN||" + device.snomedCode() + "^"
                        + device.display() + "^SCT||||||F|||" + time;
            default -> throw new IllegalArgumentException("not a vital sign: " + step);
        };
    }

    private static String administration(Course.CarTInfusion infusion, String pid, Instant t0) {
        Instant given = t0.plus(infusion.at());
        return String.join(
                        "\r",
                        header("RAS^O17^RAS_O17", given),
                        pid,
                        "ORC|RE|RX-" + UUID.randomUUID(),
                        "RXA|0|1|" + TS.format(given) + "||CART^" + infusion.product()
                                + "^LOCAL|1|{bag}^^UCUM||||||||||||CP|A")
                + "\r";
    }

    private static String header(String type, Instant sent) {
        return "MSH|^~\\&|PARITY|PARITY-HOSPITAL|TOXWATCH|TOXWATCH|" + TS.format(sent) + "||" + type + "|PAR-"
                + UUID.randomUUID() + "|P|2.5.1";
    }
}
