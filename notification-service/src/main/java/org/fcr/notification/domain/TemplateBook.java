package org.fcr.notification.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message templates per locale ({@code <template>.subject}, {@code <template>.body}) with
 * {@code {name}} placeholders. A value is shown localized when the bundle has {@code <name>.<value>}
 * (e.g. {@code stage.ACCEPT=受理}); instants are shown in the company's zone.
 */
public final class TemplateBook {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Map<String, Map<String, String>> byLocale;
    private final String fallbackLocale;
    private final ZoneId zone;

    public TemplateBook(Map<String, Map<String, String>> byLocale, String fallbackLocale, ZoneId zone) {
        this.byLocale = Map.copyOf(byLocale);
        this.fallbackLocale = fallbackLocale;
        this.zone = zone;
        if (!byLocale.containsKey(fallbackLocale)) {
            throw new IllegalArgumentException("No templates for the fallback locale " + fallbackLocale);
        }
    }

    public record Text(String locale, String subject, String body) {
    }

    public Text render(String template, String locale, Map<String, Object> params) {
        String used = byLocale.containsKey(locale) ? locale : fallbackLocale;
        Map<String, String> bundle = byLocale.get(used);
        return new Text(used, fill(lookup(bundle, template + ".subject"), bundle, params),
                fill(lookup(bundle, template + ".body"), bundle, params));
    }

    private String lookup(Map<String, String> bundle, String key) {
        String text = bundle.get(key);
        if (text == null) {
            text = byLocale.get(fallbackLocale).get(key);
        }
        if (text == null) {
            throw new IllegalArgumentException("No template " + key);
        }
        return text;
    }

    private String fill(String text, Map<String, String> bundle, Map<String, Object> params) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(show(m.group(1), params.get(m.group(1)), bundle)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String show(String name, Object value, Map<String, String> bundle) {
        if (value == null) {
            return bundle.getOrDefault("value.none", "-");
        }
        if (value instanceof Instant instant) {
            return TIME.format(instant.atZone(zone));
        }
        String plain = String.valueOf(value);
        return bundle.getOrDefault(name + "." + plain, plain);
    }
}
