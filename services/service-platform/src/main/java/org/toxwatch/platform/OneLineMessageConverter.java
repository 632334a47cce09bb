package org.toxwatch.platform;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %m} of every service's log pattern (see {@code logback-spring.xml}): the message on one line, its line
 * breaks escaped as {@link LogValues#oneLine} writes them, so no value in any log line (ours, Spring's, a driver's)
 * can start a forged entry. Stack traces stay multi-line: they follow the message, outside {@code %m}.
 */
public final class OneLineMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        String message = event.getFormattedMessage();
        return message == null || !breaksLines(message) ? message : LogValues.oneLine(message);
    }

    private static boolean breaksLines(String message) {
        for (int i = 0; i < message.length(); i++) {
            switch (message.charAt(i)) {
                case '\r', '\n', '\u0085', '\u2028', '\u2029', '\u000b', '\u000c' -> {
                    return true;
                }
                default -> {}
            }
        }
        return false;
    }
}
