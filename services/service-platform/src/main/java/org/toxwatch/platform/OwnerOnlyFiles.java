package org.toxwatch.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Set;

/**
 * Keeps local data (Kafka logs, the MongoDB-wire store, Streams state, service logs, generated passwords and
 * keys) readable by the account that runs ToxWatch alone: directories {@code rwx------}, files {@code rw-------}.
 * A directory that is owner-only also guards what other code creates inside it later with the process umask
 * (Kafka segments, H2 files), since nobody else can traverse into it. On a file system without POSIX
 * permissions (Windows) nothing is changed: there the folder's ACL decides.
 */
public final class OwnerOnlyFiles {

    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {}

    /**
     * Creates the directory if needed, each missing parent owner-only as well, and makes the directory itself
     * owner-only. Parents that already exist are left as they are.
     */
    public static Path directory(Path directory) {
        Path absolute = directory.toAbsolutePath();
        var missing = new ArrayDeque<Path>();
        for (Path step = absolute; step != null && !Files.isDirectory(step); step = step.getParent()) {
            missing.push(step);
        }
        try {
            for (Path step : missing) {
                Files.createDirectories(step);
                restrict(step, DIRECTORY);
            }
            restrict(absolute, DIRECTORY);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the owner-only directory " + directory, e);
        }
    }

    /**
     * Makes the directory owner-only and tightens everything already below it (left by an earlier version or
     * created since with the umask). Symbolic links are not followed.
     */
    public static Path tree(Path root) {
        directory(root);
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                    restrict(dir, DIRECTORY);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    if (attributes.isRegularFile()) {
                        restrict(file, FILE);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // Deleted meanwhile (a Kafka segment rolled away): nothing left to protect.
                    return FileVisitResult.CONTINUE;
                }
            });
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("could not restrict " + root + " to its owner", e);
        }
    }

    /** Creates an empty owner-only file, replacing any file of that name, in an owner-only parent directory. */
    public static Path newFile(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            directory(parent);
        }
        try {
            Files.deleteIfExists(file);
            Files.createFile(file);
            restrict(file, FILE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + file, e);
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(path).equals(permissions)) {
                Files.setPosixFilePermissions(path, permissions);
            }
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the ACL inherited from the folder applies.
        }
    }
}
