package io.dualwrite.sample.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The writes scenario, then what the agent publishes about it, read from inside the application's JVM as a
 * monitoring tool would: the MBean {@code io.dualwrite:type=Agent} and, when {@code SAMPLE_METRICS_URL} is
 * set, the Prometheus endpoint. Prints {@code metrics: jmx NAME=VALUE} and {@code metrics: http LINE}.
 */
final class MetricsScenario implements Scenario {

    private static final String[] ATTRIBUTES = {"WritesSeen", "WritesApplied", "WritesJournaled",
        "JournalBacklogRecords", "ReplicationLagMillis", "CircuitState"};

    @Override
    public void run(ScenarioContext context) throws SQLException {
        new WritesScenario().run(context);
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName agent = new ObjectName("io.dualwrite:type=Agent");
            for (String attribute : ATTRIBUTES) {
                System.out.println("metrics: jmx " + attribute + "=" + server.getAttribute(agent, attribute));
            }
        } catch (JMException e) {
            System.out.println("metrics: jmx unavailable: " + e);
        }
        String url = System.getenv("SAMPLE_METRICS_URL");
        if (url != null) {
            printEndpoint(url);
        }
    }

    private static void printEndpoint(String url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(5_000);
            System.out.println("metrics: http status " + connection.getResponseCode());
            try (InputStream body = connection.getInputStream()) {
                for (String line : new String(body.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    System.out.println("metrics: http " + line);
                }
            }
        } catch (IOException e) {
            System.out.println("metrics: http unavailable: " + e);
        }
    }
}
