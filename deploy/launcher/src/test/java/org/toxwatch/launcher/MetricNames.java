package org.toxwatch.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which metric names exist, and which ones a PromQL expression reads. What exists: the services' own Micrometer meters
 * (read from their sources, so a renamed meter breaks the dashboards' test at once) in every Prometheus form, and the
 * framework and exporter metrics listed in {@code deploy/prometheus/exposed-metrics.txt} (captured from the running
 * services).
 */
final class MetricNames {

    /** {@code registry.counter("toxwatch.x", ...)}, {@code Timer.builder("toxwatch.x")}, {@code gauge(registry, "toxwatch.x", ...)}. */
    private static final Pattern MICROMETER_METER =
            Pattern.compile("(?:counter|builder|gauge)\\(\\s*(?:registry,\\s*)?\"(toxwatch\\.[a-z0-9.]+)\"");

    private static final List<String> PROMETHEUS_SUFFIXES = List.of(
            "",
            "_total",
            "_count",
            "_sum",
            "_bucket",
            "_max",
            "_seconds_count",
            "_seconds_sum",
            "_seconds_bucket",
            "_seconds_max");

    private static final Pattern STRING = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");
    private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\w+");
    private static final Pattern IDENTIFIER = Pattern.compile("\\b[a-zA-Z_:][a-zA-Z0-9_:]*\\b(?!\\s*\\()");
    private static final Set<String> KEYWORDS =
            Set.of("and", "or", "unless", "offset", "bool", "inf", "nan", "Inf", "NaN", "by", "without", "on");

    private MetricNames() {}

    static Set<String> exposedBy(Path home) {
        var names = new TreeSet<String>();
        try (Stream<Path> sources = Files.walk(home.resolve("services"))) {
            sources.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> path.toString().contains("/src/main/"))
                    .forEach(path -> MICROMETER_METER
                            .matcher(read(path))
                            .results()
                            .forEach(meter -> {
                                String base = meter.group(1).replace('.', '_');
                                PROMETHEUS_SUFFIXES.forEach(suffix -> names.add(base + suffix));
                            }));
            Files.readAllLines(home.resolve("deploy/prometheus/exposed-metrics.txt")).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(names::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** The metric names an expression selects; label names, functions, keywords and durations are left out. */
    static Set<String> readBy(String promql) {
        String bare = STRING.matcher(promql).replaceAll("\"\"");
        bare = LABEL_MATCHERS.matcher(bare).replaceAll("{}");
        bare = RANGE.matcher(bare).replaceAll("");
        bare = GROUPING.matcher(bare).replaceAll("");
        bare = VARIABLE.matcher(bare).replaceAll("");
        var names = new TreeSet<String>();
        IDENTIFIER
                .matcher(bare)
                .results()
                .map(match -> match.group())
                .filter(name -> !KEYWORDS.contains(name))
                .forEach(names::add);
        return names;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
