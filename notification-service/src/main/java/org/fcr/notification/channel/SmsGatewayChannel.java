package org.fcr.notification.channel;

import java.util.Map;

import org.fcr.notification.domain.ChannelKind;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Mono;

/**
 * SMS through an HTTP gateway: the one place a customer's full phone number leaves the service
 * ({@code {"phone","text","reference"}} to the configured URL; any 2xx is accepted).
 */
public class SmsGatewayChannel implements NoticeChannel {

    private final WebClient http;
    private final String gatewayUrl;

    public SmsGatewayChannel(WebClient http, String gatewayUrl) {
        this.http = http;
        this.gatewayUrl = gatewayUrl;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.SMS;
    }

    @Override
    public Mono<Void> send(Outgoing message) {
        Map<String, Object> body = Map.of("phone", message.address(), "text", message.subject() + " " + message.body(),
                "reference", message.id());
        return http.post().uri(gatewayUrl).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .retrieve().toBodilessEntity().then();
    }
}
