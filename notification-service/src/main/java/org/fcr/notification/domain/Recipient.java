package org.fcr.notification.domain;

import java.util.Map;

/** A resolved recipient with an address per channel it can be reached by. */
record Recipient(Audience audience, String id, String name, String department, String locale,
                 Map<ChannelKind, String> addresses) {
}
