package org.fcr.notification.domain;

/** How a notice travels. SMS goes out through an HTTP gateway and is the only one that sees a full phone number. */
public enum ChannelKind {
    EMAIL, WEBHOOK, SMS, IN_APP
}
