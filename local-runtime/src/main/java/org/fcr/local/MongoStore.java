package org.fcr.local;

import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The embedded MongoDB-protocol server: mongo-java-server with its H2 backend in one file, so the
 * services' databases survive a restart (ARCHITECTURE §4 says what it cannot do).
 */
public final class MongoStore implements AutoCloseable {

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
        server = new MongoServer(new H2Backend(file.toString()));
        server.bind(host, port);
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
