package org.toxwatch.benchmark.endtoend;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The messages of the run: message {@code i} is a ~1 KB ORU^R01 for patient {@code i mod patients}, so the first
 * pass meets every patient once and raises its alerts (ANC 0.4 × 10⁹/L, platelets 42 × 10⁹/L, haemoglobin 78 g/L and
 * ALT 212 U/L are abnormal in every message), and every later pass repeats the same values, which must raise
 * nothing new. All identities are synthetic.
 */
record Hl7Course(String run, int patients) {

    private static final DateTimeFormatter HL7_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ");

    String patient(long message) {
        return "E2E-" + run + "-" + (message % patients);
    }

    String message(long message, Instant now) {
        String id = "E2E-" + run + "-" + message;
        String collected = HL7_TIME.format(now.minusSeconds(300).atZone(ZoneOffset.UTC));
        return String.join(
                        "\r",
                        "MSH|^~\\&|LOADLIS|LOAD-HOSPITAL|TOXWATCH|TOXWATCH|"
                                + HL7_TIME.format(now.atZone(ZoneOffset.UTC)) + "||ORU^R01^ORU_R01|" + id
                                + "|P|2.5.1|||AL|NE",
                        "PID|1||" + patient(message) + "^^^LOAD-HOSPITAL^MR||LOAD^PATIENT||19850412|F",
                        "PV1|1|I|HEM^12^1",
                        "ORC|RE|ORD-" + id + "|FIL-" + id,
                        "OBR|1|ORD-" + id + "|FIL-" + id + "|57021-8^CBC W Auto Differential panel - Blood^LN|||"
                                + collected,
                        "OBX|1|NM|751-8^Neutrophils [#/volume] in Blood by Automated count^LN||0.4|10*9/L^^UCUM|1.8-7.7|LL|||F|||"
                                + collected,
                        "OBX|2|NM|777-3^Platelets [#/volume] in Blood by Automated count^LN||42|10*9/L^^UCUM|150-400|L|||F|||"
                                + collected,
                        "OBX|3|NM|718-7^Hemoglobin [Mass/volume] in Blood^LN||78|g/L^^UCUM|120-160|L|||F|||"
                                + collected,
                        "OBX|4|NM|1742-6^Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma^LN||212|U/L^^UCUM"
                                + "|7-40|H|||F|||" + collected)
                + "\r";
    }
}
