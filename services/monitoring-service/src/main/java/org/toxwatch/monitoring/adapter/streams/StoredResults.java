package org.toxwatch.monitoring.adapter.streams;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.toxwatch.model.ClinicalRecord;
import org.toxwatch.model.LabResultRecorded;
import org.toxwatch.model.OxygenDevice;
import org.toxwatch.model.ReferenceRange;
import org.toxwatch.model.ResultStatus;
import org.toxwatch.model.SpecimenCondition;
import org.toxwatch.model.TimePrecision;
import org.toxwatch.model.ValueComparator;
import org.toxwatch.model.VitalSignsRecorded;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Lab results and vital signs in the stored patient state, written and read field by field instead of through
 * Jackson's general record handling: they are most of a state's records, and a long course's state is read back
 * and written again for every message (docs/performance.md, "The state's results read and written by hand").
 *
 * <p>The bytes are exactly those Jackson writes for the records (stored format v1: each record's components in
 * declaration order, absent ones as null, UUIDs as 16 binary bytes, instants as {@link Instant#toString()}), and
 * reading accepts what Jackson accepts: components in any order, unknown ones skipped, and any value of a shape other
 * than the one written is handed to Jackson's own deserializer for its type. {@code StoredResultsTest} holds both
 * against Jackson's record handling.
 */
final class StoredResults {

    private StoredResults() {}

    /** For the stored state's Smile mapper only: what the topics carry stays Jackson's. */
    static SimpleModule module() {
        return new SimpleModule("stored-results")
                .addSerializer(LabResultRecorded.class, new LabWriter())
                .addDeserializer(LabResultRecorded.class, new LabReader())
                .addSerializer(VitalSignsRecorded.class, new VitalsWriter())
                .addDeserializer(VitalSignsRecorded.class, new VitalsReader());
    }

    // Component names, as Jackson names them.
    private static final SerializableString EVENT_ID = new SerializedString("eventId");
    private static final SerializableString PATIENT_ID = new SerializedString("patientId");
    private static final SerializableString OBSERVED_AT = new SerializedString("observedAt");
    private static final SerializableString RECEIVED_AT = new SerializedString("receivedAt");
    private static final SerializableString SOURCE_SYSTEM = new SerializedString("sourceSystem");
    private static final SerializableString SOURCE_MESSAGE_ID = new SerializedString("sourceMessageId");
    private static final SerializableString SOURCE_OBSERVATION_ID = new SerializedString("sourceObservationId");
    private static final SerializableString LOINC = new SerializedString("loinc");
    private static final SerializableString VALUE = new SerializedString("value");
    private static final SerializableString UCUM_UNIT = new SerializedString("ucumUnit");
    private static final SerializableString REFERENCE_RANGE = new SerializedString("referenceRange");
    private static final SerializableString LOW = new SerializedString("low");
    private static final SerializableString HIGH = new SerializedString("high");
    private static final SerializableString STATUS = new SerializedString("status");
    private static final SerializableString COMPARATOR = new SerializedString("comparator");
    private static final SerializableString REPORTED_UNIT = new SerializedString("reportedUnit");
    private static final SerializableString ABNORMAL_FLAGS = new SerializedString("abnormalFlags");
    private static final SerializableString SPECIMEN_CONDITIONS = new SerializedString("specimenConditions");
    private static final SerializableString OBSERVED_AT_PRECISION = new SerializedString("observedAtPrecision");
    private static final SerializableString TEMPERATURE = new SerializedString("temperatureCelsius");
    private static final SerializableString HEART_RATE = new SerializedString("heartRatePerMinute");
    private static final SerializableString SYSTOLIC = new SerializedString("systolicMmHg");
    private static final SerializableString DIASTOLIC = new SerializedString("diastolicMmHg");
    private static final SerializableString MEAN_ARTERIAL = new SerializedString("meanArterialMmHg");
    private static final SerializableString SPO2 = new SerializedString("spo2Percent");
    private static final SerializableString RESPIRATORY_RATE = new SerializedString("respiratoryRatePerMinute");
    private static final SerializableString OXYGEN_DEVICE = new SerializedString("oxygenDevice");
    private static final SerializableString OXYGEN_FLOW = new SerializedString("oxygenFlowLitresPerMinute");
    private static final SerializableString WEIGHT = new SerializedString("weightKg");

    private static final class LabWriter extends StdSerializer<LabResultRecorded> {

        LabWriter() {
            super(LabResultRecorded.class);
        }

        @Override
        public void serialize(LabResultRecorded lab, JsonGenerator out, SerializationContext context)
                throws JacksonException {
            out.writeStartObject(lab);
            Write.origin(out, lab, lab.observedAt());
            Write.text(out, SOURCE_OBSERVATION_ID, lab.sourceObservationId());
            Write.text(out, LOINC, lab.loinc());
            Write.decimal(out, VALUE, lab.value());
            Write.text(out, UCUM_UNIT, lab.ucumUnit());
            out.writeName(REFERENCE_RANGE);
            ReferenceRange range = lab.referenceRange();
            if (range == null) {
                out.writeNull();
            } else {
                out.writeStartObject(range);
                Write.decimal(out, LOW, range.low());
                Write.decimal(out, HIGH, range.high());
                out.writeEndObject();
            }
            Write.constant(out, STATUS, lab.status());
            Write.constant(out, COMPARATOR, lab.comparator());
            Write.text(out, REPORTED_UNIT, lab.reportedUnit());
            out.writeName(ABNORMAL_FLAGS);
            List<String> flags = lab.abnormalFlags();
            out.writeStartArray(flags, flags.size());
            for (String flag : flags) {
                out.writeString(flag);
            }
            out.writeEndArray();
            out.writeName(SPECIMEN_CONDITIONS);
            List<SpecimenCondition> conditions = lab.specimenConditions();
            out.writeStartArray(conditions, conditions.size());
            for (SpecimenCondition condition : conditions) {
                out.writeString(condition.name());
            }
            out.writeEndArray();
            Write.constant(out, OBSERVED_AT_PRECISION, lab.observedAtPrecision());
            out.writeEndObject();
        }
    }

    private static final class VitalsWriter extends StdSerializer<VitalSignsRecorded> {

        VitalsWriter() {
            super(VitalSignsRecorded.class);
        }

        @Override
        public void serialize(VitalSignsRecorded vitals, JsonGenerator out, SerializationContext context)
                throws JacksonException {
            out.writeStartObject(vitals);
            Write.origin(out, vitals, vitals.observedAt());
            Write.decimal(out, TEMPERATURE, vitals.temperatureCelsius());
            Write.decimal(out, HEART_RATE, vitals.heartRatePerMinute());
            Write.decimal(out, SYSTOLIC, vitals.systolicMmHg());
            Write.decimal(out, DIASTOLIC, vitals.diastolicMmHg());
            Write.decimal(out, MEAN_ARTERIAL, vitals.meanArterialMmHg());
            Write.decimal(out, SPO2, vitals.spo2Percent());
            Write.decimal(out, RESPIRATORY_RATE, vitals.respiratoryRatePerMinute());
            Write.constant(out, OXYGEN_DEVICE, vitals.oxygenDevice());
            Write.decimal(out, OXYGEN_FLOW, vitals.oxygenFlowLitresPerMinute());
            Write.decimal(out, WEIGHT, vitals.weightKg());
            Write.constant(out, STATUS, vitals.status());
            out.writeEndObject();
        }
    }

    private static final class LabReader extends StdDeserializer<LabResultRecorded> {

        LabReader() {
            super(LabResultRecorded.class);
        }

        @Override
        public LabResultRecorded deserialize(JsonParser in, DeserializationContext context) throws JacksonException {
            UUID eventId = null;
            String patientId = null;
            Instant observedAt = null;
            Instant receivedAt = null;
            String sourceSystem = null;
            String sourceMessageId = null;
            String sourceObservationId = null;
            String loinc = null;
            BigDecimal value = null;
            String ucumUnit = null;
            ReferenceRange referenceRange = null;
            ResultStatus status = null;
            ValueComparator comparator = null;
            String reportedUnit = null;
            List<String> abnormalFlags = null;
            List<SpecimenCondition> specimenConditions = null;
            TimePrecision observedAtPrecision = null;
            for (String name = Read.firstName(in, context, LabResultRecorded.class);
                    name != null;
                    name = in.nextName()) {
                in.nextToken();
                switch (name) {
                    case "eventId" -> eventId = Read.uuid(in, context);
                    case "patientId" -> patientId = Read.text(in, context);
                    case "observedAt" -> observedAt = Read.instant(in, context);
                    case "receivedAt" -> receivedAt = Read.instant(in, context);
                    case "sourceSystem" -> sourceSystem = Read.text(in, context);
                    case "sourceMessageId" -> sourceMessageId = Read.text(in, context);
                    case "sourceObservationId" -> sourceObservationId = Read.text(in, context);
                    case "loinc" -> loinc = Read.text(in, context);
                    case "value" -> value = Read.decimal(in, context);
                    case "ucumUnit" -> ucumUnit = Read.text(in, context);
                    case "referenceRange" -> referenceRange = Read.range(in, context);
                    case "status" -> status = Read.constant(in, context, ResultStatus.class, Read.RESULT_STATUSES);
                    case "comparator" ->
                        comparator = Read.constant(in, context, ValueComparator.class, Read.COMPARATORS);
                    case "reportedUnit" -> reportedUnit = Read.text(in, context);
                    case "abnormalFlags" -> abnormalFlags = Read.flags(in, context);
                    case "specimenConditions" -> specimenConditions = Read.conditions(in, context);
                    case "observedAtPrecision" ->
                        observedAtPrecision = Read.constant(in, context, TimePrecision.class, Read.PRECISIONS);
                    default -> in.skipChildren();
                }
            }
            try {
                return new LabResultRecorded(
                        eventId,
                        patientId,
                        observedAt,
                        receivedAt,
                        sourceSystem,
                        sourceMessageId,
                        sourceObservationId,
                        loinc,
                        value,
                        ucumUnit,
                        referenceRange,
                        status,
                        comparator,
                        reportedUnit,
                        abnormalFlags,
                        specimenConditions,
                        observedAtPrecision);
            } catch (RuntimeException refused) {
                throw Read.refused(in, context, LabResultRecorded.class, refused);
            }
        }
    }

    private static final class VitalsReader extends StdDeserializer<VitalSignsRecorded> {

        VitalsReader() {
            super(VitalSignsRecorded.class);
        }

        @Override
        public VitalSignsRecorded deserialize(JsonParser in, DeserializationContext context) throws JacksonException {
            UUID eventId = null;
            String patientId = null;
            Instant observedAt = null;
            Instant receivedAt = null;
            String sourceSystem = null;
            String sourceMessageId = null;
            BigDecimal temperature = null;
            BigDecimal heartRate = null;
            BigDecimal systolic = null;
            BigDecimal diastolic = null;
            BigDecimal meanArterial = null;
            BigDecimal spo2 = null;
            BigDecimal respiratoryRate = null;
            OxygenDevice oxygenDevice = null;
            BigDecimal oxygenFlow = null;
            BigDecimal weight = null;
            ResultStatus status = null;
            for (String name = Read.firstName(in, context, VitalSignsRecorded.class);
                    name != null;
                    name = in.nextName()) {
                in.nextToken();
                switch (name) {
                    case "eventId" -> eventId = Read.uuid(in, context);
                    case "patientId" -> patientId = Read.text(in, context);
                    case "observedAt" -> observedAt = Read.instant(in, context);
                    case "receivedAt" -> receivedAt = Read.instant(in, context);
                    case "sourceSystem" -> sourceSystem = Read.text(in, context);
                    case "sourceMessageId" -> sourceMessageId = Read.text(in, context);
                    case "temperatureCelsius" -> temperature = Read.decimal(in, context);
                    case "heartRatePerMinute" -> heartRate = Read.decimal(in, context);
                    case "systolicMmHg" -> systolic = Read.decimal(in, context);
                    case "diastolicMmHg" -> diastolic = Read.decimal(in, context);
                    case "meanArterialMmHg" -> meanArterial = Read.decimal(in, context);
                    case "spo2Percent" -> spo2 = Read.decimal(in, context);
                    case "respiratoryRatePerMinute" -> respiratoryRate = Read.decimal(in, context);
                    case "oxygenDevice" ->
                        oxygenDevice = Read.constant(in, context, OxygenDevice.class, Read.OXYGEN_DEVICES);
                    case "oxygenFlowLitresPerMinute" -> oxygenFlow = Read.decimal(in, context);
                    case "weightKg" -> weight = Read.decimal(in, context);
                    case "status" -> status = Read.constant(in, context, ResultStatus.class, Read.RESULT_STATUSES);
                    default -> in.skipChildren();
                }
            }
            try {
                return new VitalSignsRecorded(
                        eventId,
                        patientId,
                        observedAt,
                        receivedAt,
                        sourceSystem,
                        sourceMessageId,
                        temperature,
                        heartRate,
                        systolic,
                        diastolic,
                        meanArterial,
                        spo2,
                        respiratoryRate,
                        oxygenDevice,
                        oxygenFlow,
                        weight,
                        status);
            } catch (RuntimeException refused) {
                throw Read.refused(in, context, VitalSignsRecorded.class, refused);
            }
        }
    }

    /** One component each, as Jackson's serializer for its type writes it. */
    private static final class Write {

        private Write() {}

        /** The components every record starts with, in its declaration order. */
        static void origin(JsonGenerator out, ClinicalRecord record, Instant observedAt) {
            uuid(out, EVENT_ID, record.eventId());
            text(out, PATIENT_ID, record.patientId());
            instant(out, OBSERVED_AT, observedAt);
            instant(out, RECEIVED_AT, record.receivedAt());
            text(out, SOURCE_SYSTEM, record.sourceSystem());
            text(out, SOURCE_MESSAGE_ID, record.sourceMessageId());
        }

        static void uuid(JsonGenerator out, SerializableString name, UUID id) {
            out.writeName(name);
            var bytes = new byte[16];
            putLong(bytes, 0, id.getMostSignificantBits());
            putLong(bytes, 8, id.getLeastSignificantBits());
            out.writeBinary(bytes);
        }

        static void text(JsonGenerator out, SerializableString name, @Nullable String text) {
            out.writeName(name);
            if (text == null) {
                out.writeNull();
            } else {
                out.writeString(text);
            }
        }

        static void instant(JsonGenerator out, SerializableString name, Instant instant) {
            out.writeName(name);
            var text = IsoInstants.format(instant);
            out.writeString(text == null ? instant.toString() : text);
        }

        static void decimal(JsonGenerator out, SerializableString name, @Nullable BigDecimal decimal) {
            out.writeName(name);
            if (decimal == null) {
                out.writeNull();
            } else {
                out.writeNumber(decimal);
            }
        }

        static void constant(JsonGenerator out, SerializableString name, @Nullable Enum<?> constant) {
            out.writeName(name);
            if (constant == null) {
                out.writeNull();
            } else {
                out.writeString(constant.name());
            }
        }

        private static void putLong(byte[] bytes, int at, long value) {
            for (int i = 7; i >= 0; i--) {
                bytes[at + i] = (byte) value;
                value >>>= 8;
            }
        }
    }

    /**
     * One component each, from the token the parser stands on. The shape written is read here; any other shape goes
     * to Jackson's deserializer for the type, so it is accepted or refused exactly as before.
     */
    private static final class Read {

        static final Map<String, ResultStatus> RESULT_STATUSES = byName(ResultStatus.values());
        static final Map<String, ValueComparator> COMPARATORS = byName(ValueComparator.values());
        static final Map<String, TimePrecision> PRECISIONS = byName(TimePrecision.values());
        static final Map<String, OxygenDevice> OXYGEN_DEVICES = byName(OxygenDevice.values());
        static final Map<String, SpecimenCondition> SPECIMEN_CONDITIONS = byName(SpecimenCondition.values());

        private Read() {}

        /** The first component's name, or null for an empty object; refuses anything but an object. */
        static @Nullable String firstName(JsonParser in, DeserializationContext context, Class<?> type) {
            if (in.hasToken(JsonToken.START_OBJECT)) {
                return in.nextName();
            }
            if (in.hasToken(JsonToken.PROPERTY_NAME)) {
                return in.currentName();
            }
            return (String) context.handleUnexpectedToken(type, in);
        }

        static UUID uuid(JsonParser in, DeserializationContext context) {
            if (in.hasToken(JsonToken.VALUE_EMBEDDED_OBJECT)) {
                byte[] bytes = in.getBinaryValue();
                if (bytes.length == 16) {
                    return new UUID(getLong(bytes, 0), getLong(bytes, 8));
                }
            }
            return context.readValue(in, UUID.class);
        }

        static @Nullable String text(JsonParser in, DeserializationContext context) {
            if (in.hasToken(JsonToken.VALUE_STRING)) {
                return in.getString();
            }
            if (in.hasToken(JsonToken.VALUE_NULL)) {
                return null;
            }
            return context.readValue(in, String.class);
        }

        static @Nullable Instant instant(JsonParser in, DeserializationContext context) {
            if (in.hasToken(JsonToken.VALUE_STRING)) {
                Instant parsed = IsoInstants.parse(in.getString());
                if (parsed != null) {
                    return parsed;
                }
            }
            if (in.hasToken(JsonToken.VALUE_NULL)) {
                return null;
            }
            return context.readValue(in, Instant.class);
        }

        static @Nullable BigDecimal decimal(JsonParser in, DeserializationContext context) {
            if (in.hasToken(JsonToken.VALUE_NUMBER_FLOAT) || in.hasToken(JsonToken.VALUE_NUMBER_INT)) {
                return in.getDecimalValue();
            }
            if (in.hasToken(JsonToken.VALUE_NULL)) {
                return null;
            }
            return context.readValue(in, BigDecimal.class);
        }

        static <E extends Enum<E>> @Nullable E constant(
                JsonParser in, DeserializationContext context, Class<E> type, Map<String, E> byName) {
            if (in.hasToken(JsonToken.VALUE_STRING)) {
                E constant = byName.get(in.getString());
                if (constant != null) {
                    return constant;
                }
            }
            if (in.hasToken(JsonToken.VALUE_NULL)) {
                return null;
            }
            return context.readValue(in, type);
        }

        static @Nullable ReferenceRange range(JsonParser in, DeserializationContext context) {
            if (in.hasToken(JsonToken.VALUE_NULL)) {
                return null;
            }
            if (!in.hasToken(JsonToken.START_OBJECT)) {
                return context.readValue(in, ReferenceRange.class);
            }
            BigDecimal low = null;
            BigDecimal high = null;
            for (String name = in.nextName(); name != null; name = in.nextName()) {
                in.nextToken();
                switch (name) {
                    case "low" -> low = decimal(in, context);
                    case "high" -> high = decimal(in, context);
                    default -> in.skipChildren();
                }
            }
            return new ReferenceRange(low, high);
        }

        static @Nullable List<String> flags(JsonParser in, DeserializationContext context) {
            return list(in, context, String.class, Read::text);
        }

        static @Nullable List<SpecimenCondition> conditions(JsonParser in, DeserializationContext context) {
            return list(
                    in,
                    context,
                    SpecimenCondition.class,
                    (parser, ctx) -> constant(parser, ctx, SpecimenCondition.class, SPECIMEN_CONDITIONS));
        }

        /** An array read element by element; anything but an array or null is Jackson's to read as a list. */
        private static <E> @Nullable List<E> list(
                JsonParser in,
                DeserializationContext context,
                Class<E> type,
                BiFunction<JsonParser, DeserializationContext, @Nullable E> element) {
            if (!in.hasToken(JsonToken.START_ARRAY)) {
                return in.hasToken(JsonToken.VALUE_NULL)
                        ? null
                        : context.readValue(in, context.getTypeFactory().constructCollectionType(List.class, type));
            }
            if (in.nextToken() == JsonToken.END_ARRAY) {
                return List.of();
            }
            var elements = new ArrayList<E>();
            do {
                elements.add(element.apply(in, context));
            } while (in.nextToken() != JsonToken.END_ARRAY);
            return elements;
        }

        /** What Jackson throws when a record's constructor refuses its components. */
        static ValueInstantiationException refused(
                JsonParser in, DeserializationContext context, Class<?> type, RuntimeException cause) {
            return ValueInstantiationException.from(
                    in,
                    "Cannot construct instance of " + type.getName() + ", problem: " + cause.getMessage(),
                    context.constructType(type),
                    cause);
        }

        private static long getLong(byte[] bytes, int at) {
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (bytes[at + i] & 0xff);
            }
            return value;
        }

        private static <E extends Enum<E>> Map<String, E> byName(E[] constants) {
            var byName = new HashMap<String, E>();
            for (E constant : constants) {
                byName.put(constant.name(), constant);
            }
            return Map.copyOf(byName);
        }
    }
}
