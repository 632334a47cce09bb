package org.toxwatch.alerting.notification.config;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * E-mail notification settings (the SMTP server itself is {@code spring.mail.*}).
 *
 * @param from the sender address
 * @param consoleUrl where the console is, for the link in each e-mail
 * @param patientDetails put the patient id in subject and body; off by default (minimum necessary)
 */
@ConfigurationProperties("toxwatch.alerting.mail")
public record MailProperties(
        @Nullable String from,
        @Nullable String consoleUrl,
        @Nullable Boolean patientDetails) {

    public MailProperties {
        from = from == null ? "toxwatch@localhost" : from;
        consoleUrl = consoleUrl == null ? "http://localhost:8083" : consoleUrl;
        patientDetails = patientDetails != null && patientDetails;
    }
}
