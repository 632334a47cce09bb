package org.toxwatch.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.toxwatch.model.Criterion;

/**
 * The clinical documentation in {@code docs/clinical} is ToxWatch's description of what it grades, and every message
 * to hospitals and clinicians cites it. It stays true to the code: every criterion and every catalogue entry is
 * described there (entries with the value the code applies), it names no criterion that does not exist, and every
 * citation of it points at a page and anchor that exist.
 */
class ClinicalDocumentationTest {

    private static final Path ROOT = repositoryRoot();
    private static final Path DOCS = ROOT.resolve("docs/clinical");

    /** A paragraph opening with this defines the criteria its section describes. */
    private static final String DEFINITION = "**Criterion id";

    private static final Pattern CRITERION_ID = Pattern.compile("`([A-Z][A-Za-z0-9.-]*/[a-z0-9_]+)`");
    private static final Pattern ANCHOR = Pattern.compile("<a id=\"([a-z0-9-]+)\"></a>");
    private static final Pattern CITATION = Pattern.compile("docs/clinical/([a-z0-9-]+\\.md)(?:#([a-z0-9-]+))?");
    private static final Pattern RELATIVE_LINK = Pattern.compile("]\\(([a-z0-9-]+\\.md)?(?:#([a-z0-9-]+))?\\)");
    private static final Pattern INDEX_ROW =
            Pattern.compile("^\\| `([^`]+)` \\| \\[[^\\]]*]\\(([a-z0-9-]+\\.md)#([a-z0-9-]+)\\) \\|$");
    private static final Pattern SPEC_IN_STRING = Pattern.compile("\"[^\"]*CRITERIA\\.md");

    @Test
    void everyCriterionIsDescribedInExactlyOneSection() {
        var definitions = definitions();
        var undescribed = Arrays.stream(Criterion.values())
                .map(Criterion::id)
                .filter(id -> !definitions.containsKey(id))
                .toList();

        assertThat(undescribed)
                .as("criteria with no '%s' paragraph in docs/clinical", DEFINITION)
                .isEmpty();
        assertThat(definitions)
                .as("each criterion is described in one section only")
                .allSatisfy((id, sections) -> assertThat(sections).as(id).hasSize(1));
    }

    @Test
    void everyLabRuleOfTheCatalogueHasItsSection() {
        var documented = definitions().keySet();

        assertThat(CriteriaCatalogue.labRules())
                .allSatisfy(
                        rule -> assertThat(documented).contains(rule.criterion().id()));
    }

    @Test
    void theDocumentationNamesOnlyCriteriaThatExist() {
        var known = Arrays.stream(Criterion.values()).map(Criterion::id).collect(Collectors.toSet());
        var named = new TreeSet<String>();
        pages().forEach((page, text) -> {
            Matcher matcher = CRITERION_ID.matcher(text);
            while (matcher.find()) {
                named.add(page + ": " + matcher.group(1));
            }
        });

        assertThat(named)
                .as("criterion ids named in docs/clinical")
                .isNotEmpty()
                .allSatisfy(entry -> assertThat(known).as(entry).contains(entry.substring(entry.indexOf(": ") + 2)));
    }

    @Test
    void theIndexLinksEveryCriterionToTheSectionThatDescribesIt() {
        var index = new TreeMap<String, String>();
        for (var line : pages().get("README.md").split("\n")) {
            Matcher row = INDEX_ROW.matcher(line.strip());
            if (row.matches()) {
                index.put(row.group(1), row.group(2) + "#" + row.group(3));
            }
        }
        var described = new TreeMap<String, String>();
        definitions().forEach((id, sections) -> described.put(id, sections.getFirst()));

        assertThat(index).isEqualTo(described);
    }

    @Test
    void everyCatalogueEntryIsDescribedWithTheValueTheCodeApplies() {
        var text = String.join(" ", pages().values()).replaceAll("\\s+", " ");
        var undescribed = new TreeSet<String>();
        CatalogueFile.entries().forEach((key, value) -> {
            if (key.equals("version")) {
                return;
            }
            var named = Pattern.quote("`" + key + "`");
            // windows hold "|"-separated fields, which a table cannot show in one cell: their key suffices
            var described = value.contains("|")
                    ? Pattern.compile(named).matcher(text).find()
                    : Pattern.compile(named + " ?[=|] ?" + Pattern.quote("`" + value + "`"))
                            .matcher(text)
                            .find();
            if (!described) {
                undescribed.add(key + "=" + value);
            }
        });

        assertThat(undescribed)
                .as("catalogue entries not in docs/clinical as `key` = `value` (or a table row `key` | `value`)")
                .isEmpty();
    }

    @Test
    void anchorsAreUniqueWithinAPage() {
        pages().forEach((page, text) -> {
            var anchors = new ArrayList<String>();
            ANCHOR.matcher(text).results().forEach(anchor -> anchors.add(anchor.group(1)));
            assertThat(anchors).as(page).doesNotHaveDuplicates();
        });
    }

    @Test
    void everyLinkBetweenThePagesResolves() {
        var broken = new TreeSet<String>();
        pages().forEach((page, text) -> {
            Matcher link = RELATIVE_LINK.matcher(text);
            while (link.find()) {
                var target = link.group(1) == null ? page : link.group(1);
                if (!resolves(target, link.group(2))) {
                    broken.add(page + " -> " + link.group());
                }
            }
        });

        assertThat(broken).isEmpty();
    }

    @Test
    void everyCitationOfTheDocumentationInTheRepositoryResolves() {
        var broken = new TreeSet<String>();
        var cited = new TreeSet<String>();
        sources().forEach(file -> {
            Matcher citation = CITATION.matcher(read(file));
            while (citation.find()) {
                cited.add(citation.group());
                if (!resolves(citation.group(1), citation.group(2))) {
                    broken.add(ROOT.relativize(file) + ": " + citation.group());
                }
            }
        });

        assertThat(cited).as("messages cite docs/clinical").isNotEmpty();
        assertThat(broken)
                .as("citations of a page or anchor that does not exist")
                .isEmpty();
    }

    @Test
    void noMessageCitesTheSpecificationOutsideTheRepository() {
        var citing = new TreeSet<String>();
        sources().filter(file -> file.toString().contains("/src/main/")).forEach(file -> {
            var lines = read(file).split("\n");
            for (int i = 0; i < lines.length; i++) {
                var line = lines[i].strip();
                var comment = line.startsWith("*") || line.startsWith("/*") || line.startsWith("//");
                var name = file.getFileName().toString();
                var message = name.endsWith(".java")
                        ? !comment && SPEC_IN_STRING.matcher(line).find()
                        : (name.endsWith(".js") || name.endsWith(".html")) && line.contains("CRITERIA.md");
                if (message) {
                    citing.add(ROOT.relativize(file) + ":" + (i + 1));
                }
            }
        });

        assertThat(citing)
                .as("messages that cite CRITERIA.md, which hospitals cannot read: cite docs/clinical instead")
                .isEmpty();
    }

    /** Criterion id -> the page#anchor of every section with a definition paragraph naming it. */
    private static Map<String, List<String>> definitions() {
        var definitions = new TreeMap<String, List<String>>();
        pages().forEach((page, text) -> {
            String anchor = null;
            for (var paragraph : text.split("\n\\s*\n")) {
                var anchors = ANCHOR.matcher(paragraph).results().toList();
                if (!anchors.isEmpty()) {
                    anchor = anchors.getLast().group(1);
                }
                if (paragraph.strip().startsWith(DEFINITION)) {
                    var section = page + "#" + anchor;
                    assertThat(anchor)
                            .as("the section of '%s' in %s has an anchor", paragraph, page)
                            .isNotNull();
                    CRITERION_ID
                            .matcher(paragraph)
                            .results()
                            .forEach(id -> definitions
                                    .computeIfAbsent(id.group(1), key -> new ArrayList<>())
                                    .add(section));
                }
            }
        });
        return definitions;
    }

    private static boolean resolves(String page, String anchor) {
        var text = pages().get(page);
        return text != null && (anchor == null || text.contains("<a id=\"" + anchor + "\"></a>"));
    }

    private static Map<String, String> pages() {
        try (Stream<Path> files = Files.list(DOCS)) {
            var pages = new LinkedHashMap<String, String>();
            files.filter(file -> file.toString().endsWith(".md"))
                    .sorted()
                    .forEach(file -> pages.put(file.getFileName().toString(), read(file)));
            assertThat(pages).containsKey("README.md");
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's sources, configuration and documentation that may carry a message or cite a page. */
    private static Stream<Path> sources() {
        var extensions = Set.of(".java", ".js", ".html", ".yml", ".yaml", ".properties", ".md", ".json", ".tsv");
        var files = new ArrayList<Path>();
        for (var start : List.of("services", "shared-model", "deploy", "docs", "README.md")) {
            walk(ROOT.resolve(start), files);
        }
        return files.stream()
                .filter(file -> extensions.stream().anyMatch(file.getFileName().toString()::endsWith));
    }

    private static void walk(Path start, List<Path> files) {
        if (!Files.exists(start)) {
            return;
        }
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    var name = dir.getFileName().toString();
                    return name.equals("target") || name.equals("node_modules") || name.startsWith(".")
                            ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    files.add(file);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repositoryRoot() {
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/clinical/README.md"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "docs/clinical/README.md not found above " + Path.of("").toAbsolutePath());
    }
}
