package org.fcr.notification.channel;

import java.util.Map;

import org.fcr.notification.domain.ChannelKind;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Mono;

/**
 * A group chat robot (WeCom / DingTalk): HTTP POST of {@code {"msgtype":"text","text":{...}}} to the
 * group's URL. Robots answer 200 with {@code errcode}; a non-zero one is a failed delivery.
 */
public class RobotWebhookChannel implements NoticeChannel {

    private final WebClient http;

    public RobotWebhookChannel(WebClient http) {
        this.http = http;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.WEBHOOK;
    }

    @Override
    public Mono<Void> send(Outgoing message) {
        Map<String, Object> body = Map.of(
                "msgtype", "text",
                "text", Map.of("content", message.subject() + "\n" + message.body(),
                        "mentioned_list", message.mentions()),
                "at", Map.of("atUserIds", message.mentions()),
                "notificationId", message.id());
        return http.post().uri(message.address()).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .retrieve()
                .bodyToMono(Map.class)
                .defaultIfEmpty(Map.of())
                .flatMap(RobotWebhookChannel::checkErrcode);
    }

    private static Mono<Void> checkErrcode(Map<?, ?> answer) {
        Object code = answer.get("errcode");
        if (code instanceof Number n && n.intValue() != 0) {
            return Mono.error(new IllegalStateException("robot refused: errcode " + n + " " + answer.get("errmsg")));
        }
        return Mono.empty();
    }
}
