package org.toxwatch.alerting.config;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Alerting settings. */
@ConfigurationProperties("toxwatch.alerting")
public record AlertingProperties(@Nullable Integer topicPartitions) {

    public AlertingProperties {
        topicPartitions = topicPartitions == null ? 6 : topicPartitions;
    }
}
