package org.toxwatch.platform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The audit of configuration changes between deployments: at each start a service compares its {@code toxwatch.*}
 * settings (from application.yml, variables, arguments) with those of the last start it recorded and, when any
 * differ, inserts an entry with each changed setting before and after, when, and who (the account that started
 * it). Settings whose name speaks of a password, secret, key, credential or token are left out entirely: their
 * values never reach the audit.
 */
public final class SettingsAudit {

    static final String COLLECTION = "settings_audit";
    private static final String PREFIX = "toxwatch.";
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|key|credential|token).*");

    /** One setting that changed; null before means new, null after means removed. */
    public record Change(
            String name, @Nullable String before, @Nullable String after) {}

    /** One start whose settings differed from the start recorded before it. */
    public record Entry(String service, Instant at, String actor, List<Change> changes) {}

    private final MongoTemplate mongo;

    public SettingsAudit(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The service's {@code toxwatch.*} settings as resolved, by name, secrets left out. */
    public static Map<String, String> settingsOf(ConfigurableEnvironment environment) {
        var names = new TreeSet<String>();
        for (var source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    if (name.startsWith(PREFIX) && !SECRET.matcher(name).matches()) {
                        names.add(name);
                    }
                }
            }
        }
        var settings = new TreeMap<String, String>();
        for (String name : names) {
            String value = environment.getProperty(name);
            if (value != null) {
                settings.put(name, value);
            }
        }
        return settings;
    }

    /**
     * Records the settings of this start if they differ from the last recorded start of {@code service}.
     *
     * @return the changes recorded; empty when nothing changed
     */
    public List<Change> recordStart(String service, Map<String, String> settings, String actor, Instant at) {
        Document last = mongo.findOne(
                Query.query(Criteria.where("service").is(service))
                        .with(Sort.by(Sort.Order.desc("at")))
                        .limit(1),
                Document.class,
                COLLECTION);
        Map<String, String> before = last == null ? Map.of() : settingsIn(last);
        List<Change> changes = differences(before, settings);
        if (changes.isEmpty()) {
            return changes;
        }
        mongo.insert(
                new Document("service", service)
                        .append("at", Date.from(at))
                        .append("actor", actor)
                        .append(
                                "changes",
                                changes.stream()
                                        .map(change -> new Document("name", change.name())
                                                .append("before", change.before())
                                                .append("after", change.after()))
                                        .toList())
                        .append(
                                "settings",
                                settings.entrySet().stream()
                                        .map(setting -> new Document("name", setting.getKey())
                                                .append("value", setting.getValue()))
                                        .toList()),
                COLLECTION);
        return changes;
    }

    /**
     * The latest entries of {@code service}, newest first. A secret-named setting is left out here too, should an
     * entry from before that rule hold one.
     */
    public List<Entry> latest(String service, int limit) {
        return mongo
                .find(
                        Query.query(Criteria.where("service").is(service))
                                .with(Sort.by(Sort.Order.desc("at")))
                                .limit(limit),
                        Document.class,
                        COLLECTION)
                .stream()
                .map(entry -> new Entry(
                        entry.getString("service"),
                        entry.getDate("at").toInstant(),
                        entry.getString("actor"),
                        entry.getList("changes", Document.class, List.of()).stream()
                                .filter(change -> !SECRET.matcher(change.getString("name"))
                                        .matches())
                                .map(change -> new Change(
                                        change.getString("name"),
                                        change.getString("before"),
                                        change.getString("after")))
                                .toList()))
                .toList();
    }

    static List<Change> differences(Map<String, String> before, Map<String, String> after) {
        var names = new TreeSet<String>(before.keySet());
        names.addAll(after.keySet());
        var changes = new ArrayList<Change>();
        for (String name : names) {
            if (!Objects.equals(before.get(name), after.get(name))) {
                changes.add(new Change(name, before.get(name), after.get(name)));
            }
        }
        return changes;
    }

    private static Map<String, String> settingsIn(Document entry) {
        var settings = new TreeMap<String, String>();
        for (Document setting : entry.getList("settings", Document.class, List.of())) {
            settings.put(setting.getString("name"), setting.getString("value"));
        }
        return settings;
    }
}
