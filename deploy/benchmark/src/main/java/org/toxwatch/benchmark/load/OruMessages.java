package org.toxwatch.benchmark.load;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The HL7 load: a realistic ~1 KB ORU^R01 (v2.5.1) with a CBC and liver panel of five results, each message with its
 * own MSH-10 and order numbers, the patient one of a fixed set per connection.
 */
public final class OruMessages {

    private static final DateTimeFormatter HL7_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmZ");
    private static final int PATIENTS_PER_CONNECTION = 500;

    private final String collected;

    public OruMessages(Instant now) {
        this.collected = HL7_TIME.format(now.minus(Duration.ofHours(2)).atZone(ZoneOffset.UTC));
    }

    /** The message the given connection sends as its {@code sequence}-th, framed by nothing (MLLP adds the frame). */
    public String message(int connection, long sequence) {
        String id = "LOAD-" + connection + "-" + sequence + "-" + System.nanoTime();
        String patient = "LOAD-PATIENT-" + connection + "-" + (sequence % PATIENTS_PER_CONNECTION);
        return String.join(
                        "\r",
                        "MSH|^~\\&|LOADLIS|LOAD-HOSPITAL|TOXWATCH|TOXWATCH|" + collected + "||ORU^R01^ORU_R01|" + id
                                + "|P|2.5.1|||AL|NE",
                        "PID|1||" + patient + "^^^LOAD-HOSPITAL^MR||DOE^JANE||19850412|F",
                        "PV1|1|I|HEM^12^1",
                        "ORC|RE|ORD-" + id + "|FIL-" + id,
                        "OBR|1|ORD-" + id + "|FIL-" + id + "|57021-8^CBC W Auto Differential panel - Blood^LN|||"
                                + collected,
                        "OBX|1|NM|751-8^Neutrophils [#/volume] in Blood by Automated count^LN||0.4|10*9/L^^UCUM"
                                + "|1.8-7.7|LL|||F|||" + collected,
                        "OBX|2|NM|777-3^Platelets [#/volume] in Blood by Automated count^LN||42|10*3/uL^^UCUM"
                                + "|150-400|L|||F|||" + collected,
                        "OBX|3|NM|718-7^Hemoglobin [Mass/volume] in Blood^LN||78|g/L^^UCUM|120-160|L|||F|||"
                                + collected,
                        "OBX|4|NM|1742-6^Alanine aminotransferase [Enzymatic activity/volume]^LN||212|U/L^^UCUM"
                                + "|7-40|H|||F|||" + collected,
                        "OBX|5|NM|1975-2^Bilirubin.total [Mass/volume] in Serum or Plasma^LN||41|umol/L^^UCUM"
                                + "|3-21|H|||F|||" + collected)
                + "\r";
    }
}
