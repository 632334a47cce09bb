package org.toxwatch.launcher;

/** The three services, with the environment variable that sets each one's HTTP port. */
public enum ServiceKind {
    INGEST("ingest-service", "INGEST_HTTP_PORT", 8081),
    MONITORING("monitoring-service", "MONITORING_HTTP_PORT", 8082),
    ALERTING("alerting-service", "ALERTING_HTTP_PORT", 8083);

    private final String artifactId;
    private final String portVariable;
    private final int defaultPort;

    ServiceKind(String artifactId, String portVariable, int defaultPort) {
        this.artifactId = artifactId;
        this.portVariable = portVariable;
        this.defaultPort = defaultPort;
    }

    public String artifactId() {
        return artifactId;
    }

    public String portVariable() {
        return portVariable;
    }

    public int defaultPort() {
        return defaultPort;
    }
}
