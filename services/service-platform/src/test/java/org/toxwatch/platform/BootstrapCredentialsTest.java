package org.toxwatch.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootstrapCredentialsTest {

    @TempDir
    Path data;

    @Test
    void generatesDistinctRandomPasswordsAndWritesThemOwnerOnly() throws Exception {
        Path file = data.resolve("bootstrap-credentials");

        var credentials = BootstrapCredentials.resolve(name -> null, file);

        assertThat(credentials.generated()).isTrue();
        assertThat(credentials.passwordByUser()).containsOnlyKeys("integration", "clinician", "operator");
        assertThat(Set.copyOf(credentials.passwordByUser().values())).hasSize(3);
        assertThat(credentials.passwordByUser().values())
                .allSatisfy(p -> assertThat(p).hasSizeGreaterThanOrEqualTo(20));
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void aLaterStartReusesTheWrittenPasswords() {
        Path file = data.resolve("bootstrap-credentials");
        var first = BootstrapCredentials.resolve(name -> null, file);

        var second = BootstrapCredentials.resolve(name -> null, file);

        assertThat(second.generated()).isFalse();
        assertThat(second.passwordByUser()).isEqualTo(first.passwordByUser());
    }

    @Test
    void environmentVariablesWinAndAreNeverWrittenToTheFile() {
        Path file = data.resolve("bootstrap-credentials");
        Map<String, String> environment = Map.of(
                "TOXWATCH_BOOTSTRAP_INTEGRATION_PASSWORD", "from-env-1",
                "TOXWATCH_BOOTSTRAP_CLINICIAN_PASSWORD", "from-env-2",
                "TOXWATCH_BOOTSTRAP_OPERATOR_PASSWORD", "from-env-3");

        var credentials = BootstrapCredentials.resolve(environment::get, file);

        assertThat(credentials.generated()).isFalse();
        assertThat(credentials.passwordByUser())
                .containsExactly(
                        Map.entry("integration", "from-env-1"),
                        Map.entry("clinician", "from-env-2"),
                        Map.entry("operator", "from-env-3"));
        assertThat(file).doesNotExist();
        assertThat(credentials.asEnvironment()).isEqualTo(environment);
    }
}
