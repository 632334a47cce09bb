package org.toxwatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toxwatch.infrastructure.EmbeddedKafkaBroker;
import org.toxwatch.infrastructure.EmbeddedMongoServer;

/**
 * The local run's data directory as the launcher keeps it: the real Kafka broker and MongoDB-wire store write into
 * a directory nobody else may enter, and after a clean stop every directory is {@code rwx------} and every file
 * {@code rw-------}, whatever umask they were created with.
 */
class OwnerOnlyDataIT {

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    @TempDir
    Path temp;

    @Test
    void whatTheBrokerAndTheStoreWriteIsTheAccountsAloneWhileRunningAndAfterTheStop() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path data = temp.resolve("data");

        ToxWatchLauncher.ownerOnly(data);
        try (var broker = EmbeddedKafkaBroker.start(data.resolve("kafka"), 0);
                var mongo = EmbeddedMongoServer.start(data.resolve("mongo"), 0)) {
            broker.createTopics(List.of("clinical.owner-only-check.v1"), 1);

            assertThat(Files.getPosixFilePermissions(data))
                    .as("while running, no other account can enter the data directory")
                    .isEqualTo(DIRECTORY);
            assertThat(filesUnder(data))
                    .as("the broker and the store wrote their files")
                    .isNotEmpty();
        }
        ToxWatchLauncher.ownerOnly(data);

        try (Stream<Path> paths = Files.walk(data)) {
            assertThat(paths.toList())
                    .hasSizeGreaterThan(5)
                    .allSatisfy(path -> assertThat(Files.getPosixFilePermissions(path))
                            .as(data.relativize(path).toString())
                            .isEqualTo(Files.isDirectory(path) ? DIRECTORY : FILE));
        }
    }

    private static List<Path> filesUnder(Path data) throws Exception {
        try (Stream<Path> paths = Files.walk(data)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }
}
