package io.dualwrite.agent.metrics;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dualwrite.agent.config.MetricsConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PrometheusEndpointTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final List<PrometheusEndpoint> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(PrometheusEndpoint::close);
    }

    @Test
    void theEndpointServesEveryCounterInPrometheusTextFormat() throws Exception {
        PrometheusEndpoint endpoint = start(() -> MetricsSnapshotTest.sample().build());

        HttpResponse<String> response = get(endpoint, "/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(PrometheusTextTest.samples(response.body())).containsExactlyElementsOf(
                PrometheusTextTest.SAMPLE_LINES);
        assertThat(response.body()).isEqualTo(PrometheusText.render(MetricsSnapshotTest.sample().build()));
    }

    @Test
    void theRootAndAQueryStringServeTheSameMetrics() throws Exception {
        PrometheusEndpoint endpoint = start(() -> MetricsSnapshotTest.sample().build());
        String metrics = get(endpoint, "/metrics").body();

        assertThat(get(endpoint, "/").body()).isEqualTo(metrics);
        assertThat(get(endpoint, "/metrics?name[]=dualwrite_queue_depth").body()).isEqualTo(metrics);
    }

    @Test
    void eachScrapeReadsAFreshSnapshot() throws Exception {
        AtomicLong seen = new AtomicLong(1);
        PrometheusEndpoint endpoint = start(() -> MetricsSnapshot.builder().seen(seen.get()).build());

        assertThat(get(endpoint, "/metrics").body()).contains("\ndualwrite_writes_seen_total 1\n");
        seen.set(2);
        assertThat(get(endpoint, "/metrics").body()).contains("\ndualwrite_writes_seen_total 2\n");
    }

    @Test
    void aHeadRequestGetsTheHeadersWithoutTheBody() throws Exception {
        PrometheusEndpoint endpoint = start(() -> MetricsSnapshot.builder().build());

        HttpResponse<String> response = send(endpoint, "/metrics", "HEAD", HttpRequest.BodyPublishers.noBody());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void anyOtherPathIsNotFound() throws Exception {
        PrometheusEndpoint endpoint = start(() -> MetricsSnapshot.builder().build());

        assertThat(get(endpoint, "/favicon.ico").statusCode()).isEqualTo(404);
        assertThat(get(endpoint, "/metrics/").statusCode()).isEqualTo(404);
        assertThat(get(endpoint, "/config").statusCode()).isEqualTo(404);
    }

    @Test
    void methodsOtherThanGetAndHeadAreNotAllowed() throws Exception {
        PrometheusEndpoint endpoint = start(() -> MetricsSnapshot.builder().build());

        for (String method : List.of("POST", "PUT", "DELETE")) {
            HttpResponse<String> response = send(endpoint, "/metrics", method,
                    HttpRequest.BodyPublishers.ofString("a body the endpoint never reads"));

            assertThat(response.statusCode()).as(method).isEqualTo(405);
            assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
        }
    }

    @Test
    void somethingThatIsNotAnHttpRequestIsRefused() throws Exception {
        PrometheusEndpoint endpoint = start(() -> MetricsSnapshot.builder().build());

        assertThat(exchange(endpoint, "HELLO\r\n\r\n")).startsWith("HTTP/1.1 400 Bad Request\r\n");
    }

    @Test
    void aFailingSnapshotGivesAnErrorStatusAndNothingOfTheFailure() throws Exception {
        PrometheusEndpoint endpoint = start(() -> {
            throw new IllegalStateException("jdbc:postgresql://db1/shop?password=hunter2");
        });

        HttpResponse<String> response = get(endpoint, "/metrics");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("metrics unavailable\n");
        assertThat(get(endpoint, "/metrics").statusCode()).as("still serving").isEqualTo(500);
    }

    @Test
    void aSilentClientCannotHoldTheEndpoint() throws Exception {
        PrometheusEndpoint endpoint = track(PrometheusEndpoint.start("127.0.0.1", 0,
                () -> MetricsSnapshot.builder().build(), 300));

        try (Socket silent = connect(endpoint)) {
            silent.getOutputStream().write("GET /metrics HTTP/1.1\r\n".getBytes(ISO_8859_1));
            silent.setSoTimeout(10_000);

            assertThat(get(endpoint, "/metrics").statusCode()).isEqualTo(200);
            assertThat(silent.getInputStream().read()).as("the silent client was hung up on").isEqualTo(-1);
        }
    }

    @Test
    void byDefaultItListensOnTheLoopbackAddressOnly() throws Exception {
        PrometheusEndpoint endpoint = start(MetricsConfig.defaults().host(), () -> MetricsSnapshot.builder().build());

        assertThat(endpoint.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        for (InetAddress other : addressesOfThisMachineBesidesLoopback()) {
            assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress(other, endpoint.address().getPort()),
                    2_000)).as("connecting through %s", other).isInstanceOf(IOException.class);
        }
    }

    @Test
    void aTakenPortIsReportedWithHostPortAndWhatToDo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> start("127.0.0.1", () -> MetricsSnapshot.builder().build(), port))
                    .isInstanceOf(MetricsException.class)
                    .hasMessageStartingWith("no metrics endpoint: cannot listen on 127.0.0.1:" + port + " (")
                    .hasMessageEndingWith("); set metrics.port to a free port, and metrics.host to an address of "
                            + "this machine");
        }
    }

    @Test
    void anAddressOfAnotherMachineIsReportedWithHostAndPort() throws Exception {
        String elsewhere = "203.0.113.7";
        assertThat(NetworkInterface.getByInetAddress(InetAddress.getByName(elsewhere)))
                .as("a documentation address no machine has").isNull();

        assertThatThrownBy(() -> start(elsewhere, () -> MetricsSnapshot.builder().build(), 9464))
                .isInstanceOf(MetricsException.class)
                .hasMessageStartingWith("no metrics endpoint: cannot listen on 203.0.113.7:9464 (");
    }

    @Test
    void itServesFromADaemonThreadAndOnceClosedNeitherThreadNorPortRemain() throws Exception {
        List<Thread> before = endpointThreads();
        PrometheusEndpoint endpoint = start(() -> MetricsSnapshot.builder().build());
        List<Thread> own = endpointThreads();
        own.removeAll(before);

        assertThat(own).singleElement().matches(Thread::isDaemon, "is a daemon");
        endpoint.close();
        endpoint.close();

        assertThat(own.get(0).isAlive()).isFalse();
        assertThatThrownBy(() -> connect(endpoint).close()).isInstanceOf(IOException.class);
    }

    private PrometheusEndpoint start(Supplier<MetricsSnapshot> snapshots) throws MetricsException {
        return start("127.0.0.1", snapshots);
    }

    private PrometheusEndpoint start(String host, Supplier<MetricsSnapshot> snapshots) throws MetricsException {
        return start(host, snapshots, 0);
    }

    private PrometheusEndpoint start(String host, Supplier<MetricsSnapshot> snapshots, int port)
            throws MetricsException {
        return track(PrometheusEndpoint.start(host, port, snapshots));
    }

    private PrometheusEndpoint track(PrometheusEndpoint endpoint) {
        started.add(endpoint);
        return endpoint;
    }

    private static HttpResponse<String> get(PrometheusEndpoint endpoint, String path) throws Exception {
        return send(endpoint, path, "GET", HttpRequest.BodyPublishers.noBody());
    }

    private static HttpResponse<String> send(PrometheusEndpoint endpoint, String path, String method,
            HttpRequest.BodyPublisher body) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + endpoint.address().getPort() + path);
        HttpRequest request = HttpRequest.newBuilder(uri).method(method, body).timeout(Duration.ofSeconds(10)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** For what an HTTP client would not send. */
    private static String exchange(PrometheusEndpoint endpoint, String request) throws IOException {
        try (Socket socket = connect(endpoint)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(ISO_8859_1));
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), ISO_8859_1);
        }
    }

    private static Socket connect(PrometheusEndpoint endpoint) throws IOException {
        Socket socket = new Socket();
        socket.connect(endpoint.address(), 5_000);
        return socket;
    }

    private static List<InetAddress> addressesOfThisMachineBesidesLoopback() throws IOException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                nic.inetAddresses().filter(a -> !a.isLinkLocalAddress()).forEach(addresses::add);
            }
        }
        return addresses;
    }

    private static List<Thread> endpointThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("dualwrite-metrics"))
                .collect(Collectors.toList());
    }
}
