package io.dualwrite.it.faults;

import io.dualwrite.it.DatabaseKind;
import io.dualwrite.it.TestDatabase;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on {@code 127.0.0.1:<ephemeral port>} in front of a database server, whose behaviour a test
 * switches at any moment to model the ways a server goes away:
 * <ul>
 * <li>{@link Mode#PASS}: bytes flow both ways.</li>
 * <li>{@link Mode#REFUSE}: the server process is gone. The listener is closed, so a connect is refused by the
 * kernel (ECONNREFUSED, the answer a client gets from a host whose server is down), and every open
 * connection is closed (FIN), as the kernel does for a process that died. Leaving the mode binds the same
 * port again.</li>
 * <li>{@link Mode#RESET}: a middlebox or a crashed peer aborts everything. Open connections and every new one
 * are reset (RST: {@code SO_LINGER 0}, then close).</li>
 * <li>{@link Mode#FREEZE}: the server hangs. Connections are accepted and kept open, but no byte moves in
 * either direction; each one the proxy already took stays held, and is delivered, in order, once the mode
 * leaves freeze. So a statement sent while frozen still reaches the server after the freeze, even if its
 * client gave up waiting, as it would with a server that was paused: the client cannot know whether it ran.</li>
 * </ul>
 * All threads are daemons; {@link #close()} ends every connection and the listener.
 */
public final class FaultyProxy implements AutoCloseable {

    public enum Mode { PASS, REFUSE, RESET, FREEZE }

    private static final int CONNECT_TIMEOUT_MS = 5_000;

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Object lock = new Object();
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile Mode mode = Mode.PASS;
    private volatile boolean closed;
    private ServerSocket listener;
    private Thread acceptor;

    private FaultyProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = listen(0);
        this.port = listener.getLocalPort();
        this.acceptor = startAccepting(listener);
    }

    /** A proxy in {@link Mode#PASS} forwarding to the target. */
    public static FaultyProxy to(String targetHost, int targetPort) {
        return new FaultyProxy(targetHost, targetPort);
    }

    /** A proxy in {@link Mode#PASS} in front of the server that holds the test database. */
    public static FaultyProxy inFrontOf(TestDatabase db) {
        String hostPort = hostPort(db.url());
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0 || hostPort.endsWith("]")) {
            return to(hostPort, db.kind() == DatabaseKind.POSTGRESQL ? 5432 : 3306);
        }
        return to(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    /** The test database's JDBC URL, its parameters kept, leading through this proxy. */
    public String urlOf(TestDatabase db) {
        String url = db.url();
        String hostPort = hostPort(url);
        int at = url.indexOf("//") + 2;
        return url.substring(0, at) + "127.0.0.1:" + port + url.substring(at + hostPort.length());
    }

    private static String hostPort(String url) {
        int hosts = url.indexOf("//");
        if (hosts < 0) {
            throw new IllegalArgumentException("not a jdbc:<driver>://host:port/database URL: " + url);
        }
        int end = hosts + 2;
        while (end < url.length() && url.charAt(end) != '/' && url.charAt(end) != '?') {
            end++;
        }
        String hostPort = url.substring(hosts + 2, end);
        if (hostPort.contains(",")) {
            throw new IllegalArgumentException("a proxy stands in front of one server, not " + hostPort);
        }
        return hostPort;
    }

    /** The port clients connect to, on 127.0.0.1. */
    public int port() {
        return port;
    }

    public Mode mode() {
        return mode;
    }

    /** Connections accepted since the start, in every mode but refuse (where none can be). */
    public int acceptedConnections() {
        return accepted.get();
    }

    /** Connections currently forwarded (or held, when frozen). */
    public int openConnections() {
        return links.size();
    }

    public FaultyProxy pass() {
        return mode(Mode.PASS);
    }

    public FaultyProxy refuse() {
        return mode(Mode.REFUSE);
    }

    public FaultyProxy reset() {
        return mode(Mode.RESET);
    }

    public FaultyProxy freeze() {
        return mode(Mode.FREEZE);
    }

    /** Switches the mode; when this returns, the mode holds for open connections and new connects. */
    public FaultyProxy mode(Mode newMode) {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the proxy is closed");
            }
            Mode old = mode;
            mode = newMode;
            if (newMode == Mode.REFUSE && listener != null) {
                stopListening();
            } else if (newMode != Mode.REFUSE && listener == null) {
                listener = listen(port);
                acceptor = startAccepting(listener);
            }
            if (newMode == Mode.REFUSE || newMode == Mode.RESET) {
                for (Link link : links) {
                    link.close(newMode == Mode.RESET);
                }
            }
            if (old == Mode.FREEZE) {
                lock.notifyAll();
            }
        }
        return this;
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (listener != null) {
                stopListening();
            }
            for (Link link : links) {
                link.close(false);
            }
            lock.notifyAll();
        }
    }

    @Override
    public String toString() {
        return "FaultyProxy 127.0.0.1:" + port + " -> " + targetHost + ":" + targetPort + " (" + mode + ", "
                + accepted.get() + " accepted, " + links.size() + " open)";
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            // Binding the same port again after refuse must not wait for TIME_WAIT of the connections it closed.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("the faulty proxy could not listen on 127.0.0.1:" + port, e);
        }
    }

    /**
     * Closes the listener and waits for its acceptor to leave {@code accept()}: the JDK closes the socket only
     * then, and until it does the kernel still completes handshakes that a refusing server must not.
     */
    private void stopListening() {
        closeQuietly(listener);
        listener = null;
        try {
            acceptor.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (acceptor.isAlive()) {
            throw new IllegalStateException("the faulty proxy's acceptor did not stop: " + acceptor);
        }
    }

    private Thread startAccepting(ServerSocket socket) {
        return daemon("faulty-proxy-" + socket.getLocalPort() + "-accept", () -> {
            while (!socket.isClosed()) {
                Socket client;
                try {
                    client = socket.accept();
                } catch (IOException closedListener) {
                    return;
                }
                int number = accepted.incrementAndGet();
                // Off the acceptor, which must never wait: stopListening() joins it while holding the lock.
                daemon("faulty-proxy-" + port + "-" + number + "-open", () -> onAccepted(client, number));
            }
        });
    }

    private void onAccepted(Socket client, int number) {
        if (closed || mode == Mode.RESET || mode == Mode.REFUSE) {
            // REFUSE here: a connect that raced with the listener's close; treat it as the dead server would.
            abort(client, mode == Mode.RESET);
            return;
        }
        Socket server = new Socket();
        try {
            server.connect(new InetSocketAddress(targetHost, targetPort), CONNECT_TIMEOUT_MS);
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
        } catch (IOException e) {
            closeQuietly(server);
            abort(client, false);
            return;
        }
        Link link = new Link(number, client, server);
        links.add(link);
        // A mode switch between the check above and add() must still reach this link.
        synchronized (lock) {
            if (closed || mode == Mode.REFUSE || mode == Mode.RESET) {
                link.close(mode == Mode.RESET);
                return;
            }
        }
        link.start();
    }

    /** Waits while frozen; false when the link must end instead of forwarding. */
    private boolean awaitFlowing(Link link) {
        synchronized (lock) {
            while (mode == Mode.FREEZE && !closed && !link.closed) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return !closed && !link.closed;
        }
    }

    private static void abort(Socket socket, boolean reset) {
        if (reset) {
            try {
                socket.setSoLinger(true, 0);
            } catch (SocketException alreadyClosed) {
                // closed anyway below
            }
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing is best effort: the peer may have gone first
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** One client connection and its connection to the target, with a pump per direction. */
    private final class Link {

        private final int number;
        private final Socket client;
        private final Socket server;
        private final AtomicInteger pumpsDone = new AtomicInteger();
        private volatile boolean closed;

        Link(int number, Socket client, Socket server) {
            this.number = number;
            this.client = client;
            this.server = server;
        }

        void start() {
            daemon("faulty-proxy-" + port + "-" + number + "-up", () -> pump(client, server));
            daemon("faulty-proxy-" + port + "-" + number + "-down", () -> pump(server, client));
        }

        private void pump(Socket from, Socket to) {
            byte[] buffer = new byte[16 * 1024];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                while (true) {
                    int n = in.read(buffer);
                    if (!awaitFlowing(this)) {
                        return;
                    }
                    if (n < 0) {
                        // Half-close, so the other direction can still deliver what it holds.
                        to.shutdownOutput();
                        return;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // One side went away or was closed by a mode switch; the other side learns it from close().
                close(false);
            } finally {
                if (pumpsDone.incrementAndGet() == 2) {
                    close(false);
                }
            }
        }

        void close(boolean reset) {
            closed = true;
            links.remove(this);
            abort(client, reset);
            abort(server, reset);
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }
}
