package org.fcr.support.test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Posts fuzzed bodies (and fuzzed path and query values) to a service's write endpoints over real HTTP
 * and counts the answers by status: a 5xx is a defect (issue 18: any input is a 4xx problem or an
 * answer, never a 500). Each body starts from a valid seed and takes one to three mutations: control
 * characters, odd Unicode, wrong types, huge numbers, odd dates, dropped and unknown fields, broken bytes.
 * The count per endpoint is {@code -Dfcr.fuzz.count} (default {@link #DEFAULT_COUNT}); the seed
 * {@code -Dfcr.fuzz.seed}, so a failure can be replayed.
 */
public final class ApiFuzzer {

    public static final int DEFAULT_COUNT = 1500;
    private static final int IN_FLIGHT = 6;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    /**
     * One endpoint: method, path template as mapped ({@code /api/ledger/{entryId}/appeal}), the path to
     * call with {@code {name}} placeholders filled from {@code values} (a good value each, fuzzed at times),
     * the caller and a valid body ({@code null}: the endpoint reads none, its path and query are fuzzed).
     */
    public record Target(String method, String mapping, String path, Map<String, List<String>> values, String user,
                         String seed) {

        public static Target post(String mapping, String user, String seed) {
            return new Target("POST", mapping, mapping, Map.of(), user, seed);
        }

        public Target calling(String path, Map<String, List<String>> values) {
            return new Target(method, mapping, path, values, user, seed);
        }

        public Target method(String verb) {
            return new Target(verb, mapping, path, values, user, seed);
        }

        String key() {
            return method + " " + mapping;
        }
    }

    /** What one endpoint answered: how many of each status, and a few of the 5xx for the failure message. */
    public record Tally(String endpoint, Map<Integer, Long> statuses, List<String> failures, long millis) {

        public long serverErrors() {
            return statuses.entrySet().stream().filter(e -> e.getKey() >= 500 || e.getKey() < 100)
                    .mapToLong(Map.Entry::getValue).sum();
        }

        public long total() {
            return statuses.values().stream().mapToLong(Long::longValue).sum();
        }

        @Override
        public String toString() {
            return String.format("%-45s %7d calls %6d ms  5xx=%d  %s", endpoint, total(), millis, serverErrors(), statuses);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String password;
    private final long seed;

    public ApiFuzzer(int port, String password) {
        this.base = "http://127.0.0.1:" + port;
        this.password = password;
        this.seed = Long.getLong("fcr.fuzz.seed", System.nanoTime());
    }

    public static int count() {
        return Integer.getInteger("fcr.fuzz.count", DEFAULT_COUNT);
    }

    /** Every write mapping of the service under /api ("POST /api/requests"), to check each is fuzzed. */
    public static Set<String> writeEndpoints(ApplicationContext context) {
        Set<String> found = new TreeSet<>();
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().keySet().forEach(info -> info.getMethodsCondition().getMethods().stream()
                        .filter(m -> m == RequestMethod.POST || m == RequestMethod.PUT || m == RequestMethod.PATCH)
                        .forEach(m -> info.getPatternsCondition().getPatterns().stream()
                                .map(Object::toString).filter(p -> p.startsWith("/api/"))
                                .forEach(p -> found.add(m.name() + " " + p)))));
        return found;
    }

    public static Set<String> keys(List<Target> targets) {
        Set<String> keys = new TreeSet<>();
        targets.forEach(t -> keys.add(t.key()));
        return keys;
    }

    public List<Tally> run(List<Target> targets, int perEndpoint) {
        List<Tally> tallies = new ArrayList<>();
        for (Target target : targets) {
            tallies.add(run(target, perEndpoint));
        }
        System.out.println("fuzz seed " + seed + ", " + perEndpoint + " per endpoint");
        tallies.forEach(System.out::println);
        return tallies;
    }

    public Tally run(Target target, int count) {
        Random random = new Random(seed ^ target.key().hashCode());
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        String auth = "Basic " + Base64.getEncoder().encodeToString((target.user() + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        long start = System.currentTimeMillis();
        List<CompletableFuture<?>> running = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String path = path(target, random);
            byte[] body = target.seed() == null ? new byte[0] : body(target.seed(), random);
            inFlight.acquireUninterruptibly();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .method(target.method(), HttpRequest.BodyPublishers.ofByteArray(body));
            if (random.nextInt(4) == 0) {
                request.header("Idempotency-Key", "fuzz-" + random.nextInt(50));
            }
            CompletableFuture<?> call = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                    .handle((response, error) -> {
                        int status = error != null ? 0 : response.statusCode();
                        statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                        if ((status >= 500 || status == 0) && failures.size() < 10) {
                            failures.add(status + " " + path + " " + new String(body, StandardCharsets.UTF_8) + " → "
                                    + (error != null ? error : response.body()));
                        }
                        inFlight.release();
                        return null;
                    });
            running.add(call);
            if (running.size() > 1000) {
                running.removeIf(CompletableFuture::isDone);
            }
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        Map<Integer, Long> counted = new TreeMap<>();
        statuses.forEach((s, n) -> counted.put(s, n.get()));
        return new Tally(target.key(), counted, List.copyOf(failures), System.currentTimeMillis() - start);
    }

    private static String path(Target target, Random random) {
        Matcher m = PLACEHOLDER.matcher(target.path());
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            List<String> good = target.values().getOrDefault(m.group(1), List.of("x"));
            String value = random.nextInt(5) == 0 ? nastyString(random) : good.get(random.nextInt(good.size()));
            m.appendReplacement(path, Matcher.quoteReplacement(URLEncoder.encode(value, StandardCharsets.UTF_8)
                    .replace("+", "%20")));
        }
        m.appendTail(path);
        return path.toString();
    }

    static byte[] body(String seed, Random random) {
        int kind = random.nextInt(20);
        if (kind == 0) {
            return brokenBytes(seed.getBytes(StandardCharsets.UTF_8), random);
        }
        if (kind == 1) {
            return wholeBody(random).getBytes(StandardCharsets.UTF_8);
        }
        JsonNode tree = JSON.readTree(seed);
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            tree = mutate(tree, random);
        }
        return JSON.writeValueAsBytes(tree);
    }

    private static JsonNode mutate(JsonNode tree, Random random) {
        if (!(tree instanceof ObjectNode) && !(tree instanceof ArrayNode)) {
            return nastyValue(random);
        }
        List<JsonNode> containers = new ArrayList<>();
        collect(tree, containers);
        JsonNode container = containers.get(random.nextInt(containers.size()));
        if (container instanceof ObjectNode object) {
            List<String> names = new ArrayList<>(object.propertyNames());
            int what = random.nextInt(10);
            if (names.isEmpty() || what == 0) {
                object.set(random.nextBoolean() ? nastyKey(random) : "extra", nastyValue(random));
            } else if (what == 1) {
                object.remove(names.get(random.nextInt(names.size())));
            } else {
                String name = names.get(random.nextInt(names.size()));
                JsonNode old = object.get(name);
                object.set(name, old != null && old.isString() && random.nextBoolean()
                        ? JsonNodeFactory.instance.stringNode(spliced(old.asString(), random)) : nastyValue(random));
            }
        } else if (container instanceof ArrayNode array) {
            if (array.isEmpty() || random.nextBoolean()) {
                array.add(nastyValue(random));
            } else {
                array.set(random.nextInt(array.size()), nastyValue(random));
            }
        }
        return tree;
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isObject() || node.isArray()) {
            containers.add(node);
            node.values().forEach(child -> collect(child, containers));
        }
    }

    private static final String[] STRINGS = {
            "", " ", "\u0000", "a\u0000b", "\u0001\u0002\u0007\u001b[31m", "\u007f", "\u0085\u009f", "\ud800", "\udfff x",
            "\ud83d\ude00", "\u202e\u2066", "\ufeff", "\uffff", "\n\r\t", "null", "true", "0", "-1", "1e999",
            "$gt", "{\"$gt\":\"\"}", "$where", "a.b.c", "..", "../../etc/passwd", "%00", "%", "\\", "\"", "'", "<script>",
            "R-0000000000", "SUPERVISOR", "LIVE", "TRIAL", "HOTLINE", "FAULT_REPAIR", "PT24H", "PT-1H", "P99999999D",
            "PT99999999999999H", "P1D", "-PT1S", "2026-01-01", "2026-02-30T00:00:00Z", "2038-01-19T03:14:08Z",
            "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "1970-01-01T00:00:00Z",
            "2026-12-04T10:00:00+08:00", "9999-12-31T23:59:59.999999999Z", "00:00", "25:61", "MONDAY", "每天",
            "李先生", "漏水", "eng01", "mgr01", "engineering", "cleaning", "NaN", "Infinity", "0x10", "1,000"};

    static String nastyString(Random random) {
        int kind = random.nextInt(12);
        if (kind == 0) {
            return "长".repeat(1 + random.nextInt(5000));
        }
        if (kind == 1) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                s.append((char) random.nextInt(0x10000));
            }
            return s.toString();
        }
        return STRINGS[random.nextInt(STRINGS.length)];
    }

    private static String spliced(String good, Random random) {
        int at = good.isEmpty() ? 0 : random.nextInt(good.length() + 1);
        return good.substring(0, at) + nastyString(random) + good.substring(at);
    }

    private static String nastyKey(Random random) {
        String[] keys = {"$set", "a.b", "\u0000", "", "__proto__", "_id", "id", "version", "class", "\ud800"};
        return keys[random.nextInt(keys.length)];
    }

    private static JsonNode nastyValue(Random random) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (random.nextInt(14)) {
            case 0 -> f.nullNode();
            case 1 -> f.booleanNode(random.nextBoolean());
            case 2 -> f.numberNode(random.nextInt());
            case 3 -> f.numberNode(random.nextLong());
            case 4 -> f.numberNode(new java.math.BigInteger("9".repeat(1 + random.nextInt(60))));
            case 5 -> f.numberNode(new java.math.BigDecimal("1e" + (random.nextInt(800) - 400)));
            case 6 -> f.numberNode(random.nextDouble() * 1e12 - 5e11);
            case 7 -> f.arrayNode().add(f.stringNode(nastyString(random))).add(f.numberNode(1));
            case 8 -> f.objectNode().put(nastyKey(random), nastyString(random));
            case 9 -> f.numberNode(-random.nextInt(100));
            default -> f.stringNode(nastyString(random));
        };
    }

    private static String wholeBody(Random random) {
        String[] bodies = {"", "null", "[]", "{}", "1", "\"x\"", "true", "{\"a\":", "{]", "[".repeat(2000),
                "{\"a\":".repeat(1500) + "1" + "}".repeat(1500), "\u0000", "{\"\u0000\":1}", "\ufeff{}"};
        return bodies[random.nextInt(bodies.length)];
    }

    private static byte[] brokenBytes(byte[] good, Random random) {
        byte[] bytes = java.util.Arrays.copyOf(good, random.nextBoolean() ? good.length : random.nextInt(good.length + 1));
        for (int i = 1 + random.nextInt(4); i > 0 && bytes.length > 0; i--) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return bytes;
    }
}
