package org.toxwatch.launcher.fuzz;

import static org.toxwatch.launcher.fuzz.JsonTree.array;
import static org.toxwatch.launcher.fuzz.JsonTree.object;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.LongUnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Inputs for ToxWatch's JSON API and for FHIR R4, each a valid sample (observations, arrays, therapy
 * events, neuro assessments; FHIR Observations, MedicationAdministrations, transaction and batch Bundles)
 * with up to three seeded mutations. Identifiers carry the seed, so every input is a new message.
 */
public final class JsonInputs {

    /** A lab test ToxWatch grades, with its canonical unit and a plausible range of values. */
    private record Lab(String loinc, String unit, double low, double high) {}

    private static final List<Lab> LABS = List.of(
            new Lab("751-8", "10*9/L", 0.05, 8),
            new Lab("777-3", "10*9/L", 5, 400),
            new Lab("1742-6", "U/L", 5, 900),
            new Lab("1975-2", "umol/L", 2, 150),
            new Lab("718-7", "g/L", 50, 170),
            new Lab("8310-5", "Cel", 35.5, 41.5),
            new Lab("2160-0", "umol/L", 40, 600));

    private final Instant now;

    public JsonInputs(Instant now) {
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
    }

    /** A new input for the entry point (JSON or FHIR); {@code huge} adds one of the few huge values. */
    public FuzzInput generate(EntryPoint entryPoint, long seed, boolean huge) {
        return generate(entryPoint, seed, huge ? LongUnaryOperator.identity() : null);
    }

    /** A new input for the entry point carrying huge value number {@code shape} of {@link Hostile#huge}. */
    public FuzzInput generateHuge(EntryPoint entryPoint, long seed, int shape) {
        return generate(entryPoint, seed, hugeSeed -> Hostile.withHugeShape(hugeSeed, shape % Hostile.HUGE_SHAPES));
    }

    private FuzzInput generate(EntryPoint entryPoint, long seed, @Nullable LongUnaryOperator huge) {
        var random = new Random(seed ^ 0x5DEECE66DL);
        var mutations = new ArrayList<Mutation>();
        int count = random.nextInt(12) == 0 ? 0 : 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            mutations.add(
                    entryPoint == EntryPoint.FHIR && random.nextInt(12) == 0
                            ? new Mutation(
                                    random.nextBoolean() ? "null-resource" : "reuse-message-id", random.nextLong())
                            : random.nextInt(15) == 0
                                    ? new Mutation("reuse-message-id", random.nextLong())
                                    : JsonMutations.any(random, false));
        }
        if (huge != null) {
            mutations.add(new Mutation("huge-value", huge.applyAsLong(random.nextLong())));
        }
        return build(entryPoint, seed, mutations, "");
    }

    /** The input of that sample with these mutations; {@code salt} makes its identifiers new again. */
    public FuzzInput build(EntryPoint entryPoint, long sampleSeed, List<Mutation> mutations, String salt) {
        var random = new Random(sampleSeed);
        String tag = Long.toHexString(sampleSeed) + salt;
        Sample sample = entryPoint == EntryPoint.FHIR ? fhirSample(random, tag) : jsonSample(random, tag);
        Object root = sample.document();
        for (Mutation mutation : mutations) {
            if (!JsonMutations.onText(mutation)) {
                root = applyToTree(root, mutation);
            }
        }
        String text = JsonTree.write(root);
        for (Mutation mutation : mutations) {
            if (JsonMutations.onText(mutation)) {
                text = JsonMutations.applyToText(text, mutation);
            }
        }
        return new FuzzInput(
                entryPoint,
                sample.path(),
                JsonMutations.encode(text, mutations),
                sample.name(),
                sampleSeed,
                List.copyOf(mutations));
    }

    private static Object applyToTree(Object root, Mutation mutation) {
        var random = new Random(mutation.seed());
        switch (mutation.kind()) {
            case "null-resource" -> {
                JsonTree.locations(root, l -> l.name().equals("resource")).stream()
                        .findFirst()
                        .ifPresent(l -> l.set(null));
                return root;
            }
            case "reuse-message-id" -> {
                // Few ids for many contents: the same id comes back with a different value.
                String reused = "fz-reused-" + random.nextInt(40);
                JsonTree.locations(
                                root,
                                l -> l.name().equals("sourceMessageId")
                                        || l.container() instanceof Map<?, ?> map
                                                && map.containsKey("system")
                                                && l.name().equals("value"))
                        .forEach(l -> l.set(reused));
                return root;
            }
            default -> {
                return JsonMutations.applyToTree(root, mutation);
            }
        }
    }

    record Sample(String name, String path, Object document) {}

    private Sample jsonSample(Random random, String tag) {
        String patient = "FZ-" + tag;
        return switch (random.nextInt(8)) {
            case 0, 1, 2, 3 -> new Sample("observation", "/api/v1/observations", observation(random, patient, tag, 0));
            case 4, 5 -> {
                var items = array();
                int size = 2 + random.nextInt(3);
                for (int i = 0; i < size; i++) {
                    items.add(observation(random, patient, tag, i));
                }
                yield new Sample("observation-array", "/api/v1/observations", items);
            }
            case 6 ->
                new Sample(
                        "therapy-event",
                        "/api/v1/therapy-events",
                        object(
                                "patientId",
                                patient,
                                "type",
                                "CAR_T_INFUSED",
                                "therapy",
                                "CAR_T",
                                "product",
                                "tisagenlecleucel",
                                "occurredAt",
                                past(random, Duration.ofDays(20)).toString(),
                                "sourceMessageId",
                                "fz-mar-" + tag));
            default ->
                new Sample(
                        "neuro-assessment",
                        "/api/v1/neuro-assessments",
                        object(
                                "patientId",
                                patient,
                                "assessedAt",
                                past(random, Duration.ofHours(12)).toString(),
                                "iceScore",
                                random.nextInt(11),
                                "consciousness",
                                "ALERT",
                                "seizure",
                                "NONE",
                                "motor",
                                "NONE",
                                "icp",
                                "NONE",
                                "sourceMessageId",
                                "fz-neuro-" + tag));
        };
    }

    private Map<String, Object> observation(Random random, String patient, String tag, int item) {
        Lab lab = Hostile.pick(random, LABS);
        var observation = object(
                "patientId", patient,
                "loinc", lab.loinc(),
                "value", value(random, lab),
                "unit", lab.unit(),
                "effectiveTime", past(random, Duration.ofHours(48)).toString(),
                "sourceMessageId", "fz-" + tag + "-" + item);
        if (random.nextBoolean()) {
            observation.put("referenceRange", object("low", lab.low() * 2, "high", lab.high() / 2));
        }
        return observation;
    }

    private Sample fhirSample(Random random, String tag) {
        String patient = "FZ-" + tag;
        return switch (random.nextInt(6)) {
            case 0, 1, 2 ->
                new Sample("fhir-observation", "/fhir/Observation", fhirObservation(random, patient, tag, 0));
            case 3 ->
                new Sample(
                        "fhir-medication-administration",
                        "/fhir/MedicationAdministration",
                        object(
                                "resourceType", "MedicationAdministration",
                                "identifier", array(object("system", "urn:fuzz:mar", "value", "MAR-" + tag)),
                                "status", "completed",
                                "medicationCodeableConcept",
                                        object("text", "Kymriah (tisagenlecleucel) suspension for IV infusion"),
                                "subject", object("reference", "Patient/" + patient),
                                "effectiveDateTime",
                                        past(random, Duration.ofDays(10)).toString()));
            default -> {
                var entries = array();
                int size = 1 + random.nextInt(3);
                for (int i = 0; i < size; i++) {
                    entries.add(object(
                            "fullUrl", "urn:uuid:" + new UUID(random.nextLong(), random.nextLong()),
                            "resource", fhirObservation(random, patient, tag, i),
                            "request", object("method", "POST", "url", "Observation")));
                }
                yield new Sample(
                        "fhir-bundle",
                        "/fhir",
                        object(
                                "resourceType",
                                "Bundle",
                                "type",
                                random.nextBoolean() ? "transaction" : "batch",
                                "entry",
                                entries));
            }
        };
    }

    private Map<String, Object> fhirObservation(Random random, String patient, String tag, int item) {
        Lab lab = Hostile.pick(random, LABS);
        var quantity = object(
                "value",
                value(random, lab),
                "unit",
                lab.unit(),
                "system",
                "http://unitsofmeasure.org",
                "code",
                lab.unit());
        var observation = object(
                "resourceType", "Observation",
                "identifier", array(object("system", "urn:fuzz:lis", "value", "FZ-" + tag + "-" + item)),
                "status", "final",
                "category",
                        array(object(
                                "coding",
                                array(object(
                                        "system", "http://terminology.hl7.org/CodeSystem/observation-category",
                                        "code", "laboratory")))),
                "code", object("coding", array(object("system", "http://loinc.org", "code", lab.loinc()))),
                "subject", object("reference", "Patient/" + patient),
                "effectiveDateTime", past(random, Duration.ofHours(48)).toString(),
                "valueQuantity", quantity);
        if (random.nextBoolean()) {
            observation.put("issued", past(random, Duration.ofHours(1)).toString());
        }
        return observation;
    }

    private static BigDecimal value(Random random, Lab lab) {
        double value = lab.low() + random.nextDouble() * (lab.high() - lab.low());
        return BigDecimal.valueOf(value).setScale(lab.high() < 20 ? 2 : 0, RoundingMode.HALF_UP);
    }

    private Instant past(Random random, Duration within) {
        return now.minusSeconds(60 + (long) (random.nextDouble() * within.toSeconds()));
    }
}
