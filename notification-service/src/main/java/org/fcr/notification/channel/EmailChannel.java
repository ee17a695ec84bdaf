package org.fcr.notification.channel;

import org.fcr.notification.domain.ChannelKind;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** E-mail over SMTP through Spring's {@link JavaMailSender}; the blocking send runs off the event loop. */
public class EmailChannel implements NoticeChannel {

    private final JavaMailSender sender;
    private final String from;

    public EmailChannel(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.EMAIL;
    }

    @Override
    public Mono<Void> send(Outgoing message) {
        return Mono.fromRunnable(() -> {
            SimpleMailMessage mail = new SimpleMailMessage();
            mail.setFrom(from);
            mail.setTo(message.address());
            mail.setSubject(message.subject());
            mail.setText(message.body());
            sender.send(mail);
        }).subscribeOn(Schedulers.boundedElastic()).then();
    }
}
