package org.fcr.support;

import org.fcr.support.json.PrintableTextModule;
import org.fcr.support.kafka.KafkaSupportConfiguration;
import org.fcr.support.problem.ProblemHandler;
import org.fcr.support.security.SecurityConfiguration;
import org.fcr.support.health.MongoPingHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.context.annotation.Import;

/** Everything a service shares, switched on by having this module on the classpath. */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration")
@Import({SecurityConfiguration.class, KafkaSupportConfiguration.class, ProblemHandler.class})
public class FcrSupportAutoConfiguration {

    /** Every JSON body of every service refuses control characters in its strings (a 400 naming the field). */
    @Bean
    PrintableTextModule printableTextModule() {
        return new PrintableTextModule();
    }

    @Bean(name = "mongoPingHealthIndicator")
    @ConditionalOnBean(ReactiveMongoTemplate.class)
    MongoPingHealthIndicator mongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }
}
