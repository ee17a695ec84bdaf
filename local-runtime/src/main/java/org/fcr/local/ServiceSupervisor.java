package org.fcr.local;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the run command's services running: a service process that dies (a crash, a kill -9) is started
 * again after the {@link RestartBackOff} wait, and the console says which one died, with what exit code,
 * when the next try is and where its log is. {@link #close()} stops restarting first, then stops every
 * service, so nothing is started again while the system stops.
 */
public final class ServiceSupervisor implements AutoCloseable {

    private static final Duration HEALTH_POLL = Duration.ofSeconds(1);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final ServiceProcesses services;
    private final RestartBackOff backOff;
    private final PrintStream console;
    private final Clock clock;
    private final Map<ServiceSpec, Watch> watches = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "fcr-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean stopping;

    public ServiceSupervisor(ServiceProcesses services, RestartBackOff backOff, PrintStream console, Clock clock) {
        this.services = services;
        this.backOff = backOff;
        this.console = console;
        this.clock = clock;
    }

    /** Watches a service {@link ServiceProcesses#start started} already: from now on it is restarted when it dies. */
    public void watch(ServiceSpec service) {
        Watch watch = new Watch(service);
        watches.put(service, watch);
        watch.follow(services.process(service));
    }

    /** Stops restarting (a restart already waiting is dropped), then stops the services and waits until they are gone. */
    @Override
    public void close() {
        stopping = true;
        // a restart that is under way finishes registering its process, so the services' close stops it too
        watches.values().forEach(Watch::cancel);
        timer.shutdownNow();
        services.close();
    }

    /** The console's way: the Chinese sentence first, the English one under it. */
    private void say(String chinese, String english) {
        console.println(chinese + System.lineSeparator() + "  / " + english);
    }

    /** One service: its restarts in a row and since when its current process is healthy. */
    private final class Watch {

        private final ServiceSpec service;
        private int restartsInARow;
        private Instant healthySince;
        private ScheduledFuture<?> pendingRestart;

        Watch(ServiceSpec service) {
            this.service = service;
        }

        synchronized void follow(Process process) {
            healthySince = null;
            process.onExit().thenAccept(this::exited);
            later(() -> awaitHealth(process), Duration.ZERO);
        }

        private void awaitHealth(Process process) {
            if (stopping || !process.isAlive()) {
                return;
            }
            if (!services.isHealthy(service)) {
                later(() -> awaitHealth(process), HEALTH_POLL);
                return;
            }
            synchronized (this) {
                healthySince = clock.instant();
                if (restartsInARow > 0 && process.isAlive() && !stopping) {
                    say("服务已恢复：" + service.module() + "（进程 " + process.pid() + "）",
                            service.module() + " is healthy again (process " + process.pid() + ")");
                }
            }
        }

        private synchronized void exited(Process process) {
            if (stopping) {
                return;
            }
            Duration healthyFor = healthySince == null ? Duration.ZERO : Duration.between(healthySince, clock.instant());
            int code = process.exitValue();
            restartLater(backOff.after(restartsInARow, healthyFor),
                    service.module() + " 已退出，退出码 " + code, service.module() + " exited with code " + code);
        }

        private synchronized void restart() {
            if (stopping) {
                return;
            }
            try {
                Process process = services.restart(service);
                say("正在重启：" + service.module() + "（进程 " + process.pid() + "）",
                        "restarting " + service.module() + " (process " + process.pid() + ")");
                follow(process);
            } catch (IOException | RuntimeException e) {
                restartLater(backOff.after(restartsInARow, Duration.ZERO),
                        service.module() + " 无法启动（" + e.getMessage() + "）",
                        service.module() + " could not be started (" + e.getMessage() + ")");
            }
        }

        private void restartLater(RestartBackOff.Restart restart, String whatChinese, String whatEnglish) {
            restartsInARow = restart.inARow();
            long seconds = Math.max(1, restart.delay().toSeconds());
            String at = CLOCK.format(clock.instant().plus(restart.delay()));
            say(whatChinese + "；" + seconds + " 秒后（" + at + "）重启，连续第 " + restart.inARow()
                            + " 次；日志 " + services.log(service),
                    whatEnglish + "; restarting in " + seconds + " s (at " + at + ", restart " + restart.inARow()
                            + " in a row); log " + services.log(service));
            pendingRestart = later(this::restart, restart.delay());
        }

        private ScheduledFuture<?> later(Runnable step, Duration delay) {
            try {
                return stopping ? null : timer.schedule(step, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stoppedMeanwhile) {
                return null;
            }
        }

        /** Waits for a restart under way (it holds this lock) and drops the one waiting, if any. */
        synchronized void cancel() {
            if (pendingRestart != null) {
                pendingRestart.cancel(false);
            }
        }
    }
}
