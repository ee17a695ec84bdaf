package org.fcr.notification.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.fcr.notification.testing.RecordingHttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.web.reactive.function.client.WebClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

/** Each channel against a real server: SMTP (GreenMail), a chat robot and an SMS gateway (JDK HTTP server). */
class ChannelsAgainstRealServersTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final RecordingHttpServer HTTP = new RecordingHttpServer();
    static final Duration WAIT = Duration.ofSeconds(10);

    static final Outgoing MESSAGE = new Outgoing("R1-5:result:desk01:email", "R1", "desk01", "王芳",
            "desk01@fcr.local", List.of("eng01", "sup01"), "【处理结果】R1", "诉求 R1 处理结果：已修复。电话 138****8000", false);

    @AfterAll
    static void stop() {
        HTTP.close();
    }

    @Test
    void emailGoesOutOverSmtpInUtf8() throws Exception {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(SMTP.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");

        new EmailChannel(sender, "fcr-noreply@fcr.local").send(MESSAGE).block(WAIT);

        var received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("desk01@fcr.local");
        assertThat(received[0].getFrom()[0].toString()).isEqualTo("fcr-noreply@fcr.local");
        assertThat(received[0].getSubject()).isEqualTo("【处理结果】R1");
        assertThat(GreenMailUtil.getBody(received[0])).isNotBlank();
        assertThat(received[0].getContent().toString()).contains("处理结果：已修复");
    }

    @Test
    void emailToAClosedSmtpPortFails() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(1);
        assertThatThrownBy(() -> new EmailChannel(sender, "x@fcr.local").send(MESSAGE).block(WAIT))
                .hasMessageContaining("Connect");
    }

    @Test
    void aRobotGetsTextWithEveryoneMentioned() {
        var robot = new RobotWebhookChannel(WebClient.create());
        robot.send(withAddress(HTTP.url("/robot/ok"))).block(WAIT);

        var posted = HTTP.received().stream().filter(r -> r.path().equals("/robot/ok")).toList();
        assertThat(posted).hasSize(1);
        assertThat(posted.get(0).body())
                .contains("\"msgtype\":\"text\"")
                .contains("【处理结果】R1\\n诉求 R1 处理结果：已修复")
                .contains("\"mentioned_list\":[\"eng01\",\"sup01\"]")
                .contains("\"atUserIds\":[\"eng01\",\"sup01\"]");
    }

    @Test
    void aRobotThatRefusesOrAnErrorStatusIsAFailedDelivery() {
        try (var refusing = new RecordingHttpServer(); var broken = new RecordingHttpServer()) {
            refusing.answer(200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}");
            broken.answer(502, "bad gateway");
            var robot = new RobotWebhookChannel(WebClient.create());
            assertThatThrownBy(() -> robot.send(withAddress(refusing.url("/r"))).block(WAIT))
                    .hasMessageContaining("errcode 93000");
            assertThatThrownBy(() -> robot.send(withAddress(broken.url("/r"))).block(WAIT))
                    .hasMessageContaining("502");
        }
    }

    @Test
    void theSmsGatewayIsTheOnlyOneToGetTheFullPhone() {
        var sms = new SmsGatewayChannel(WebClient.create(), HTTP.url("/sms"));
        sms.send(withAddress("13800138000")).block(WAIT);

        var posted = HTTP.received().stream().filter(r -> r.path().equals("/sms")).toList();
        assertThat(posted).hasSize(1);
        assertThat(posted.get(0).body()).contains("\"phone\":\"13800138000\"")
                .contains("\"reference\":\"R1-5:result:desk01:email\"")
                .contains("138****8000");
    }

    static Outgoing withAddress(String address) {
        return new Outgoing(MESSAGE.id(), MESSAGE.requestId(), MESSAGE.recipientId(), MESSAGE.recipientName(), address,
                MESSAGE.mentions(), MESSAGE.subject(), MESSAGE.body(), false);
    }
}
