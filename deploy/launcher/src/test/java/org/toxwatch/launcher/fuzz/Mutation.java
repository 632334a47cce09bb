package org.toxwatch.launcher.fuzz;

/** One named change to a sample, replayable: the same kind and seed change the same sample the same way. */
public record Mutation(String kind, long seed) {

    @Override
    public String toString() {
        return kind;
    }
}
