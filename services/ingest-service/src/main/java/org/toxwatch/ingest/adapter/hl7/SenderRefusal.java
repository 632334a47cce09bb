package org.toxwatch.ingest.adapter.hl7;

/**
 * Why a message is refused because of who sent it and how it arrived, not what it says: a permanent refusal, since
 * a resend over the same connection would be refused alike. The tag is the metric's reason (bounded); the text goes
 * into the ACK and names the reason only, never the sender's data or the certificate.
 */
enum SenderRefusal {
    NOT_LISTED("sender-not-listed", "sender not registered for this MLLP listener"),
    SOURCE_ADDRESS("sender-address", "sender not permitted from this source address"),
    CERTIFICATE("sender-certificate", "sender not permitted with this client certificate");

    private final String tag;
    private final String text;

    SenderRefusal(String tag, String text) {
        this.tag = tag;
        this.text = text;
    }

    String tag() {
        return tag;
    }

    String text() {
        return text;
    }
}
