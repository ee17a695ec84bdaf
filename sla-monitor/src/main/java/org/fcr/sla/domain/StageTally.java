package org.fcr.sla.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.fcr.events.Category;
import org.fcr.events.Stage;
import org.fcr.events.StageStats;

/**
 * Finished stages of one department × category × stage in one window: how many, how many met or
 * breached, and their durations for the percentiles. Durations are kept whole up to
 * {@link #MAX_SAMPLES}; beyond that every other sample is dropped, which keeps percentiles close
 * while bounding the window's size.
 */
public final class StageTally {

    public static final int MAX_SAMPLES = 4096;

    private String department;
    private Category category;
    private Stage stage;
    private long count;
    private long met;
    private long breached;
    private long max;
    private final List<Long> samples;

    public StageTally() {
        this(null, null, null, 0, 0, 0, 0, new ArrayList<>());
    }

    public StageTally(String department, Category category, Stage stage, long count, long met, long breached,
                      long max, List<Long> samples) {
        this.department = department;
        this.category = category;
        this.stage = stage;
        this.count = count;
        this.met = met;
        this.breached = breached;
        this.max = max;
        this.samples = new ArrayList<>(samples);
    }

    public StageTally add(StageOutcome outcome) {
        department = outcome.department();
        category = outcome.category();
        stage = outcome.stage();
        count++;
        if (outcome.breached()) {
            breached++;
        } else {
            met++;
        }
        max = Math.max(max, outcome.durationMillis());
        samples.add(outcome.durationMillis());
        if (samples.size() > MAX_SAMPLES) {
            for (int i = samples.size() - 1; i >= 0; i -= 2) {
                samples.remove(i);
            }
        }
        return this;
    }

    /** Nearest-rank percentile of the kept durations. */
    public long percentile(double share) {
        if (samples.isEmpty()) {
            return 0;
        }
        long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
        int rank = (int) Math.ceil(share * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public StageStats toStats(Instant windowStart, Instant windowEnd) {
        return StageStats.newBuilder()
                .setDepartment(department)
                .setCategory(category)
                .setStage(stage)
                .setWindowStart(windowStart)
                .setWindowEnd(windowEnd)
                .setWindowSize(label(Duration.between(windowStart, windowEnd)))
                .setCount(count)
                .setMet(met)
                .setBreached(breached)
                .setP50Millis(percentile(0.5))
                .setP90Millis(percentile(0.9))
                .setMaxMillis(max)
                .build();
    }

    /** PT1H for an hour, P1D for a day. */
    public static String label(Duration size) {
        return size.toMillis() % Duration.ofDays(1).toMillis() == 0 ? "P" + size.toDays() + "D" : size.toString();
    }

    public String department() { return department; }
    public Category category() { return category; }
    public Stage stage() { return stage; }
    public long count() { return count; }
    public long met() { return met; }
    public long breached() { return breached; }
    public long max() { return max; }
    public List<Long> samples() { return List.copyOf(samples); }
}
