package org.fcr.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 item 7, with real processes: intake, started and watched by the run command's classes, is
 * killed with SIGKILL and comes back healthy with no hand restart; the console says which service died,
 * with what exit code, when it is tried again and where its log is.
 */
class ServiceSupervisorEndToEndTest {

    /** Kept when the test fails: the services' logs are in its logs folder. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path data;

    @Test
    void aServiceKilledWithSigkillIsHealthyAgainWithoutAHandRestart() throws Exception {
        try (SupervisedSystem system = new SupervisedSystem(data, RestartBackOff.RUN_COMMAND, List.of("intake-service"))) {
            ServiceSpec intake = system.service("intake-service");
            long killed = system.services.process(intake).pid();

            system.services.kill(intake);

            await("intake healthy again, in a new process").atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> system.services.process(intake).pid() != killed && system.services.isHealthy(intake));
            await("the console says it is back").atMost(Duration.ofSeconds(10))
                    .until(() -> system.console().contains("intake-service is healthy again"));
            String console = system.console();
            assertThat(console)
                    .contains("intake-service 已退出，退出码 137")
                    .contains("intake-service exited with code 137; restarting in 1 s")
                    .contains("log " + system.services.log(intake))
                    .contains("restarting intake-service (process " + system.services.process(intake).pid() + ")");
            // the Chinese sentence comes before the English one
            assertThat(console.indexOf("已退出")).isLessThan(console.indexOf("exited with code"));
        }
    }
}
