package org.fcr.notification.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides who is told what by which channel for one occurrence, following the configured
 * {@link RoutingRules}: one notice per recipient and channel (the first audience naming a person
 * wins), one message per chat group naming everyone it concerns, customers never told about a
 * drill, non-urgent customer messages held until quiet hours end, the customer's phone masked in
 * every text.
 */
public final class NoticePlanner {

    private final RoutingRules rules;
    private final Directory directory;
    private final TemplateBook templates;
    private final QuietHours quietHours;
    private final Set<ChannelKind> enabledChannels;
    private final RecipientResolver resolver;
    private final String staffLocale;

    public NoticePlanner(RoutingRules rules, Directory directory, TemplateBook templates, QuietHours quietHours,
                         Set<ChannelKind> enabledChannels, String staffLocale) {
        this.rules = rules;
        this.directory = directory;
        this.templates = templates;
        this.quietHours = quietHours;
        this.enabledChannels = Set.copyOf(enabledChannels);
        this.resolver = new RecipientResolver(directory, staffLocale);
        this.staffLocale = staffLocale;
    }

    public List<PlannedNotice> plan(Occurrence o, Instant now) {
        RoutingRule rule = rules.forKind(o.kind()).orElse(null);
        if (rule == null) {
            return List.of();
        }
        Map<String, Draft> drafts = new LinkedHashMap<>();
        for (Route route : rule.routes()) {
            for (Recipient recipient : resolver.resolve(route.audience(), o)) {
                for (ChannelKind channel : route.channels()) {
                    add(drafts, recipient, channel, o);
                }
            }
        }
        boolean urgent = rule.urgent() || o.urgent();
        List<PlannedNotice> notices = new ArrayList<>();
        for (Draft d : drafts.values()) {
            notices.add(finish(d, rule, o, urgent, now));
        }
        return notices;
    }

    /** A staff member's chat message goes to their department's robot, once per group. */
    private void add(Map<String, Draft> drafts, Recipient r, ChannelKind channel, Occurrence o) {
        if (channel == ChannelKind.WEBHOOK && r.audience() != Audience.GROUP && !r.audience().isCustomer()) {
            var group = directory.robotFor(r.department() != null ? r.department() : o.department()).orElse(null);
            if (group == null) {
                drafts.putIfAbsent(key(r.id(), channel), new Draft(r, channel, null));
                return;
            }
            Recipient asGroup = new Recipient(Audience.GROUP, group.id(), group.id(), r.department(), staffLocale,
                    Map.of(ChannelKind.WEBHOOK, group.url()));
            drafts.computeIfAbsent(key(group.id(), channel), k -> new Draft(asGroup, channel, group.url()))
                    .mentions.add(r.id());
            return;
        }
        drafts.putIfAbsent(key(r.id(), channel), new Draft(r, channel, r.addresses().get(channel)));
    }

    private PlannedNotice finish(Draft d, RoutingRule rule, Occurrence o, boolean urgent, Instant now) {
        Recipient r = d.recipient;
        boolean customer = r.audience().isCustomer();
        Map<String, Object> params = new HashMap<>(o.params());
        params.put("requestId", o.requestId());
        params.put("customerName", o.customer().name());
        params.put("customerUnit", o.customer().unit());
        params.put("customerPhone", PhoneMask.mask(o.customer().phone()));
        params.put("recipientName", r.name());
        TemplateBook.Text text = templates.render(rule.template(), r.locale(), params);

        DeliveryStatus status = DeliveryStatus.PENDING;
        String reason = null;
        if (customer && o.drill()) {
            status = DeliveryStatus.SUPPRESSED;
            reason = "drill";
        } else if (!enabledChannels.contains(d.channel)) {
            status = DeliveryStatus.SUPPRESSED;
            reason = "channel-off";
        } else if (d.address == null) {
            status = DeliveryStatus.SUPPRESSED;
            reason = "no-address";
        }
        Instant due = customer && !urgent ? quietHours.releaseAt(now) : now;
        return new PlannedNotice(NotificationId.of(o.sourceEventId(), o.kind(), r.id(), d.channel), o.sourceEventId(),
                o.kind(), o.requestId(), r.audience(), r.id(), r.name(), d.channel, d.address, d.mentions,
                rule.template(), text.locale(), text.subject(), text.body(), urgent, o.drill(), status, reason, due,
                o.occurredAt());
    }

    private static String key(String recipientId, ChannelKind channel) {
        return recipientId + "|" + channel;
    }

    private static final class Draft {
        final Recipient recipient;
        final ChannelKind channel;
        final String address;
        final List<String> mentions = new ArrayList<>();

        Draft(Recipient recipient, ChannelKind channel, String address) {
            this.recipient = recipient;
            this.channel = channel;
            this.address = address;
        }
    }
}
