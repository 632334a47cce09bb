package org.toxwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.toxwatch.model.ClinicalEvents.MORNING_DRAW;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schemas in {@code schemas/v1} are the published contract of the event records: every sample
 * validates and reads into its record with a plain Jackson 3 mapper, whatever Jackson writes validates, and
 * each schema lists exactly its record's components with their JSON types, nullability and enum constants.
 */
class EventSchemaCompatibilityTest {

    /** What a consumer that does not share our Spring configuration would use. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            registry -> registry.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private static final Set<String> EVENTS = Set.of(
            "PatientGradesSnapshot",
            "LabResultRecorded",
            "VitalSignsRecorded",
            "TherapyEventRecorded",
            "NeurologicAssessmentRecorded",
            "ToxicityAssessed",
            "AlertChanged",
            "RejectedInput",
            "ClinicalFindingRecorded",
            "DosePlanned",
            "PatientRecorded");

    @Test
    void everyEventRecordHasASchemaAndAtLeastOneSample() {
        assertThat(eventTypes()).extracting(Class::getSimpleName).containsAll(EVENTS);

        assertThat(eventTypes()).allSatisfy(type -> {
            assertThat(resource(schemaPathOf(type)))
                    .as("schema of %s", type.getSimpleName())
                    .isNotNull();
            assertThat(samples()).as("samples of %s", type.getSimpleName()).anyMatch(sample -> sample.type() == type);
        });
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void schemaIsADraft2020SchemaNamedForItsEventThatToleratesUnknownProperties(Class<?> type) {
        var schema = schemaJsonOf(type);

        assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asString()).isEqualTo("urn:toxwatch:schema:v1:" + type.getSimpleName());
        assertThat(schema.path("title").asString()).isEqualTo(type.getSimpleName());
        assertThat(schema.path("description").asString()).contains("topic").contains("patientId");
        assertThat(schema.path("additionalProperties").asBoolean()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleMatchesItsSchema(Sample sample) {
        assertThat(schemaOf(sample.type()).validate(sample.json())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleReadsIntoItsRecordWithAPlainJsonMapper(Sample sample) {
        Object event = JSON.treeToValue(sample.json(), sample.type());

        assertThat(event)
                .isInstanceOf(sample.type())
                .hasFieldOrPropertyWithValue(
                        "eventId", UUID.fromString(sample.json().path("eventId").asString()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleReadAndWrittenAgainStillMatchesItsSchema(Sample sample) {
        Object event = JSON.treeToValue(sample.json(), sample.type());

        assertThat(schemaOf(sample.type()).validate(asWritten(event))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventsFromFixtures")
    void eventWrittenByJacksonMatchesItsSchema(Object event) {
        assertThat(schemaOf(event.getClass()).validate(asWritten(event))).isEmpty();
    }

    static Stream<Named<Object>> eventsFromFixtures() {
        var patient = ClinicalEvents.anyPatientId();
        var anc = ClinicalEvents.anAncOf(patient, "0.4");
        var assessment = ClinicalEvents.anAssessment(patient, Criterion.NEUTROPHIL_COUNT_DECREASED, 4);
        var notAssessable = new ToxicityAssessed(
                UUID.randomUUID(),
                patient,
                MORNING_DRAW,
                Instant.parse("2026-11-16T07:12:32.123456789Z"),
                Criterion.ANEMIA,
                Criterion.ANEMIA.id(),
                null,
                "hemoglobin unit mmol/L without a conversion",
                null,
                "not assessable",
                List.of(),
                List.of(),
                false,
                ReferenceRangeSource.NOT_USED,
                new TherapyContext(Therapy.CAR_T, MORNING_DRAW.minusSeconds(86_400), 1, 1),
                "test",
                "monitoring",
                "lab-hb-1");
        return Stream.of(
                Named.of("an ANC with its reference range", anc),
                Named.of("a cancelled lab result", ClinicalEvents.aCancellationOf(anc)),
                Named.of("a corrected lab result", ClinicalEvents.aCorrectionOf(anc, "0.6")),
                Named.of("a temperature", ClinicalEvents.aTemperature(patient, "38.6", MORNING_DRAW)),
                Named.of(
                        "a CAR-T infusion",
                        ClinicalEvents.aTherapyEvent(
                                patient, TherapyEventType.CAR_T_INFUSED, Therapy.CAR_T, MORNING_DRAW)),
                Named.of(
                        "tocilizumab given",
                        ClinicalEvents.aSupportiveDrug(patient, SupportiveDrug.TOCILIZUMAB, MORNING_DRAW)),
                Named.of(
                        "an ICE score of 6 awakening to voice",
                        ClinicalEvents.aNeurologicAssessment(
                                patient, 6, LevelOfConsciousness.AWAKENS_TO_VOICE, MORNING_DRAW)),
                Named.of(
                        "an unarousable patient without an ICE score",
                        ClinicalEvents.aNeurologicAssessment(
                                patient, null, LevelOfConsciousness.UNAROUSABLE, MORNING_DRAW)),
                Named.of("a graded assessment", assessment),
                Named.of("a not-assessable assessment with nanosecond times", notAssessable),
                Named.of("an alert raised", ClinicalEvents.anAlertRaisedFor(assessment, AlertPriority.HIGH)),
                Named.of("a rejection", ClinicalEvents.aRejection(Topics.LAB_RESULTS, "patientId is missing")));
    }

    @Nested
    class SchemasRefuse {

        @ParameterizedTest(name = "{0}")
        @MethodSource("invalidEvents")
        void whatTheRecordsRefuse(String sample, Consumer<ObjectNode> breakIt) {
            var json = (ObjectNode) sampleJson(sample);

            breakIt.accept(json);

            assertThat(schemaOf(eventTypeOf(sample)).validate(json)).isNotEmpty();
        }

        static Stream<Arguments> invalidEvents() {
            var anc = "LabResultRecorded/anc-below-reference-range.json";
            return Stream.of(
                    refused("a FINAL lab result without a value", anc, json -> json.putNull("value")),
                    refused("a FINAL lab result without a unit", anc, json -> json.remove("ucumUnit")),
                    refused("an event without a patient id", anc, json -> json.remove("patientId")),
                    refused("an eventId that is not a UUID", anc, json -> json.put("eventId", "42")),
                    refused("an observedAt that is not a date-time", anc, json -> json.put("observedAt", "16/11/2026")),
                    refused("a value written as a string", anc, json -> json.put("value", "0.4")),
                    refused("a status the record does not know", anc, json -> json.put("status", "AMENDED")),
                    refused(
                            "a supportive-drug event without the drug",
                            "TherapyEventRecorded/tocilizumab-given.json",
                            json -> json.putNull("supportiveDrug")),
                    refused(
                            "a dose without the therapy",
                            "TherapyEventRecorded/inotuzumab-cycle-1-day-8.json",
                            json -> json.putNull("therapy")),
                    refused(
                            "an ICE score above 10",
                            "NeurologicAssessmentRecorded/ice-6-awakens-to-voice.json",
                            json -> json.put("iceScore", 11)),
                    refused(
                            "a level of consciousness ICANS does not name",
                            "NeurologicAssessmentRecorded/ice-6-awakens-to-voice.json",
                            json -> json.put("consciousness", "DROWSY")),
                    refused(
                            "an assessment with neither grade nor reason",
                            "ToxicityAssessed/grade-4-neutrophil-count-decreased.json",
                            json -> json.putNull("grade")),
                    refused(
                            "evidence without its observation time",
                            "ToxicityAssessed/grade-4-neutrophil-count-decreased.json",
                            json -> ((ObjectNode) json.path("evidence").path(0)).remove("observedAt")),
                    refused(
                            "an alert without its criterion",
                            "AlertChanged/raised-grade-4-neutropenia.json",
                            json -> json.remove("criterion")),
                    refused(
                            "a rejection without reasons",
                            "RejectedInput/hl7-anc-with-mass-unit.json",
                            json -> json.putArray("reasons")));
        }

        private static Arguments refused(String what, String sample, Consumer<ObjectNode> breakIt) {
            return Arguments.of(Named.of(what, sample), breakIt);
        }
    }

    @Nested
    class SchemasMirrorTheRecords {

        @ParameterizedTest
        @MethodSource("org.toxwatch.model.EventSchemaCompatibilityTest#eventTypes")
        void schemaListsEachComponentWithItsJsonTypeNullabilityAndEnumConstants(Class<?> type) {
            var schema = schemaJsonOf(type);

            assertMirrors(type, schema, schema, type.getSimpleName());
        }

        private static void assertMirrors(Class<?> record, JsonNode objectSchema, JsonNode root, String path) {
            var components = record.getRecordComponents();
            var properties = objectSchema.path("properties");
            assertThat(properties.propertyNames())
                    .as("properties of %s", path)
                    .containsExactlyInAnyOrderElementsOf(namesOf(Arrays.stream(components)));
            assertThat(objectSchema.path("required").values())
                    .extracting(JsonNode::asString)
                    .as("required of %s (the non-null components)", path)
                    .containsExactlyInAnyOrderElementsOf(
                            namesOf(Arrays.stream(components).filter(c -> !isNullable(c))));
            for (var component : components) {
                var property = properties.path(component.getName());
                var where = path + "." + component.getName();
                assertThat(allowsNull(property)).as("%s allows null", where).isEqualTo(isNullable(component));
                assertValueMirrors(component.getGenericType(), property, root, where);
            }
        }

        private static void assertValueMirrors(Type javaType, JsonNode property, JsonNode root, String where) {
            var raw = javaType instanceof ParameterizedType parameterized
                    ? (Class<?>) parameterized.getRawType()
                    : (Class<?>) javaType;
            if (raw.isRecord()) {
                var definition = definitionOf(property, root);
                assertThat(definition.path("type").asString())
                        .as("type of %s", where)
                        .isEqualTo("object");
                assertMirrors(raw, definition, root, where);
                return;
            }
            assertThat(jsonTypesOf(property)).as("type of %s", where).containsExactly(jsonTypeOf(raw));
            if (raw.isEnum()) {
                assertThat(property.path("enum").values())
                        .filteredOn(constant -> !constant.isNull())
                        .extracting(JsonNode::asString)
                        .as("constants of %s", where)
                        .containsExactlyElementsOf(Arrays.stream(raw.getEnumConstants())
                                .map(constant -> ((Enum<?>) constant).name())
                                .toList());
            }
            if (raw == List.class) {
                var element = ((ParameterizedType) javaType).getActualTypeArguments()[0];
                assertValueMirrors(element, property.path("items"), root, where + "[]");
            }
        }

        private static boolean isNullable(RecordComponent component) {
            return component.getAnnotatedType().isAnnotationPresent(Nullable.class);
        }

        private static boolean allowsNull(JsonNode property) {
            return jsonTypesIncludingNull(property).contains("null")
                    || property.path("anyOf").values().stream()
                            .anyMatch(option -> option.path("type").asString().equals("null"));
        }

        private static List<String> jsonTypesOf(JsonNode property) {
            return jsonTypesIncludingNull(property).stream()
                    .filter(type -> !type.equals("null"))
                    .toList();
        }

        private static List<String> jsonTypesIncludingNull(JsonNode property) {
            var type = property.path("type");
            return type.isArray()
                    ? type.values().stream().map(JsonNode::asString).toList()
                    : type.isString() ? List.of(type.asString()) : List.of();
        }

        private static JsonNode definitionOf(JsonNode property, JsonNode root) {
            var reference = property.has("$ref")
                    ? property
                    : property.path("anyOf").values().stream()
                            .filter(option -> option.has("$ref"))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError("no $ref in " + property));
            return root.at(reference.path("$ref").asString().substring(1));
        }

        private static String jsonTypeOf(Class<?> type) {
            if (type == String.class
                    || type == UUID.class
                    || type == Instant.class
                    || type == LocalDate.class
                    || type.isEnum()) {
                return "string";
            }
            if (type == BigDecimal.class) {
                return "number";
            }
            if (type == Integer.class || type == int.class) {
                return "integer";
            }
            if (type == Boolean.class || type == boolean.class) {
                return "boolean";
            }
            if (type == List.class) {
                return "array";
            }
            return fail("no JSON type known for %s: add it here and to the schemas", type);
        }

        private static List<String> namesOf(Stream<RecordComponent> components) {
            return components.map(RecordComponent::getName).toList();
        }
    }

    /**
     * The event records: the records of the model package that no other record contains (those are values
     * inside events, described in the schemas' {@code $defs}).
     */
    static List<Class<?>> eventTypes() {
        var records = modelRecords();
        var contained = records.stream()
                .flatMap(record -> Arrays.stream(record.getRecordComponents()))
                .map(EventSchemaCompatibilityTest::valueTypeOf)
                .collect(Collectors.toSet());
        return records.stream()
                .filter(record -> !contained.contains(record))
                .sorted((a, b) -> a.getSimpleName().compareTo(b.getSimpleName()))
                .toList();
    }

    static List<Sample> samples() {
        var root = resourcePath("samples/v1");
        try (var files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .map(file -> new Sample(root.relativize(file).toString().replace('\\', '/')))
                    .sorted((a, b) -> a.name().compareTo(b.name()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sample file, named {@code <EventName>/<case>.json}. */
    record Sample(String name) {

        Class<?> type() {
            return eventTypeOf(name);
        }

        JsonNode json() {
            return sampleJson(name);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static Class<?> eventTypeOf(String sampleName) {
        var event = sampleName.substring(0, sampleName.indexOf('/'));
        try {
            return Class.forName(LabResultRecorded.class.getPackageName() + "." + event);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("sample folder " + event + " names no event record", e);
        }
    }

    private static JsonNode sampleJson(String sampleName) {
        return JSON.readTree(resourcePath("samples/v1/" + sampleName));
    }

    private static JsonNode asWritten(Object event) {
        return JSON.readTree(JSON.writeValueAsString(event));
    }

    private static Schema schemaOf(Class<?> type) {
        return SCHEMAS.getSchema(schemaJsonOf(type));
    }

    private static JsonNode schemaJsonOf(Class<?> type) {
        var schema = resource(schemaPathOf(type));
        assertThat(schema).as("schema of %s", type.getSimpleName()).isNotNull();
        try (InputStream in = schema.openStream()) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String schemaPathOf(Class<?> type) {
        return "schemas/v1/" + type.getSimpleName() + ".schema.json";
    }

    private static @Nullable URL resource(String path) {
        return EventSchemaCompatibilityTest.class.getClassLoader().getResource(path);
    }

    private static Path resourcePath(String path) {
        var url = resource(path);
        assertThat(url).as("test resource %s", path).isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Class<?>> modelRecords() {
        var packageName = LabResultRecorded.class.getPackageName();
        try (var classes = Files.list(modelClassesRoot().resolve(packageName.replace('.', '/')))) {
            return classes.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .<Class<?>>map(
                            name -> loadClass(packageName + "." + name.substring(0, name.length() - ".class".length())))
                    .filter(Class::isRecord)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The main output of this module: {@code target/classes} when its tests run. */
    private static Path modelClassesRoot() {
        try {
            var location = Path.of(LabResultRecorded.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            assertThat(location).as("the model classes are a directory").isDirectory();
            return location;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> loadClass(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Type valueTypeOf(RecordComponent component) {
        return component.getGenericType() instanceof ParameterizedType list
                ? list.getActualTypeArguments()[0]
                : component.getType();
    }
}
