package org.toxwatch.ingest.adapter.hl7;

import org.toxwatch.ingest.application.RejectedMessages.RejectedMessage;
import org.toxwatch.ingest.application.ReplayRejectedMessage;

/** Replays an archived HL7 v2 message through the same handler an MLLP connection uses; the ACK says how it went. */
public final class Hl7Replay implements ReplayRejectedMessage.ProtocolReplay {

    private final Hl7MessageHandler handler;

    public Hl7Replay(Hl7MessageHandler handler) {
        this.handler = handler;
    }

    @Override
    public String protocol() {
        return Hl7MessageHandler.PROTOCOL;
    }

    @Override
    public ReplayRejectedMessage.Result replay(RejectedMessage message) {
        String ack = handler.handle(message.rawPayload());
        String msa =
                ack.lines().filter(line -> line.startsWith("MSA|")).findFirst().orElse("MSA|AR");
        String[] fields = msa.split("\\|", -1);
        String code = fields.length > 1 ? fields[1] : "AR";
        String text = fields.length > 3 ? fields[3] : "";
        return new ReplayRejectedMessage.Result(
                code.equals("AA"), (code.equals("AA") ? "accepted: " : "answered " + code + ": ") + text);
    }
}
