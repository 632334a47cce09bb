package org.toxwatch.monitoring.adapter.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.toxwatch.model.Criterion;
import org.toxwatch.monitoring.domain.Assessment;
import org.toxwatch.monitoring.domain.FeverReading;
import org.toxwatch.monitoring.domain.OxygenSupport;
import org.toxwatch.monitoring.domain.PatientState;
import org.toxwatch.monitoring.domain.PublishedGrade;
import org.toxwatch.monitoring.domain.SupportiveDrugGiven;
import org.toxwatch.monitoring.domain.TherapyAdministration;
import org.toxwatch.monitoring.domain.TherapyEpisode;
import org.toxwatch.monitoring.domain.ToxicityGrader;
import org.toxwatch.monitoring.domain.VasopressorStatus;
import org.toxwatch.monitoring.domain.WeightMeasurement;
import org.toxwatch.monitoring.domain.patient.Demographics;
import org.toxwatch.monitoring.domain.units.Analyte;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.smile.SmileMapper;

/**
 * A restart after an upgrade reads yesterday's state: the stored patient-state format v1
 * ({@value #SCHEMA}) is pinned by fixed bytes that today's {@link PatientStateSerde} wrote from
 * {@link RichPatientCourse}, in the Smile it writes and in the JSON text earlier versions wrote. Whatever the state
 * becomes, these files must still read, validate and grade exactly as the same course folded afresh.
 *
 * <p>The files under {@code state/v1} are never regenerated: a format change that cannot read them is a v2, with
 * its own schema, fixed bytes captured once by {@link PatientStateCapture}, and a reader of v1. A property added
 * within v1 reads its absence as a stated default (a state without {@code demographics} has an unknown profile).
 */
class StoredPatientStateV1Test {

    static final String SCHEMA = "state/patient-state.v1.schema.json";
    private static final String CONTRACT_SCHEMA_IDS = "urn:toxwatch:schema:v1:";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SmileMapper SMILE = SmileMapper.builder().build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            registry -> registry.schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(true)
                            .build())
                    .schemaIdResolvers(resolvers -> resolvers.mappings(
                            id -> id.startsWith(CONTRACT_SCHEMA_IDS),
                            id -> "classpath:schemas/v1/" + id.substring(CONTRACT_SCHEMA_IDS.length())
                                    + ".schema.json")));

    private final PatientStateSerde serde = new PatientStateSerde(JSON);
    private final ToxicityGrader grader = new ToxicityGrader(RichPatientCourse.HOSPITAL_ZONE);

    enum StoredForm {
        SMILE(PatientStateCapture.SMILE_FILE),
        JSON_TEXT(PatientStateCapture.JSON_FILE);

        final String file;

        StoredForm(String file) {
            this.file = file;
        }

        byte[] bytes() {
            return resource("state/v1/" + file);
        }
    }

    @ParameterizedTest
    @MethodSource("forms")
    void theStoredBytesReadWithEveryPartOfTheCourse(StoredForm form) {
        var state = read(form.bytes());

        assertThat(state.patientId()).isEqualTo(RichPatientCourse.PATIENT);
        assertThat(state.newestEventTime()).isNotNull();
        assertThat(state.episodes())
                .extracting(TherapyEpisode::therapy)
                .extracting(Enum::name)
                .containsExactly("INOTUZUMAB_OZOGAMICIN", "CAR_T");
        assertThat(state.episodes().getLast().carTInfusedAt()).isEqualTo(RichPatientCourse.INFUSION);
        assertThat(state.episodes().getFirst().doses()).hasSize(2);
        assertThat(state.labsOf(Analyte.ANC))
                .anySatisfy(anc -> assertThat(anc.comparator()).isNotNull());
        assertThat(state.labsOf(Analyte.POTASSIUM))
                .singleElement()
                .satisfies(potassium -> assertThat(potassium.status().name()).isEqualTo("CORRECTED"));
        assertThat(state.labsOf(Analyte.CRP))
                .singleElement()
                .satisfies(crp -> assertThat(crp.observedAt()).isBefore(RichPatientCourse.INFUSION));
        assertThat(state.vitals()).isNotEmpty();
        assertThat(state.fevers()).isNotEmpty();
        assertThat(state.weights()).isNotEmpty();
        assertThat(state.supportiveDrugs()).isNotEmpty();
        assertThat(state.vasopressors()).isNotNull();
        assertThat(state.oxygen()).isNotNull();
        assertThat(state.neuroAssessments()).hasSize(1);
        assertThat(state.findings()).hasSize(1);
        assertThat(state.dosePlans()).isNotEmpty();
        assertThat(state.publishedGrades()).containsKey(Criterion.CYTOKINE_RELEASE_SYNDROME.name());
        assertThat(state.highestGradesThisEpisode()).containsKey(Criterion.CYTOKINE_RELEASE_SYNDROME.name());
    }

    @Test
    void bothStoredFormsHoldTheSameState() {
        assertThat(read(StoredForm.JSON_TEXT.bytes())).isEqualTo(read(StoredForm.SMILE.bytes()));
    }

    @Test
    void theStoredJsonTextMatchesTheSchema() {
        assertThat(schema().validate(JSON.readTree(StoredForm.JSON_TEXT.bytes())))
                .isEmpty();
    }

    /** Smile writes a UUID as 16 binary bytes, so the Smile form is checked through the state it holds. */
    @Test
    void theStateStoredAsSmileMatchesTheSchemaWrittenAsJson() {
        var tree = SMILE.readTree(StoredForm.SMILE.bytes());
        assertThat(tree.at("/labs/ANC/0/eventId").isBinary()).isTrue();

        assertThat(schema().validate(JSON.valueToTree(read(StoredForm.SMILE.bytes()))))
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("forms")
    void theRestoredStateGradesExactlyAsTheCourseFoldedAfresh(StoredForm form) {
        var restored = read(form.bytes());
        var afresh = RichPatientCourse.folded();

        List<Assessment> grades = grader.assessAll(restored);

        assertThat(grades).containsExactlyElementsOf(grader.assessAll(afresh));
        assertThat(grades).filteredOn(a -> a.grade() != null && a.grade() > 0).hasSizeGreaterThan(5);
        assertThat(restored.publishedGrades()).isEqualTo(afresh.publishedGrades());
        assertThat(restored.highestGradesThisEpisode()).isEqualTo(afresh.highestGradesThisEpisode());
        assertThat(grader.reassess(restored).changed())
                .isEqualTo(grader.reassess(afresh).changed());
    }

    @ParameterizedTest
    @MethodSource("forms")
    void writingTheRestoredStateAndReadingItAgainChangesNothing(StoredForm form) {
        var restored = read(form.bytes());

        byte[] written = serde.serializer().serialize("store", restored);
        var readAgain = read(written);

        assertThat(readAgain).isEqualTo(restored);
        assertThat(serde.serializer().serialize("store", readAgain)).isEqualTo(written);
    }

    @ParameterizedTest
    @MethodSource("forms")
    void propertiesThisVersionDoesNotKnowAreIgnoredSoARollbackReadsTomorrowsState(StoredForm form) {
        ObjectMapper mapper = form == StoredForm.SMILE ? SMILE : JSON;
        var tree = (ObjectNode) mapper.readTree(form.bytes());
        tree.putObject("aDetailOfALaterVersion").put("kind", "unknown here").put("since", "2027-01-01");
        ((ObjectNode) tree.path("labs").path("ANC").path(0)).put("performingLaboratory", "central lab");
        ((ObjectNode) tree.path("episodes").path(1)).put("protocol", "BRIDGE-1");
        ((ObjectNode) tree.path("publishedGrades").path("CYTOKINE_RELEASE_SYNDROME")).put("ageRule", "adult");

        var expected = read(form.bytes());

        assertThat(read(mapper.writeValueAsBytes(tree))).isEqualTo(expected);
    }

    @Nested
    class TheSchema {

        @ParameterizedTest(name = "{0}")
        @MethodSource("brokenStates")
        void refusesWhatTheStoreNeverHolds(String what, Consumer<ObjectNode> breakIt) {
            var tree = (ObjectNode) JSON.readTree(StoredForm.JSON_TEXT.bytes());

            breakIt.accept(tree);

            assertThat(schema().validate(tree)).isNotEmpty();
        }

        static Stream<Arguments> brokenStates() {
            return Stream.of(
                    Arguments.of("a state without its patient", (Consumer<ObjectNode>) t -> t.remove("patientId")),
                    Arguments.of("labs under a name that is no analyte", (Consumer<ObjectNode>)
                            t -> ((ObjectNode) t.path("labs"))
                                    .set("NEUTROPHILS", t.path("labs").path("ANC"))),
                    Arguments.of("a lab result that breaks its contract schema", (Consumer<ObjectNode>)
                            t -> ((ObjectNode) t.path("labs").path("ANC").path(0)).put("value", "0.4")),
                    Arguments.of("a grade written as text", (Consumer<ObjectNode>)
                            t -> ((ObjectNode) t.path("publishedGrades").path("ICANS")).put("grade", "2")),
                    Arguments.of("an episode without its therapy", (Consumer<ObjectNode>)
                            t -> ((ObjectNode) t.path("episodes").path(0)).remove("therapy")));
        }

        @ParameterizedTest
        @MethodSource("storedRecords")
        void listsEveryComponentOfTheStoredRecordsAndWhichMayBeNull(Class<?> record) {
            var root = JSON.readTree(resource(SCHEMA));
            var definition =
                    record == PatientState.class ? root : root.path("$defs").path(record.getSimpleName());
            var components = Arrays.asList(record.getRecordComponents());

            assertThat(definition.path("properties").propertyNames())
                    .containsExactlyInAnyOrderElementsOf(
                            components.stream().map(RecordComponent::getName).toList());
            assertThat(definition.path("required").values())
                    .extracting(JsonNode::asString)
                    .allSatisfy(required -> assertThat(components)
                            .filteredOn(c -> c.getName().equals(required))
                            .singleElement()
                            .satisfies(c -> assertThat(isNullable(c)).isFalse()));
            assertThat(components)
                    .allSatisfy(component -> assertThat(
                                    allowsNull(definition.path("properties").path(component.getName())))
                            .as("%s.%s allows null", record.getSimpleName(), component.getName())
                            .isEqualTo(isNullable(component)));
        }

        @Test
        void namesEveryAnalyteAndCriterionAStateMayBeKeyedBy() {
            var properties = JSON.readTree(resource(SCHEMA)).path("properties");

            assertThat(properties
                            .path("labs")
                            .path("propertyNames")
                            .path("enum")
                            .values())
                    .extracting(JsonNode::asString)
                    .containsExactlyElementsOf(
                            Arrays.stream(Analyte.values()).map(Enum::name).toList());
            assertThat(properties
                            .path("publishedGrades")
                            .path("propertyNames")
                            .path("enum")
                            .values())
                    .extracting(JsonNode::asString)
                    .containsExactlyElementsOf(
                            Arrays.stream(Criterion.values()).map(Enum::name).toList());
        }

        static Stream<Class<?>> storedRecords() {
            return Stream.of(
                    PatientState.class,
                    TherapyEpisode.class,
                    TherapyAdministration.class,
                    FeverReading.class,
                    WeightMeasurement.class,
                    SupportiveDrugGiven.class,
                    VasopressorStatus.class,
                    OxygenSupport.class,
                    PublishedGrade.class,
                    Demographics.class);
        }

        private static boolean isNullable(RecordComponent component) {
            return component.getAnnotatedType().isAnnotationPresent(Nullable.class);
        }

        private static boolean allowsNull(JsonNode property) {
            var type = property.path("type");
            return type.values().stream().anyMatch(t -> t.asString().equals("null"))
                    || property.path("anyOf").values().stream()
                            .anyMatch(option -> option.path("type").asString().equals("null"));
        }
    }

    static Stream<StoredForm> forms() {
        return Stream.of(StoredForm.values());
    }

    private PatientState read(byte[] bytes) {
        return serde.deserializer().deserialize("store", bytes);
    }

    private static Schema schema() {
        return SCHEMAS.getSchema(SchemaLocation.of("classpath:" + SCHEMA));
    }

    private static byte[] resource(String path) {
        try (InputStream in = StoredPatientStateV1Test.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
