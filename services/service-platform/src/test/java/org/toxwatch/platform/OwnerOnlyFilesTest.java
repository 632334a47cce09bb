package org.toxwatch.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyFilesTest {

    @TempDir
    Path temp;

    @BeforeEach
    void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    }

    @Test
    void createsTheDirectoryAndItsMissingParentsOwnerOnly() throws Exception {
        Path data = temp.resolve("data");

        OwnerOnlyFiles.directory(data.resolve("kafka"));

        assertThat(Files.getPosixFilePermissions(data)).isEqualTo(OwnerOnlyFiles.DIRECTORY);
        assertThat(Files.getPosixFilePermissions(data.resolve("kafka"))).isEqualTo(OwnerOnlyFiles.DIRECTORY);
    }

    @Test
    void tightensADataDirectoryAnEarlierRunLeftWorldReadable() throws Exception {
        Path data = Files.createDirectory(temp.resolve("data"), worldReadable("rwxr-xr-x"));
        Path segments = Files.createDirectories(data.resolve("kafka/clinical.lab-results.v1-0"));
        Files.setPosixFilePermissions(segments, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path segment = Files.writeString(segments.resolve("00000000000000000000.log"), "synthetic");
        Files.setPosixFilePermissions(segment, PosixFilePermissions.fromString("rw-r--r--"));
        Path store =
                Files.writeString(Files.createDirectory(data.resolve("mongo")).resolve("toxwatch.mv"), "x");
        Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("rw-rw-rw-"));

        OwnerOnlyFiles.tree(data);

        try (var paths = Files.walk(data)) {
            assertThat(paths.toList())
                    .hasSize(6)
                    .allSatisfy(path -> assertThat(Files.getPosixFilePermissions(path))
                            .as(path.toString())
                            .isEqualTo(Files.isDirectory(path) ? OwnerOnlyFiles.DIRECTORY : OwnerOnlyFiles.FILE));
        }
    }

    @Test
    void aFileCreatedLaterWithTheUmaskIsStillOutOfOtherUsersReachBecauseItsDirectoryIsClosed() throws Exception {
        Path data = OwnerOnlyFiles.tree(temp.resolve("data"));

        Path later = Files.writeString(data.resolve("later.log"), "written by a library with umask 022");

        assertThat(Files.getPosixFilePermissions(later.getParent()))
                .as("no group or other may traverse into the data directory")
                .isEqualTo(OwnerOnlyFiles.DIRECTORY);
    }

    @Test
    void replacesAFileWithAnEmptyOwnerOnlyOne() throws Exception {
        Path file = Files.writeString(temp.resolve("secret-key"), "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        OwnerOnlyFiles.newFile(file);

        assertThat(file).isEmptyFile();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(OwnerOnlyFiles.FILE);
    }

    private static java.nio.file.attribute.FileAttribute<?> worldReadable(String permissions) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
    }
}
