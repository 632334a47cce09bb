package org.toxwatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The local launcher keeps its services running: a killed one is reported, restarted and healthy again. */
@ExtendWith(RunningPlatform.Shared.class)
class ServiceSupervisionIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aServiceKilledWithSigkillIsReportedRestartedAndLiveAndReadyAgain() {
        var running = RunningPlatform.shared();
        var platform = running.platform();
        ServiceProcess killed = platform.service(ServiceKind.INGEST);
        long monitoring = platform.service(ServiceKind.MONITORING).pid();
        long alerting = platform.service(ServiceKind.ALERTING).pid();
        int restartsBefore = platform.restarts(ServiceKind.INGEST);

        assertThat(ProcessHandle.of(killed.pid()).orElseThrow().destroyForcibly())
                .isTrue();

        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> platform.service(ServiceKind.INGEST).pid() != killed.pid()
                        && running.liveAndReady(ServiceKind.INGEST, http));
        assertThat(platform.restarts(ServiceKind.INGEST)).isEqualTo(restartsBefore + 1);
        assertThat(running.console())
                .anySatisfy(line -> assertThat(line)
                        .contains("ingest-service died: exit code 137 (killed by SIGKILL)")
                        .contains("restarting in 1000 ms"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> running.console().stream()
                        .anyMatch(line -> line.contains("ingest-service restarted and ready")));
        assertThat(platform.service(ServiceKind.MONITORING).pid())
                .as("the other services run on untouched")
                .isEqualTo(monitoring);
        assertThat(platform.service(ServiceKind.ALERTING).pid()).isEqualTo(alerting);
    }
}
