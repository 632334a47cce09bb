package org.toxwatch.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Passwords of the local-run users {@code integration}, {@code clinician} and {@code operator}. Each comes
 * from {@code TOXWATCH_BOOTSTRAP_<USER>_PASSWORD}, else from the credentials file an earlier start wrote,
 * else it is generated at random and written to that file with owner-only permissions. There is never a
 * fixed default password. Plain Java so the launcher resolves them once and hands them to every service.
 */
public final class BootstrapCredentials {

    public static final String INTEGRATION_USER = "integration";
    public static final String CLINICIAN_USER = "clinician";
    public static final String OPERATOR_USER = "operator";

    private static final Map<String, String> ROLE_BY_USER = Map.of(
            INTEGRATION_USER, Roles.INTEGRATION,
            CLINICIAN_USER, Roles.CLINICIAN,
            OPERATOR_USER, Roles.OPERATOR);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> passwordByUser;
    private final boolean generated;

    private BootstrapCredentials(Map<String, String> passwordByUser, boolean generated) {
        this.passwordByUser = Map.copyOf(passwordByUser);
        this.generated = generated;
    }

    /**
     * Resolves the passwords.
     *
     * @param environment looks up an environment variable (or a property of that name)
     * @param file where generated passwords are kept, e.g. {@code data/bootstrap-credentials}
     */
    public static synchronized BootstrapCredentials resolve(UnaryOperator<@Nullable String> environment, Path file) {
        Properties stored = read(file);
        var passwords = new LinkedHashMap<String, String>();
        boolean generated = false;
        for (String user : new String[] {INTEGRATION_USER, CLINICIAN_USER, OPERATOR_USER}) {
            String fromEnvironment = environment.apply(environmentVariableOf(user));
            String fromFile = stored.getProperty(user);
            if (fromEnvironment != null && !fromEnvironment.isBlank()) {
                passwords.put(user, fromEnvironment);
            } else if (fromFile != null && !fromFile.isBlank()) {
                passwords.put(user, fromFile);
            } else {
                passwords.put(user, randomPassword());
                generated = true;
            }
        }
        if (generated) {
            write(file, passwords);
        }
        return new BootstrapCredentials(passwords, generated);
    }

    public static String environmentVariableOf(String user) {
        return "TOXWATCH_BOOTSTRAP_" + user.toUpperCase(java.util.Locale.ROOT) + "_PASSWORD";
    }

    public static String roleOf(String user) {
        return ROLE_BY_USER.get(user);
    }

    /** User name to password, in the order integration, clinician, operator. */
    public Map<String, String> passwordByUser() {
        var ordered = new LinkedHashMap<String, String>();
        for (String user : new String[] {INTEGRATION_USER, CLINICIAN_USER, OPERATOR_USER}) {
            ordered.put(user, passwordByUser.get(user));
        }
        return ordered;
    }

    /** Whether this start generated at least one password (and so should print it once). */
    public boolean generated() {
        return generated;
    }

    /** The variables that hand these passwords to a child process. */
    public Map<String, String> asEnvironment() {
        var environment = new LinkedHashMap<String, String>();
        passwordByUser.forEach((user, password) -> environment.put(environmentVariableOf(user), password));
        return environment;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Properties read(Path file) {
        var properties = new Properties();
        if (Files.isReadable(file)) {
            try (var reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + file, e);
            }
        }
        return properties;
    }

    private static void write(Path file, Map<String, String> passwords) {
        OwnerOnlyFiles.newFile(file);
        var properties = new Properties();
        properties.putAll(passwords);
        try (var writer = Files.newBufferedWriter(file)) {
            properties.store(writer, "ToxWatch local-run users (generated; delete this file to generate new ones)");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
