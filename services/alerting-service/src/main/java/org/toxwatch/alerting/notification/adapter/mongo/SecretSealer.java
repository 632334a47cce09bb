package org.toxwatch.alerting.notification.adapter.mongo;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets for storage with AES-256-GCM. Each sealed secret names the key that sealed it, so keys can be
 * rotated: the first key of the ring seals, every key of the ring opens. The ciphertext is bound to the id of the
 * document holding it (associated data), so a secret copied into another subscription does not open.
 */
public final class SecretSealer {

    /** {@code id:base64-of-32-bytes}, ids of letters, digits, dot, dash and underscore. */
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentKeyId;
    private final Map<String, SecretKey> keys;

    private SecretSealer(String currentKeyId, Map<String, SecretKey> keys) {
        this.currentKeyId = currentKeyId;
        this.keys = Map.copyOf(keys);
    }

    /**
     * A ring from {@code id:base64key,id:base64key,...}; the first key seals. Error messages name key ids and
     * positions, never key material.
     */
    public static SecretSealer ofKeyRing(String ring) {
        var keys = new LinkedHashMap<String, SecretKey>();
        List<String> entries = List.of(ring.split(","));
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i).strip();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon);
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("key " + (i + 1) + " of the ring needs the form id:base64 with an id"
                        + " of letters, digits, '.', '-' or '_'");
            }
            byte[] material;
            try {
                material = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("key '" + id + "' is not base64");
            }
            if (material.length != KEY_BYTES) {
                throw new IllegalArgumentException(
                        "key '" + id + "' has " + material.length + " bytes; AES-256 needs " + KEY_BYTES);
            }
            if (keys.putIfAbsent(id, new SecretKeySpec(material, "AES")) != null) {
                throw new IllegalArgumentException("key id '" + id + "' appears twice in the ring");
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("the key ring is empty");
        }
        return new SecretSealer(keys.keySet().iterator().next(), keys);
    }

    /** A ring entry with a fresh random key, e.g. for a generated local-run key file. */
    public static String newKeyRingEntry(String id) {
        byte[] material = new byte[KEY_BYTES];
        RANDOM.nextBytes(material);
        return id + ":" + Base64.getEncoder().encodeToString(material);
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    SealedSecret seal(String secret, String documentId) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), nonce, documentId);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            var base64 = Base64.getEncoder();
            return new SealedSecret(currentKeyId, base64.encodeToString(nonce), base64.encodeToString(sealed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not seal a secret with key '" + currentKeyId + "'", e);
        }
    }

    String open(SealedSecret sealed, String documentId) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new UnknownKeyException(sealed.keyId());
        }
        try {
            var base64 = Base64.getDecoder();
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, base64.decode(sealed.nonce()), documentId);
            return new String(cipher.doFinal(base64.decode(sealed.ciphertext())), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "the secret of " + documentId + " does not open with key '" + sealed.keyId()
                            + "' (altered, or sealed for another document)",
                    e);
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String documentId)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(documentId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** A secret sealed with a key the ring no longer (or not yet) holds. */
    public static final class UnknownKeyException extends IllegalStateException {
        UnknownKeyException(String keyId) {
            super("a secret is sealed with key '" + keyId + "', which the key ring does not hold");
        }
    }
}
