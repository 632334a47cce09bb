package org.toxwatch.alerting.notification.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretSealerTest {

    private static final String SECRET = "whsec-0123456789abcdef";

    @Test
    void sealsWithTheFirstKeyOfTheRingAndOpensWithIt() {
        var sealer = SecretSealer.ofKeyRing(
                SecretSealer.newKeyRingEntry("2026-12") + "," + SecretSealer.newKeyRingEntry("2026-06"));

        SealedSecret sealed = sealer.seal(SECRET, "subscription-1");

        assertThat(sealed.keyId()).isEqualTo("2026-12");
        assertThat(new String(Base64.getDecoder().decode(sealed.ciphertext()))).doesNotContain(SECRET);
        assertThat(sealer.open(sealed, "subscription-1")).isEqualTo(SECRET);
    }

    @Test
    void everySealingUsesAFreshNonce() {
        var sealer = SecretSealer.ofKeyRing(SecretSealer.newKeyRingEntry("k1"));

        assertThat(sealer.seal(SECRET, "s").nonce())
                .isNotEqualTo(sealer.seal(SECRET, "s").nonce());
    }

    @Test
    void aRotatedRingStillOpensWhatTheOldKeySealed() {
        String oldKey = SecretSealer.newKeyRingEntry("old");
        SealedSecret sealedBefore = SecretSealer.ofKeyRing(oldKey).seal(SECRET, "s");

        var rotated = SecretSealer.ofKeyRing(SecretSealer.newKeyRingEntry("new") + "," + oldKey);

        assertThat(rotated.currentKeyId()).isEqualTo("new");
        assertThat(rotated.open(sealedBefore, "s")).isEqualTo(SECRET);
    }

    @Test
    void aSecretSealedWithAKeyTheRingLacksIsRefusedByNameOfTheKey() {
        SealedSecret sealed =
                SecretSealer.ofKeyRing(SecretSealer.newKeyRingEntry("gone")).seal(SECRET, "s");
        var ring = SecretSealer.ofKeyRing(SecretSealer.newKeyRingEntry("k2"));

        assertThatThrownBy(() -> ring.open(sealed, "s"))
                .isInstanceOf(SecretSealer.UnknownKeyException.class)
                .hasMessageContaining("'gone'");
    }

    @Test
    void aCiphertextMovedToAnotherSubscriptionOrAlteredDoesNotOpen() {
        var sealer = SecretSealer.ofKeyRing(SecretSealer.newKeyRingEntry("k1"));
        SealedSecret sealed = sealer.seal(SECRET, "subscription-1");
        byte[] altered = Base64.getDecoder().decode(sealed.ciphertext());
        altered[0] ^= 1;

        assertThatThrownBy(() -> sealer.open(sealed, "subscription-2")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sealer.open(
                        new SealedSecret(
                                "k1", sealed.nonce(), Base64.getEncoder().encodeToString(altered)),
                        "subscription-1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void aMalformedRingIsRefusedWithoutRepeatingKeyMaterial() {
        String shortKey = Base64.getEncoder().encodeToString("sixteen-byte-key".getBytes());

        assertThatThrownBy(() -> SecretSealer.ofKeyRing("k1:" + shortKey))
                .hasMessage("key 'k1' has 16 bytes; AES-256 needs 32")
                .hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> SecretSealer.ofKeyRing(shortKey)).hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> SecretSealer.ofKeyRing("k1:not base64!")).hasMessage("key 'k1' is not base64");
        String key = SecretSealer.newKeyRingEntry("k1");
        assertThatThrownBy(() -> SecretSealer.ofKeyRing(key + "," + key)).hasMessageContaining("twice");
        assertThatThrownBy(() -> SecretSealer.ofKeyRing(" , ")).hasMessage("the key ring is empty");
    }
}
