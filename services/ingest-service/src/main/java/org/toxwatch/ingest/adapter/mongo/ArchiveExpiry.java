package org.toxwatch.ingest.adapter.mongo;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes archived inbound messages past their retention. Done by the application rather than a TTL index,
 * which not every MongoDB-wire store honours (the embedded one does not).
 */
public final class ArchiveExpiry {

    private static final Logger log = LoggerFactory.getLogger(ArchiveExpiry.class);

    private final MongoInboundArchive archive;
    private final Duration retention;
    private final Clock clock;

    public ArchiveExpiry(MongoInboundArchive archive, Duration retention, Clock clock) {
        this.archive = archive;
        this.retention = retention;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${toxwatch.ingest.archive.expiry-interval:PT1H}")
    public void expire() {
        long deleted = archive.expireOlderThan(clock.instant().minus(retention));
        if (deleted > 0) {
            log.info("Deleted {} archived inbound messages older than {}", deleted, retention);
        }
    }
}
