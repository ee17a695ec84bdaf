package org.fcr.sla.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import org.fcr.schemas.Topics;
import org.fcr.sla.domain.TimeStandards;
import org.fcr.sla.support.ConfiguredStandards;
import org.fcr.support.test.TestInfrastructure;

/**
 * The SLA engine's benchmark (not a test; figures in NOTES.md). Run from the repository root:
 * <pre>
 * mvn -B -o -q test-compile exec:java -pl sla-monitor -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.fcr.sla.bench.SlaBenchmark [-Dexec.args="1000000"]
 * </pre>
 * Argument: the large number of open stages (default 1,000,000).
 */
public final class SlaBenchmark {

    private SlaBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // loading the topic registry trusts the Avro event package before any event is built
        Topics.REQUESTS.name();
        int large = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        TimeStandards standards = ConfiguredStandards.standards();
        Path root = Files.createTempDirectory("sla-bench");

        System.out.println("== punctuation cost: real RocksDB stores, 10,000 breaches due per tick, 5 rounds ==");
        PunctuationCost.measure(10_000, 10_000, 2, standards, root.resolve("warm-up"));   // JIT warm-up, not reported
        var small = PunctuationCost.measure(10_000, 10_000, 5, standards, root.resolve("small"));
        report(small);
        var big = PunctuationCost.measure(large, 10_000, 5, standards, root.resolve("large"));
        report(big);
        System.out.printf("tick cost ratio %,d ÷ %,d open (median breach tick): %.2f%n", large, 10_000,
                median(big.dueTickMillis()) / median(small.dueTickMillis()));

        System.out.println("== breach lag: real broker, exactly-once, 250 ms tick, 10,000 deadlines at one instant ==");
        var rounds = BreachLag.measure(TestInfrastructure.bootstrapServers(), 10_000, 3, standards, root.resolve("lag"));
        for (int i = 0; i < rounds.size(); i++) {
            var lag = rounds.get(i);
            System.out.printf("round %d%s: breaches %,d  lag p50 %d ms  p99 %d ms  max %d ms  events taken %.0f/s%n", i + 1,
                    i == 0 ? " (cold JVM)" : "", lag.breaches(), lag.p50Millis(), lag.p99Millis(), lag.maxMillis(),
                    lag.eventsPerSecond());
        }
        System.exit(0);
    }

    private static void report(PunctuationCost.Result r) {
        System.out.printf("open %,d: events %.0f/s, empty tick %.3f ms, breach ticks %s ms, last tick handled %,d events, heap %d MB%n",
                r.open(), r.eventsPerSecond(), r.emptyTickMillis(),
                r.dueTickMillis().stream().map(m -> String.format("%.0f", m)).toList(), r.dueHandledPerTick(), r.heapUsedMb());
    }

    private static double median(java.util.List<Double> values) {
        var sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
