package org.toxwatch.platform;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a service whose launching process has gone. The launcher names itself in {@code TOXWATCH_PARENT_PID};
 * if it is killed outright (no chance to stop its children), the service exits gracefully instead of
 * lingering and holding its ports. Without the variable, nothing is watched.
 */
final class ParentProcessWatch {

    static final String PARENT_PID = "TOXWATCH_PARENT_PID";

    private static final Logger log = LoggerFactory.getLogger(ParentProcessWatch.class);

    /** Runs {@code onParentExit} once the process named by {@code parentPid} has exited. */
    static boolean watch(String parentPid, Runnable onParentExit) {
        Optional<ProcessHandle> parent;
        try {
            parent = ProcessHandle.of(Long.parseLong(parentPid.trim()));
        } catch (NumberFormatException e) {
            log.warn("{} is not a process id; not watching the parent", PARENT_PID);
            return false;
        }
        if (parent.isEmpty()) {
            onParentExit.run();
            return true;
        }
        parent.get().onExit().thenRun(() -> {
            log.warn("The launching process exited; stopping");
            onParentExit.run();
        });
        return true;
    }

    private ParentProcessWatch() {}
}
