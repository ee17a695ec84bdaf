package org.fcr.local.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Feeds the running system a simulated working day through its public APIs only: each planned
 * request starts at its arrival time (divided by the speed-up) and plays its script. Use the same
 * speed-up as sla-monitor's {@code fcr.sla.speedup} so the department's pace and the clocks agree.
 */
public final class Simulator {

    public record Options(String intakeUrl, String password, long seed, int requests, double speedup, boolean drill) {
    }

    public record Outcome(List<String> requestIds, int refused) {
    }

    private final Options options;

    public Simulator(Options options) {
        this.options = options;
    }

    public Outcome run() throws InterruptedException {
        List<PlannedRequest> plan = TrafficPlan.of(options.seed(), options.requests());
        ApiClient api = new ApiClient(options.password());
        RequestScript script = new RequestScript(api, options.intakeUrl(), this::sleepSimulatedMinutes, options.drill());
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(64, Math.max(4, options.requests())), daemon());
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (PlannedRequest request : plan) {
            long dueNanos = start + (long) (request.arrivalSecond() * 1e9 / options.speedup());
            long wait = dueNanos - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            running.add(pool.submit(() -> {
                String id = script.play(request);
                if (id != null) {
                    ids.add(id);
                }
            }));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                // one failed script does not stop the day; its request stays as it is
            }
        }
        pool.shutdown();
        return new Outcome(List.copyOf(ids), plan.size() - ids.size());
    }

    private void sleepSimulatedMinutes(long minutes) {
        try {
            TimeUnit.MILLISECONDS.sleep((long) (minutes * 60_000 / options.speedup()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "simulator");
            thread.setDaemon(true);
            return thread;
        };
    }
}
