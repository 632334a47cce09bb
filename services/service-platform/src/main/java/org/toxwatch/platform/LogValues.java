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

    /**
     * The exception's classes from the outermost to the root cause, without their messages: a parser's message can
     * quote the token it choked on and a store's the duplicate key, both of which can hold a patient id.
     */
    public static String exceptionClasses(Throwable exception) {
        var chain = new StringBuilder();
        int depth = 0;
        for (Throwable cause = exception; cause != null && depth < 8; cause = cause.getCause(), depth++) {
            if (!chain.isEmpty()) {
                chain.append(" <- ");
            }
            chain.append(cause.getClass().getName());
        }
        return chain.toString();
    }

    /**
     * An unexpected failure for a log line: its {@linkplain #exceptionClasses classes} and the code it was thrown
     * from, which is what a developer needs to find a bug, without a stack trace, whose messages may quote the
     * input that made it fail.
     */
    public static String failure(Throwable exception) {
        StackTraceElement[] frames = exception.getStackTrace();
        return exceptionClasses(exception) + " at " + (frames.length == 0 ? "?" : frames[0]);
    }

    private LogValues() {}
}
