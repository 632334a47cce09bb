package org.toxwatch.alerting.console.adapter.live;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Live alert transitions for the console, as server-sent events named after the transition. */
@RestController
class LiveAlertController {

    private final LiveAlertFeed feed;

    LiveAlertController(LiveAlertFeed feed) {
        this.feed = feed;
    }

    @GetMapping(path = "/api/v1/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        return feed.connect();
    }
}
