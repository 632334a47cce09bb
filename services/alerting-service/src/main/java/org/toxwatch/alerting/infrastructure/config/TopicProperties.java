package org.toxwatch.alerting.infrastructure.config;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The topics alerting declares.
 *
 * @param topicPartitions how many partitions each topic alerting declares is created with
 */
@ConfigurationProperties("toxwatch.alerting")
public record TopicProperties(@Nullable Integer topicPartitions) {

    public TopicProperties {
        topicPartitions = topicPartitions == null ? 6 : topicPartitions;
    }
}
