package org.fcr.local;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The embedded MongoDB-protocol server: mongo-java-server with its H2 backend in one file, so the
 * services' databases survive a restart (ARCHITECTURE §4 says what it cannot do), and every
 * acknowledged write is in the file before the answer leaves ({@link DurableH2Backend}), so they
 * survive a kill -9 of the store too.
 */
public final class MongoStore implements AutoCloseable {

    /**
     * A write waits for its group commit on the netty thread that serves its connection, so the
     * server gets enough of them that the services' connection pools keep writing in parallel.
     */
    static final int WORKER_THREADS = 32;

    private final Path file;
    private final String host;
    private final int port;
    private MongoServer server;

    public MongoStore(Path file, String host, int port) {
        this.file = file;
        this.host = host;
        this.port = port;
    }

    public void start() throws Exception {
        Files.createDirectories(file.getParent());
        server = new MongoServer(DurableH2Backend.open(file.toString()));
        server.bind(new InetSocketAddress(host, port), 1, WORKER_THREADS);
    }

    public String uri() {
        return "mongodb://" + host + ":" + port;
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server = null;
        }
    }
}
