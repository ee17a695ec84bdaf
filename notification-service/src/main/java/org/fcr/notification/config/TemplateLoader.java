package org.fcr.notification.config;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.fcr.notification.domain.TemplateBook;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Loads {@code notices/templates_<locale>.properties} (UTF-8) into a {@link TemplateBook}. */
public final class TemplateLoader {

    private TemplateLoader() {
    }

    public static TemplateBook load(String fallbackLocale, ZoneId zone) throws IOException {
        Map<String, Map<String, String>> byLocale = new HashMap<>();
        for (Resource resource : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:notices/templates_*.properties")) {
            String file = resource.getFilename();
            String locale = file.substring("templates_".length(), file.length() - ".properties".length());
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            Map<String, String> texts = byLocale.computeIfAbsent(locale, k -> new HashMap<>());
            properties.forEach((k, v) -> texts.put((String) k, (String) v));
        }
        return new TemplateBook(byLocale, fallbackLocale, zone);
    }
}
