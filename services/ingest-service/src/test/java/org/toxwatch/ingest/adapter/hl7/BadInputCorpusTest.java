package org.toxwatch.ingest.adapter.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.toxwatch.ingest.adapter.hl7.Hl7Fixtures.message;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxwatch.ingest.application.RecordingEventPublisher;
import org.toxwatch.ingest.domain.LocalCodes;
import org.toxwatch.model.RejectedInput;
import org.toxwatch.model.Topics;

/**
 * The bad-input corpus: each case is one flaw in an otherwise good ORU^R01 (the one-result flowsheet message),
 * and each gets its own specific answer and exactly one dead-letter record, never an event.
 */
class BadInputCorpusTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final String TEMPERATURE =
            "OBX|1|NM|8310-5^Body temperature^LN||101.3|[degF]^^UCUM||H|||F|||202611210300+0100";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            no patient id            ; PID|1||0012345^^^ST-ELSEWHERE^MR    ; PID|1||                          ; AE ; PID^1^3   ; 101 ; is required
            no control id            ; |FS-441|P|                           ; ||P|                              ; AE ; MSH^1^10  ; 101 ; is required (it makes a resend idempotent)
            temperature of 50 Cel    ; 101.3|[degF]                         ; 50|Cel                            ; AE ; OBX^1^5   ; 102 ; a body temperature must lie between 25 and 45 Cel
            temperature of 20 Cel    ; 101.3|[degF]                         ; 20|Cel                            ; AE ; OBX^1^5   ; 102 ; a body temperature must lie between 25 and 45 Cel
            unit that is not UCUM    ; 101.3|[degF]                         ; 101.3|degrees                     ; AE ; OBX^1^6   ; 103 ; 'degrees' is not a valid UCUM unit
            unit of another kind     ; 101.3|[degF]                         ; 101.3|mg                          ; AE ; OBX^1^6   ; 103 ; 'mg' is not a unit of Body temperature
            no unit                  ; 101.3|[degF]^^UCUM                   ; 101.3|                            ; AE ; OBX^1^6   ; 101 ; is required for Body temperature
            negative count           ; 8310-5^Body temperature^LN||101.3|[degF]^^UCUM ; 751-8^ANC^LN||-0.4|10*9/L ; AE ; OBX^1^5 ; 102 ; cannot be negative
            SpO2 above 100           ; 8310-5^Body temperature^LN||101.3|[degF]^^UCUM ; 59408-5^SpO2^LN||101|% ; AE ; OBX^1^5 ; 102 ; an oxygen saturation cannot exceed 100 %
            collected in the future  ; 202611210300+0100                    ; 202612010300+0100                 ; AE ; OBX^1^14  ; 102 ; is in the future
            time with the year only  ; |||202611210300+0100                 ; |||2026                           ; AE ; OBX^1^14  ; 102 ; is not an HL7 date/time to the day or finer
            unknown LOINC code       ; 8310-5^Body temperature^LN           ; 99999-9^Unknown^LN                ; AE ; OBX^1^3   ; 103 ; is not a code ToxWatch monitors
            unmapped local code      ; 8310-5^Body temperature^LN           ; TEMP^Temperature^L                ; AE ; OBX^1^3   ; 103 ; 'TEMP' has no LOINC mapping for this sender
            unknown result status    ; |H|||F|                              ; |H|||Q|                           ; AE ; OBX^1^11  ; 103 ; result status 'Q' is not one of
            unsupported value type   ; |NM|8310-5                           ; |TX|8310-5                        ; AE ; OBX^1^2   ; 102 ; value type 'TX' is not supported
            unsupported version      ; |P|2.5.1                             ; |P|2.9                            ; AR ; MSH^1^12  ; 203 ; version '2.9' is not supported
            unsupported message type ; ORU^R01^ORU_R01                      ; ORM^O01^ORM_O01                   ; AR ; MSH^1^9   ; 200 ; is not supported (ORU
            unsupported event        ; ORU^R01^ORU_R01                      ; ORU^R30^ORU_R30                   ; AR ; MSH^1^9   ; 201 ; is not supported (ORU
            """)
    void eachFlawHasItsOwnAnswerAndOneDeadLetter(
            String flaw, String replace, String with, String code, String location, int error, String text) {
        var kafka = new RecordingEventPublisher();
        var handler = handler(kafka);
        String good = oneTemperature();
        assertThat(good).as("the case must change the message").contains(replace.trim());

        String ack = handler.handle(good.replace(replace.trim(), with.trim()));

        String msa = segment(ack, "MSA");
        String err = segment(ack, "ERR");
        assertThat(msa).startsWith("MSA|" + code + "|");
        assertThat(err).contains("|" + location + "|" + error + "^").contains(text.trim());
        assertThat(kafka.published()).as("only the dead letter, never an event").hasSize(1);
        assertThat(kafka.published().getFirst().topic()).endsWith(Topics.DEAD_LETTER_SUFFIX);
        var dead = (RejectedInput) kafka.published().getFirst().payload();
        assertThat(dead.reasons()).anySatisfy(reason -> assertThat(reason).contains(text.trim()));
    }

    private static String oneTemperature() {
        String vitals = message("oru-r01-flowsheet-vitals.hl7");
        String header = vitals.substring(0, vitals.indexOf("OBX|1|"));
        return header + TEMPERATURE + "\r";
    }

    private static Hl7MessageHandler handler(RecordingEventPublisher kafka) {
        return Hl7Handlers.handler(
                kafka, new LocalCodes(Map.of()), NOW, ZoneId.of("Europe/Paris"), new SimpleMeterRegistry());
    }

    private static String segment(String ack, String id) {
        return Arrays.stream(ack.split("\r"))
                .filter(s -> s.startsWith(id + "|"))
                .findFirst()
                .orElse("");
    }
}
