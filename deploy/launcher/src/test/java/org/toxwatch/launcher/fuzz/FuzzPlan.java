package org.toxwatch.launcher.fuzz;

/**
 * Which inputs a fuzz run sends: on each entry point, inputs {@code 0 .. inputs-1}, each rebuilt from the run's
 * seed and its index, so a shorter run sends the first inputs of a longer one with the same seed. Input 1 and then
 * every {@link #hugeEvery()}-th carry one of the huge values: five per entry point, however long the run, up to one
 * in 2,000 inputs.
 *
 * @param inputs per entry point
 */
public record FuzzPlan(long seed, int inputs) {

    /** What {@code ./mvnw verify} sends per entry point: enough for every kind of attack (FuzzPlanTest). */
    public static final int CI_INPUTS = 3_000;

    public static final long DEFAULT_SEED = 20_261_205L;

    private static final int HUGE_PER_ENTRY_POINT = 5;
    private static final int HUGE_AT_MOST_EVERY = 2_000;

    public FuzzPlan {
        if (inputs < 1) {
            throw new IllegalArgumentException("a fuzz run sends at least one input per entry point");
        }
    }

    /** The plan the system properties ask for: {@code toxwatch.fuzz.inputs} and {@code toxwatch.fuzz.seed}. */
    public static FuzzPlan fromSystemProperties() {
        return new FuzzPlan(
                Long.getLong("toxwatch.fuzz.seed", DEFAULT_SEED),
                Integer.getInteger("toxwatch.fuzz.inputs", CI_INPUTS));
    }

    public int hugeEvery() {
        return Math.max(2, Math.min(HUGE_AT_MOST_EVERY, inputs / HUGE_PER_ENTRY_POINT));
    }

    public boolean huge(int index) {
        return index % hugeEvery() == 1;
    }

    public long seedOf(EntryPoint entryPoint, int index) {
        return seed * 1_000_003L + entryPoint.ordinal() * 1_000_000_000L + index;
    }

    /** Input {@code index} of {@code entryPoint}; the huge ones take each huge shape in turn. */
    public FuzzInput input(EntryPoint entryPoint, int index, JsonInputs json, Hl7Inputs hl7) {
        long inputSeed = seedOf(entryPoint, index);
        if (!huge(index)) {
            return entryPoint == EntryPoint.HL7
                    ? hl7.generate(inputSeed, false)
                    : json.generate(entryPoint, inputSeed, false);
        }
        int shape = index / hugeEvery();
        return entryPoint == EntryPoint.HL7
                ? hl7.generateHuge(inputSeed, shape)
                : json.generateHuge(entryPoint, inputSeed, shape);
    }
}
