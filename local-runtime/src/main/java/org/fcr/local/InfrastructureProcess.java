package org.fcr.local;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs ONE piece of infrastructure in a process of its own until it is stopped or killed, so a test
 * can kill -9 the broker or the store alone and start it again on the same folder and ports:
 * <pre>
 *   InfrastructureProcess broker &lt;log dir&gt; &lt;port&gt; &lt;controller port&gt;
 *   InfrastructureProcess store &lt;file&gt; &lt;port&gt;
 * </pre>
 * Prints {@code READY <address>} on standard output once it serves.
 */
public final class InfrastructureProcess {

    public static final String READY = "READY ";

    private InfrastructureProcess() {
    }

    public static void main(String[] args) throws Exception {
        AutoCloseable running;
        String address;
        if (args.length == 4 && args[0].equals("broker")) {
            KafkaBroker broker = new KafkaBroker(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            broker.start();
            running = broker;
            address = broker.bootstrapServers();
        } else if (args.length == 3 && args[0].equals("store")) {
            MongoStore store = new MongoStore(Path.of(args[1]), "localhost", Integer.parseInt(args[2]));
            store.start();
            running = store;
            address = store.uri();
        } else {
            System.err.println("Usage: InfrastructureProcess broker <log dir> <port> <controller port>"
                    + " | store <file> <port>");
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
            stopped.countDown();
        }, "infrastructure-stop"));
        System.out.println(READY + address);
        System.out.flush();
        stopped.await();
    }
}
