package org.fcr.local.simulator;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ./run.sh simulate [options]} feeds an already running system; see the README. Options: --seed=N --requests=N --speedup=N --drill --intake=URL --password=PW
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        long seed = 42;
        int requests = 120;
        double speedup = 60;
        boolean drill = false;
        String intake = "http://localhost:8081";
        String password = null;
        for (String arg : args) {
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            if (arg.startsWith("--seed=")) seed = Long.parseLong(value);
            else if (arg.startsWith("--requests=")) requests = Integer.parseInt(value);
            else if (arg.startsWith("--speedup=")) speedup = Double.parseDouble(value);
            else if (arg.equals("--drill")) drill = true;
            else if (arg.startsWith("--intake=")) intake = value;
            else if (arg.startsWith("--password=")) password = value;
            else throw new IllegalArgumentException("Unknown option " + arg);
        }
        if (password == null) {
            password = Files.readString(Path.of(System.getenv().getOrDefault("FCR_DATA_DIR", ".data"), "demo-password")).trim();
        }
        System.out.printf("模拟一天 / Simulating a day: seed %d, %d requests, %.0f× speed%s%n", seed, requests, speedup,
                drill ? ", drill (试运行)" : "");
        var outcome = new Simulator(new Simulator.Options(intake, password, seed, requests, speedup, drill)).run();
        System.out.printf("完成 / Done: %d requests played, %d refused%n", outcome.requestIds().size(), outcome.refused());
    }
}
