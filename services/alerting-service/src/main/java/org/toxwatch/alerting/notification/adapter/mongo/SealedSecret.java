package org.toxwatch.alerting.notification.adapter.mongo;

/**
 * A secret as stored: AES-GCM ciphertext (with its tag) and nonce, base64, and the id of the key that sealed it.
 */
record SealedSecret(String keyId, String nonce, String ciphertext) {}
