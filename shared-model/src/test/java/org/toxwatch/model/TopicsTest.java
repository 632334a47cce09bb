package org.toxwatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Topic names and criterion ids are contract: services and dashboards match on them literally. */
class TopicsTest {

    /** {@code <owner>.<things>.v<major>}: dots between parts, kebab case inside them. */
    private static final Pattern TOPIC = Pattern.compile("[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*\\.v[1-9][0-9]*");

    @Test
    void everyTopicIsOwnerThingsAndMajorVersionInKebabCase() {
        assertThat(Topics.ALL)
                .map(topic -> topic.replaceFirst(Pattern.quote(Topics.DEAD_LETTER_SUFFIX) + "$", ""))
                .allMatch(topic -> TOPIC.matcher(topic).matches(), "matches " + TOPIC);
        assertThat(Topics.ALL).noneMatch(topic -> topic.contains("_"));
    }

    @Test
    void everyInputTopicHasItsDeadLetterTopicInAll() {
        assertThat(Topics.INPUT_TOPICS)
                .allSatisfy(topic -> assertThat(Topics.ALL).contains(topic, topic + "-dlt"));
    }

    @Test
    void deadLetterTopicIsSpringKafkasDefaultDltSuffix() {
        assertThat(Topics.deadLetterTopicOf(Topics.LAB_RESULTS)).isEqualTo("clinical.lab-results.v1-dlt");
    }

    @Test
    void everyDeadLetterTopicBelongsToAnInputTopic() {
        assertThat(Topics.ALL)
                .filteredOn(topic -> topic.endsWith(Topics.DEAD_LETTER_SUFFIX))
                .map(topic -> topic.substring(0, topic.length() - Topics.DEAD_LETTER_SUFFIX.length()))
                .isSubsetOf(Topics.INPUT_TOPICS);
    }

    @Test
    void everyTopicConstantIsListedInAllAndAllHasNoDuplicates() {
        assertThat(Topics.ALL).containsAll(topicConstants()).doesNotHaveDuplicates();
    }

    private static List<String> topicConstants() {
        return Arrays.stream(Topics.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .filter(field -> !field.getName().equals("DEAD_LETTER_SUFFIX"))
                .map(TopicsTest::valueOf)
                .toList();
    }

    private static String valueOf(Field constant) {
        try {
            return (String) constant.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Criterion ids are the names assessments and alerts are filed under. */
    @Nested
    class CriterionIds {

        /** {@code <SOURCE>-<version>/<term>}, e.g. {@code CTCAE-5.0/neutrophil_count_decreased}. */
        private static final Pattern ID =
                Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)*-[0-9A-Za-z][0-9A-Za-z.-]*/[a-z][a-z0-9_]*");

        @Test
        void areUnique() {
            assertThat(Arrays.stream(Criterion.values()).map(Criterion::id)).doesNotHaveDuplicates();
        }

        @Test
        void areSourceVersionSlashSnakeCaseTerm() {
            assertThat(Criterion.values())
                    .allSatisfy(criterion -> assertThat(criterion.id())
                            .matches(ID)
                            .isEqualTo(criterion.source() + "-" + criterion.version() + "/" + criterion.term()));
        }

        @Test
        void nameTheCtcaeVersionForCtcaeTerms() {
            assertThat(Criterion.NEUTROPHIL_COUNT_DECREASED.id()).isEqualTo("CTCAE-5.0/neutrophil_count_decreased");
        }
    }
}
