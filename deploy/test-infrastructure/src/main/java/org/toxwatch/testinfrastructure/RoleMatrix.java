package org.toxwatch.testinfrastructure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's row of the role matrix, read from a CSV test resource, and the walk that checks it over real HTTP:
 * every route is called with no credentials, with wrong credentials and as each role, and every answer that
 * differs from the matrix is reported. A route is allowed for a caller when the answer is neither 401, 403 nor a
 * redirect to the sign-in page (a 400 or 404 from the route itself is fine: the request got past security).
 *
 * <p>CSV columns: {@code method,path,anonymous,INTEGRATION,CLINICIAN,OPERATOR}, each cell {@code allow} or
 * {@code deny}; {@code #} starts a comment line. Wrong credentials are always refused with 401.
 */
public final class RoleMatrix {

    public static final List<String> ROLES = List.of("INTEGRATION", "CLINICIAN", "OPERATOR");
    private static final List<String> CALLERS = List.of("anonymous", "INTEGRATION", "CLINICIAN", "OPERATOR");

    /** One method on one path, as the OpenAPI document writes it ({@code /api/v1/alerts/{alertId}}). */
    public record Route(String method, String path) implements Comparable<Route> {

        public Route {
            method = method.toUpperCase(Locale.ROOT);
        }

        @Override
        public int compareTo(Route other) {
            int byPath = path.compareTo(other.path);
            return byPath != 0 ? byPath : method.compareTo(other.method);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final Map<Route, Set<String>> allowedByRoute;

    private RoleMatrix(Map<Route, Set<String>> allowedByRoute) {
        this.allowedByRoute = allowedByRoute;
    }

    public static RoleMatrix read(InputStream csv) {
        var rows = new LinkedHashMap<Route, Set<String>>();
        try (var reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\\s*,\\s*");
                if (cells.length != 2 + CALLERS.size()) {
                    throw new IllegalArgumentException("role matrix row needs 6 cells: " + line);
                }
                var allowed = new TreeSet<String>();
                for (int i = 0; i < CALLERS.size(); i++) {
                    switch (cells[2 + i]) {
                        case "allow" -> allowed.add(CALLERS.get(i));
                        case "deny" -> {}
                        default -> throw new IllegalArgumentException("allow or deny, not " + cells[2 + i]);
                    }
                }
                if (rows.put(new Route(cells[0], cells[1]), allowed) != null) {
                    throw new IllegalArgumentException("route twice in the role matrix: " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RoleMatrix(rows);
    }

    public Set<Route> routes() {
        return new TreeSet<>(allowedByRoute.keySet());
    }

    /**
     * Calls every route of the matrix as every caller and returns each difference from the matrix, one line each.
     *
     * @param passwordByRole the local-run password of each role's bootstrap user
     */
    public List<String> walk(String baseUrl, Map<String, String> passwordByRole) {
        var http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        var differences = new ArrayList<String>();
        for (Route route : routes()) {
            URI uri = URI.create(baseUrl + concrete(route.path()));
            Set<String> allowed = allowedByRoute.get(route);
            for (String caller : CALLERS) {
                String authorization = caller.equals("anonymous")
                        ? null
                        : basic(caller.toLowerCase(Locale.ROOT), passwordByRole.get(caller));
                int status = call(http, route.method(), uri, authorization);
                boolean wanted = allowed.contains(caller);
                if (wanted ? refused(status) : !refusedAs(caller, status)) {
                    differences.add(
                            route + " as " + caller + ": " + status + ", matrix says " + (wanted ? "allow" : "deny"));
                }
            }
            int wrong = call(http, route.method(), uri, basic("clinician", "wrong-" + UUID.randomUUID()));
            if (wrong != 401) {
                differences.add(route + " with wrong credentials: " + wrong + ", should be 401");
            }
        }
        return differences;
    }

    /** A denied caller with credentials gets 403; one without gets 401, a sign-in redirect, or 403 (no CSRF token). */
    private static boolean refusedAs(String caller, int status) {
        return caller.equals("anonymous") ? refused(status) : status == 403;
    }

    private static boolean refused(int status) {
        return status == 401 || status == 403 || status == LOGIN_REDIRECT;
    }

    private static final int LOGIN_REDIRECT = -302;

    private static int call(HttpClient http, String method, URI uri, String authorization) {
        var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20));
        boolean withBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        request.method(
                method, withBody ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        if (withBody) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            // Headers only: an allowed event stream never ends, and its status is all the walk needs.
            HttpResponse<InputStream> response = http.sendAsync(
                            request.build(), HttpResponse.BodyHandlers.ofInputStream())
                    .get(30, TimeUnit.SECONDS);
            response.body().close();
            int status = response.statusCode();
            boolean toLogin = status == 302
                    && response.headers().firstValue("Location").orElse("").endsWith("/login");
            return toLogin ? LOGIN_REDIRECT : status;
        } catch (Exception e) {
            throw new IllegalStateException("could not call " + method + " " + uri, e);
        }
    }

    /** A path with every {@code {variable}} filled: ids get a random UUID, anything else a harmless word. */
    static String concrete(String path) {
        var filled = new StringBuilder();
        int at = 0;
        while (true) {
            int open = path.indexOf('{', at);
            if (open < 0) {
                return filled.append(path.substring(at)).toString();
            }
            int close = path.indexOf('}', open);
            String name = path.substring(open + 1, close);
            filled.append(path, at, open);
            filled.append(
                    name.equals("id") || name.endsWith("Id") && !name.equals("patientId")
                            ? UUID.randomUUID().toString()
                            : "role-matrix-" + name);
            at = close + 1;
        }
    }

    /** Every route (method and path) of the service's OpenAPI document, read as an operator. */
    public static Set<Route> describedBy(String baseUrl, String operatorPassword) {
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(baseUrl + "/v3/api-docs"))
                                    .header("Authorization", basic("operator", operatorPassword))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading the API description", e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the API description answered " + response.statusCode());
        }
        var routes = new TreeSet<Route>();
        JsonMapper.builder()
                .build()
                .readTree(response.body())
                .get("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .propertyNames()
                        .forEach(method -> routes.add(new Route(method, path.getKey()))));
        if (routes.isEmpty()) {
            throw new IllegalStateException("the API description names no route");
        }
        return routes;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
