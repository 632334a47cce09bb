package org.toxwatch.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The services' shared log set-up ({@code logback-spring.xml}) writes every message on one line: a value carrying
 * CR or LF, wherever it is logged from, cannot start a line of its own that reads like an entry.
 */
class OneLineLogsTest {

    @Test
    void aMessageCarryingLineBreaksIsOneEscapedLineAndItsStackTraceFollowsAsBefore() throws Exception {
        var context = new LoggerContext();
        var configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getResource("/logback-spring.xml"));
        var console = (OutputStreamAppender<?>)
                context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");
        var encoder = (LayoutWrappingEncoder<ch.qos.logback.classic.spi.ILoggingEvent>) console.getEncoder();

        var logger = context.getLogger("org.toxwatch.sender");
        var event = new LoggingEvent(
                "fqcn", logger, Level.WARN, "Message {} refused", new IllegalStateException("boom"), new Object[] {
                    "M-1\r\n2026-12-05T10:00:00Z  INFO forged entry\u2028more"
                });
        String written = new String(encoder.encode(event), StandardCharsets.UTF_8);

        String firstLine = written.lines().findFirst().orElseThrow();
        assertThat(firstLine)
                .endsWith("Message M-1\\r\\n2026-12-05T10:00:00Z  INFO forged entry\\u2028more refused")
                .contains("WARN")
                .contains("org.toxwatch.sender");
        assertThat(written.lines().skip(1)).anyMatch(line -> line.contains("IllegalStateException: boom"));
        assertThat(written.lines()).noneMatch(line -> line.startsWith("2026-12-05T10:00:00Z"));
        context.stop();
    }

    @Test
    void aMessageWithoutLineBreaksIsWrittenAsItIs() {
        var event = new LoggingEvent(
                "fqcn",
                new LoggerContext().getLogger("x"),
                Level.INFO,
                "Escalated {} unacknowledged alert(s)",
                null,
                new Object[] {3});

        assertThat(new OneLineMessageConverter().convert(event)).isEqualTo("Escalated 3 unacknowledged alert(s)");
    }
}
