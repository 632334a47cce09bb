package org.toxwatch.platform;

import org.jspecify.annotations.Nullable;

/** Values for log lines: one line each, so a value carrying CR or LF cannot forge a log entry. */
public final class LogValues {

    /** The value with CR, LF and the other line separators written as escapes ({@code \r}, {@code \n}, ...). */
    public static String oneLine(@Nullable Object value) {
        String text = String.valueOf(value);
        var escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\r' -> escaped.append("\\r");
                case '\n' -> escaped.append("\\n");
                case '\u0085', '\u2028', '\u2029', '\u000b', '\u000c' ->
                    escaped.append(String.format("\\u%04x", (int) c));
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private LogValues() {}
}
