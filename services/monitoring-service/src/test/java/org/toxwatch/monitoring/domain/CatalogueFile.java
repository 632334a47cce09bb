package org.toxwatch.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** The reviewable criteria catalogue resource, read as the tests compare it with the rules. */
public final class CatalogueFile {

    private CatalogueFile() {}

    public static Map<String, String> entries() {
        try (var in = CatalogueFile.class.getResourceAsStream(CriteriaCatalogue.RESOURCE)) {
            assertThat(in).as(CriteriaCatalogue.RESOURCE).isNotNull();
            var properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            var entries = new TreeMap<String, String>();
            properties
                    .stringPropertyNames()
                    .forEach(key -> entries.put(key, properties.getProperty(key).trim()));
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entries whose key starts with {@code prefix}, keyed by the rest of the key. */
    public static Map<String, String> section(String prefix) {
        var section = new TreeMap<String, String>();
        entries().forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                section.put(key.substring(prefix.length()), value);
            }
        });
        return section;
    }
}
