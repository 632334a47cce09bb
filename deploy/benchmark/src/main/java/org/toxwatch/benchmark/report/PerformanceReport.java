package org.toxwatch.benchmark.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The generated part of docs/performance.md: how the run was made (command, machine, versions, sizes) and the
 * side-by-side table. It replaces whatever stands between the two markers, so the prose around it is kept.
 */
public record PerformanceReport(
        String command,
        List<String> setting,
        List<String> machine,
        List<String> versions,
        List<Comparison> comparisons) {

    public static final String BEGIN = "<!-- benchmark:begin (written by deploy/benchmark; do not edit by hand) -->";
    public static final String END = "<!-- benchmark:end -->";

    public String render() {
        var text = new StringBuilder();
        text.append(BEGIN).append("\n\n");
        text.append("Command (run from the repository root):\n\n```\n")
                .append(command)
                .append("\n```\n\n");
        text.append("Run:\n\n");
        setting.forEach(line -> text.append("- ").append(line).append('\n'));
        text.append("\nMachine:\n\n");
        machine.forEach(line -> text.append("- ").append(line).append('\n'));
        text.append("\nVersions:\n\n");
        versions.forEach(line -> text.append("- ").append(line).append('\n'));
        text.append("\n| stage | reference | ToxWatch min / median / max | reference min / median / max"
                + " | ratio min / median / max | target | median against target |\n");
        text.append("|---|---|---|---|---|---|---|\n");
        for (Comparison comparison : comparisons) {
            text.append("| ")
                    .append(comparison.stage())
                    .append(" | ")
                    .append(comparison.reference())
                    .append(" | ")
                    .append(figures(comparison.toxwatchFigures(), comparison.unit()))
                    .append(" | ")
                    .append(figures(comparison.referenceFigures(), comparison.unit()))
                    .append(" | ")
                    .append(ratios(comparison.ratios()))
                    .append(" | ")
                    .append(comparison.target().describe())
                    .append(" | ")
                    .append(comparison.verdict())
                    .append(" |\n");
        }
        text.append('\n').append(END).append('\n');
        return text.toString();
    }

    /** Writes the report into {@code document} between the markers, or appends it when they are not there yet. */
    public void writeInto(Path document) throws IOException {
        String existing = Files.exists(document) ? Files.readString(document, StandardCharsets.UTF_8) : "";
        Files.writeString(document, spliceInto(existing), StandardCharsets.UTF_8);
    }

    String spliceInto(String document) {
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        if (begin < 0 || end < begin) {
            return document + (document.isEmpty() || document.endsWith("\n") ? "" : "\n") + render();
        }
        String after = document.substring(end + END.length());
        return document.substring(0, begin) + render() + (after.startsWith("\n") ? after.substring(1) : after);
    }

    private static String figures(Spread spread, String unit) {
        return number(spread.min()) + " / " + number(spread.median()) + " / " + number(spread.max()) + " " + unit;
    }

    private static String ratios(Spread spread) {
        return String.format(Locale.ROOT, "%.2f× / %.2f× / %.2f×", spread.min(), spread.median(), spread.max());
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%,.1f", value);
    }
}
