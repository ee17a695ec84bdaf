package org.fcr.notification.config;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

import org.fcr.notification.channel.Channels;
import org.fcr.notification.channel.EmailChannel;
import org.fcr.notification.channel.InAppChannel;
import org.fcr.notification.channel.InAppHub;
import org.fcr.notification.channel.NoticeChannel;
import org.fcr.notification.channel.RobotWebhookChannel;
import org.fcr.notification.channel.SmsGatewayChannel;
import org.fcr.notification.delivery.DeliveryLoop;
import org.fcr.notification.delivery.DeliveryScheduler;
import org.fcr.notification.delivery.NotificationIntake;
import org.fcr.notification.domain.ChannelKind;
import org.fcr.notification.domain.NoticePlanner;
import org.fcr.notification.domain.RetryPolicy;
import org.fcr.notification.messaging.OutcomePublisher;
import org.fcr.notification.store.LookupIndex;
import org.fcr.notification.store.NotificationStore;
import org.fcr.notification.store.PendingIndex;
import org.fcr.support.kafka.TopicPublisher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.web.reactive.function.client.WebClient;

/** Store, channels (only the enabled ones), intake and the delivery loop. */
@Configuration(proxyBeanMethods = false)
public class DeliveryConfiguration {

    @Bean
    NotificationStore notificationStore(ReactiveMongoTemplate mongo) {
        return new NotificationStore(mongo);
    }

    @Bean
    PendingIndex pendingIndex(ReactiveMongoTemplate mongo) {
        return new PendingIndex(mongo);
    }

    @Bean
    LookupIndex lookupIndex(ReactiveMongoTemplate mongo, Clock clock, NotificationProperties settings) {
        return new LookupIndex(mongo, clock, settings.delivery().inboxWindow());
    }

    @Bean
    InAppHub inAppHub() {
        return new InAppHub();
    }

    @Bean
    OutcomePublisher outcomePublisher(TopicPublisher publisher, Clock clock) {
        return new OutcomePublisher(publisher, clock);
    }

    @Bean
    Channels noticeChannels(NotificationProperties settings, InAppHub hub, Clock clock,
                                                   ObjectProvider<JavaMailSender> mail) {
        var c = settings.channels();
        Map<ChannelKind, NoticeChannel> channels = new EnumMap<>(ChannelKind.class);
        WebClient http = WebClient.builder().build();
        if (c.enabled(ChannelKind.IN_APP)) {
            channels.put(ChannelKind.IN_APP, new InAppChannel(hub, clock));
        }
        if (c.enabled(ChannelKind.EMAIL)) {
            channels.put(ChannelKind.EMAIL, new EmailChannel(mail.getObject(), c.email().from()));
        }
        if (c.enabled(ChannelKind.WEBHOOK)) {
            channels.put(ChannelKind.WEBHOOK, new RobotWebhookChannel(http));
        }
        if (c.enabled(ChannelKind.SMS)) {
            channels.put(ChannelKind.SMS, new SmsGatewayChannel(http, c.sms().gatewayUrl()));
        }
        return new Channels(channels);
    }

    @Bean
    NotificationIntake notificationIntake(NoticePlanner planner, NotificationStore store, PendingIndex pending,
                                          LookupIndex lookup, OutcomePublisher outcomes, Clock clock) {
        return new NotificationIntake(planner, store, pending, lookup, outcomes, clock);
    }

    @Bean
    DeliveryLoop deliveryLoop(NotificationStore store, PendingIndex pending,
                              Channels noticeChannels, RetryPolicy retry,
                              OutcomePublisher outcomes, Clock clock, NotificationProperties settings) {
        var d = settings.delivery();
        return new DeliveryLoop(store, pending, noticeChannels.byKind(), retry, outcomes, clock, d.batch(), d.lease(),
                d.sendTimeout());
    }

    @Bean
    DeliveryScheduler deliveryScheduler(DeliveryLoop loop, NotificationProperties settings) {
        return new DeliveryScheduler(loop, settings.delivery().tick());
    }
}
