package org.fcr.notification.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a random loopback port (the JDK's), standing in for a chat robot or an SMS
 * gateway: it records every request and answers with the status and body it is told to.
 */
public final class RecordingHttpServer implements AutoCloseable {

    public record Received(String path, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile long delayMillis;
    private volatile String answer = "{\"errcode\":0,\"errmsg\":\"ok\"}";

    public RecordingHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestURI().getPath(), body));
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void answer(int status, String body) {
        this.status = status;
        this.answer = body;
    }

    /** Answers only after this long: a gateway that hangs. */
    public void delay(java.time.Duration delay) {
        this.delayMillis = delay.toMillis();
    }

    public void healthy() {
        this.delayMillis = 0;
        answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> receivedContaining(String text) {
        return received.stream().filter(r -> r.body().contains(text)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
