package io.dualwrite.agent.metrics;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Serves the metrics in Prometheus' text format on {@code GET /metrics} (and {@code /}). A minimal HTTP/1.1
 * responder rather than the JDK's {@code com.sun.net.httpserver}: that module ({@code jdk.httpserver}) is absent
 * from jlink'd runtimes and from the boot layer of applications started with {@code -m}, and the agent's class
 * loader sees only the boot layer.
 *
 * <p>One daemon thread answers one connection at a time and closes it; each client has a few seconds in all to
 * send its request, so a slow or silent one delays the others by at most that and cannot hang the endpoint.
 */
public final class PrometheusEndpoint implements AutoCloseable {

    /** How long one client has, in all, to send its request; tests shorten it. */
    static final int DEFAULT_CLIENT_MILLIS = 5_000;
    /** After answering, how long unread input is drained: closing with unread input resets the connection. */
    private static final int LINGER_MILLIS = 200;
    private static final int MAX_HEAD_BYTES = 8 * 1024;
    private static final int BACKLOG = 16;
    private static final long ACCEPT_RETRY_MILLIS = 1_000;
    private static final long CLOSE_WAIT_MILLIS = 1_000;

    private final ServerSocket server;
    private final InetSocketAddress address;
    private final Supplier<MetricsSnapshot> snapshots;
    private final int clientMillis;
    private final Thread thread;

    private PrometheusEndpoint(ServerSocket server, Supplier<MetricsSnapshot> snapshots, int clientMillis) {
        this.server = server;
        this.address = (InetSocketAddress) server.getLocalSocketAddress();
        this.snapshots = snapshots;
        this.clientMillis = clientMillis;
        this.thread = new Thread(this::serve, "dualwrite-metrics");
        thread.setDaemon(true);
    }

    /**
     * Listens on {@code host:port} exactly as given (the configuration's default host is the loopback address).
     *
     * @param port 0 for any free port (tests); see {@link #address()}
     * @param snapshots asked once per scrape, on the endpoint's thread
     * @throws MetricsException naming host and port, when the host is unknown or the port cannot be had
     */
    public static PrometheusEndpoint start(String host, int port, Supplier<MetricsSnapshot> snapshots)
            throws MetricsException {
        return start(host, port, snapshots, DEFAULT_CLIENT_MILLIS);
    }

    static PrometheusEndpoint start(String host, int port, Supplier<MetricsSnapshot> snapshots, int clientMillis)
            throws MetricsException {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(snapshots, "snapshots");
        String where = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        ServerSocket server = null;
        try {
            InetAddress address = InetAddress.getByName(host);
            server = new ServerSocket();
            server.bind(new InetSocketAddress(address, port), BACKLOG);
        } catch (UnknownHostException e) {
            throw new MetricsException("no metrics endpoint: metrics.host '" + host
                    + "' is not a known address; give an address of this machine, or leave metrics.host out for "
                    + "the loopback address", e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(server);
            throw new MetricsException("no metrics endpoint: cannot listen on " + where + " (" + e.getMessage()
                    + ")" + (e instanceof BindException ? "; set metrics.port to a free port, and metrics.host to "
                    + "an address of this machine" : ""), e);
        }
        PrometheusEndpoint endpoint = new PrometheusEndpoint(server, snapshots, clientMillis);
        endpoint.thread.start();
        return endpoint;
    }

    /** Where it listens: the port chosen when 0 was asked for. */
    public InetSocketAddress address() {
        return address;
    }

    /**
     * Stops listening and returns once the port is released; idempotent, never throws. A scrape being answered
     * still completes.
     */
    @Override
    public void close() {
        closeQuietly(server);
        // a socket closed while its thread waits in accept is released only as that thread wakes
        try {
            thread.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                pauseUnlessClosed();
                continue;
            }
            try (client) {
                answer(client);
            } catch (IOException | RuntimeException clientFailed) {
                // timed out, went away or sent garbage: its problem, the next client is served
            }
        }
    }

    /** Out of file descriptors, say: waits rather than spinning on a failing accept. */
    private void pauseUnlessClosed() {
        if (!server.isClosed()) {
            try {
                Thread.sleep(ACCEPT_RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closeQuietly(server);
            }
        }
    }

    private void answer(Socket client) throws IOException {
        long deadline = System.nanoTime() + clientMillis * 1_000_000L;
        String[] request = readRequestLine(client, deadline).split(" ", -1);
        client.getOutputStream().write(respond(request));
        client.shutdownOutput();
        linger(client, Math.min(deadline, System.nanoTime() + LINGER_MILLIS * 1_000_000L));
    }

    private byte[] respond(String[] request) {
        if (request.length != 3 || !request[2].startsWith("HTTP/1.")) {
            return response("400 Bad Request", "", "bad request\n", true);
        }
        String method = request[0];
        boolean withBody = !method.equals("HEAD");
        String path = request[1].split("\\?", 2)[0];
        if (!path.equals("/metrics") && !path.equals("/")) {
            return response("404 Not Found", "", "not found: the metrics are at /metrics\n", withBody);
        }
        if (withBody && !method.equals("GET")) {
            return response("405 Method Not Allowed", "Allow: GET, HEAD\r\n", "only GET and HEAD\n", true);
        }
        String text;
        try {
            text = PrometheusText.render(snapshots.get());
        } catch (RuntimeException e) {
            // the agent's own failure: its details are no business of whoever scrapes
            return response("500 Internal Server Error", "", "metrics unavailable\n", withBody);
        }
        return response("200 OK", "", text, withBody);
    }

    private static byte[] response(String status, String headers, String body, boolean withBody) {
        byte[] content = body.getBytes(UTF_8);
        String contentType = status.startsWith("200") ? PrometheusText.CONTENT_TYPE : "text/plain; charset=utf-8";
        byte[] head = ("HTTP/1.1 " + status + "\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                + content.length + "\r\n" + headers + "Connection: close\r\n\r\n").getBytes(ISO_8859_1);
        byte[] all = new byte[head.length + (withBody ? content.length : 0)];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(content, 0, all, head.length, all.length - head.length);
        return all;
    }

    /** The request line, once the whole head has arrived; "" when the head is too large to be a scrape. */
    private static String readRequestLine(Socket client, long deadline) throws IOException {
        InputStream in = client.getInputStream();
        byte[] head = new byte[MAX_HEAD_BYTES];
        int length = 0;
        while (true) {
            String text = new String(head, 0, length, ISO_8859_1);
            if (text.contains("\n\r\n") || text.contains("\n\n")) {
                return text.substring(0, text.indexOf('\n')).replace("\r", "");
            }
            if (length == head.length) {
                return "";
            }
            client.setSoTimeout(remainingMillis(deadline));
            int n = in.read(head, length, head.length - length);
            if (n < 0) {
                throw new EOFException("the client left before its request was complete");
            }
            length += n;
        }
    }

    /** Discards what the client still sends (a request body, say) until it closes, or the time is up. */
    private static void linger(Socket client, long deadline) throws IOException {
        InputStream in = client.getInputStream();
        byte[] discarded = new byte[4096];
        while (true) {
            client.setSoTimeout(remainingMillis(deadline));
            if (in.read(discarded) < 0) {
                return;
            }
        }
    }

    private static int remainingMillis(long deadline) throws SocketTimeoutException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("the client's time is up");
        }
        return (int) left;
    }

    private static void closeQuietly(ServerSocket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closed as far as it can be: the port is released with the socket either way
            }
        }
    }
}
