package org.fcr.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The demo users' password: made at random on the first start and kept in the data folder, so the
 * repository holds no password and a restart keeps the same one.
 */
final class DemoPassword {

    private DemoPassword() {
    }

    static String readOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve("demo-password");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        String password = "fcr-" + HexFormat.of().formatHex(random);
        Files.writeString(file, password);
        return password;
    }
}
