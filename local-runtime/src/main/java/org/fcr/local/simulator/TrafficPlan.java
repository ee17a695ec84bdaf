package org.fcr.local.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A deterministic simulated working day: the same seed always gives the same requests, arrival
 * times and behaviours. Arrivals follow a working day's curve (a morning and an afternoon peak,
 * quieter at noon and in the evening) over 08:00–20:00.
 */
public final class TrafficPlan {

    /** Length of the simulated day in seconds (08:00–20:00). */
    public static final long DAY_SECONDS = 12 * 3600;

    private static final String[] CHANNELS = {"HOTLINE", "HOTLINE", "HOTLINE", "WEB", "APP", "WALK_IN"};
    private static final String[] FIRST_RESPONDERS = {"desk01", "desk02", "desk01", "desk02", "staff01"};
    private static final String[] SURNAMES = {"李", "王", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
    /** Hourly weights from 08:00 to 19:00: peaks at 09–11 and 14–17. */
    private static final int[] HOURLY = {6, 10, 11, 8, 4, 5, 9, 10, 9, 7, 5, 3};

    private TrafficPlan() {
    }

    public static List<PlannedRequest> of(long seed, int requests) {
        Random random = new Random(seed);
        List<PlannedRequest> plan = new ArrayList<>();
        for (int n = 1; n <= requests; n++) {
            CategoryMix.Kind kind = CategoryMix.pick(random);
            Behaviour behaviour = pickBehaviour(random);
            int building = 1 + random.nextInt(12);
            String unit = building + "-" + (1 + random.nextInt(3)) + "-" + (1 + random.nextInt(18)) + "0" + (1 + random.nextInt(4));
            String customer = SURNAMES[random.nextInt(SURNAMES.length)] + (random.nextBoolean() ? "先生" : "女士");
            String phone = "139" + String.format("%08d", random.nextInt(100_000_000));
            String description = kind.descriptions().get(random.nextInt(kind.descriptions().size()));
            plan.add(new PlannedRequest(n, arrivalSecond(random), CHANNELS[random.nextInt(CHANNELS.length)],
                    behaviour == Behaviour.REPEAT_COMPLAINT ? "COMPLAINT" : kind.category(),
                    behaviour == Behaviour.REPEAT_COMPLAINT ? null : kind.subcategory(),
                    kind.size(), kind.scope(), "COMPLAINT".equals(kind.category()) && random.nextInt(10) == 0,
                    building + "号楼", unit, customer, phone, description,
                    FIRST_RESPONDERS[random.nextInt(FIRST_RESPONDERS.length)], behaviour));
        }
        plan.sort(Comparator.comparingLong(PlannedRequest::arrivalSecond).thenComparingInt(PlannedRequest::number));
        return plan;
    }

    private static long arrivalSecond(Random random) {
        int total = 0;
        for (int w : HOURLY) {
            total += w;
        }
        int roll = random.nextInt(total);
        int hour = 0;
        while (roll >= HOURLY[hour]) {
            roll -= HOURLY[hour];
            hour++;
        }
        return hour * 3600L + random.nextInt(3600);
    }

    private static Behaviour pickBehaviour(Random random) {
        int total = 0;
        for (Behaviour b : Behaviour.values()) {
            total += b.weight;
        }
        int roll = random.nextInt(total);
        for (Behaviour b : Behaviour.values()) {
            roll -= b.weight;
            if (roll < 0) {
                return b;
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
