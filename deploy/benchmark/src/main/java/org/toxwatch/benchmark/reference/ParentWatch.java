package org.toxwatch.benchmark.reference;

/** A reference JVM ends with the benchmark that started it, however that one ended. */
final class ParentWatch {

    private ParentWatch() {}

    static void exitWithParent() {
        ProcessHandle.current()
                .parent()
                .ifPresent(parent ->
                        parent.onExit().thenRun(() -> Runtime.getRuntime().halt(1)));
    }
}
