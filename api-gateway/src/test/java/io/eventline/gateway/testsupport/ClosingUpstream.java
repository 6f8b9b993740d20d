package io.eventline.gateway.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An upstream that keeps connections alive like any HTTP/1.1 server, except that it can be told to close a
 * connection the moment the next request arrives on it, without answering: what a client sees when the
 * server closed an idle connection just as the client sent a request on it (the close and the request
 * crossed), or when an instance shuts down. Requests carry no body (it serves GETs).
 */
public final class ClosingUpstream implements AutoCloseable {

    private final ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final ConcurrentLinkedQueue<Socket> open = new ConcurrentLinkedQueue<>();
    private volatile boolean closeNextRequestOnOpenConnections;

    private ClosingUpstream(ServerSocket server) {
        this.server = server;
        Thread acceptor = new Thread(this::accept, "closing-upstream");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static ClosingUpstream start(int port) {
        try {
            return new ClosingUpstream(new ServerSocket(port, 50, java.net.InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next request on every connection open now is met by a close; later connections answer normally. */
    public void closeConnectionsOnTheirNextRequest() {
        closeNextRequestOnOpenConnections = true;
    }

    public int connections() {
        return connections.get();
    }

    public int answered() {
        return answered.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                open.add(socket);
                boolean condemnable = !closeNextRequestOnOpenConnections;
                Thread handler = new Thread(() -> serve(socket, condemnable), "closing-upstream-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** @param condemnable whether this connection was open before the upstream was told to close them */
    private void serve(Socket socket, boolean condemnable) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                if (condemnable && closeNextRequestOnOpenConnections) {
                    return; // closed with the request unanswered
                }
                byte[] body = "{\"events\":[]}".getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                answered.incrementAndGet();
            }
        } catch (SocketException e) {
            // the gateway closed the connection
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            open.remove(socket);
        }
    }

    /** A request's line and headers, or null at the end of the stream. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3)) ? matched + 1 : 0;
            if (matched == 4) {
                return head.toString(StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    @Override
    public void close() {
        try {
            server.close();
            for (Socket socket : open) {
                socket.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
