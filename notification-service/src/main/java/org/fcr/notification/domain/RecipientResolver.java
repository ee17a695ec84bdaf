package org.fcr.notification.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns an {@link Audience} of one occurrence into people with their addresses. */
final class RecipientResolver {

    private final Directory directory;
    private final String staffLocale;

    RecipientResolver(Directory directory, String staffLocale) {
        this.directory = directory;
        this.staffLocale = staffLocale;
    }

    List<Recipient> resolve(Audience audience, Occurrence o) {
        return switch (audience) {
            case CUSTOMER -> List.of(customer(o));
            case HANDLER -> staff(audience, o.handlerId());
            case FIRST_RESPONDER -> staff(audience, o.firstResponderId());
            case DESK -> directory.desk().stream().flatMap(id -> staff(audience, id).stream()).toList();
            case SUPERVISOR -> staff(audience, directory.supervisorOf(o.department()).orElse(null));
            case OFFICE_MANAGER -> staff(audience, directory.officeManager().orElse(null));
            case PERSON -> o.subjectId() != null ? staff(audience, o.subjectId())
                    : staff(audience, directory.supervisorOf(o.department()).orElse(null));
            case GROUP -> directory.robotFor(o.department())
                    .map(g -> List.of(new Recipient(Audience.GROUP, g.id(), g.id(), o.department(), staffLocale,
                            Map.of(ChannelKind.WEBHOOK, g.url()))))
                    .orElse(List.of());
        };
    }

    private Recipient customer(Occurrence o) {
        Map<ChannelKind, String> addresses = new EnumMap<>(ChannelKind.class);
        Customer c = o.customer();
        if (c.phone() != null && !c.phone().isBlank()) {
            addresses.put(ChannelKind.SMS, c.phone().strip());
        }
        if (c.email() != null && !c.email().isBlank()) {
            addresses.put(ChannelKind.EMAIL, c.email().strip());
        }
        return new Recipient(Audience.CUSTOMER, "customer:" + o.requestId(), c.name(), null,
                directory.customerLocale(), addresses);
    }

    private List<Recipient> staff(Audience audience, String id) {
        if (id == null || id.isBlank()) {
            return List.of();
        }
        Person person = directory.staff(id).orElse(new Person(id, id, null, null, null));
        Map<ChannelKind, String> addresses = new EnumMap<>(ChannelKind.class);
        addresses.put(ChannelKind.IN_APP, person.id());
        Optional.ofNullable(person.email()).filter(e -> !e.isBlank()).ifPresent(e -> addresses.put(ChannelKind.EMAIL, e));
        List<Recipient> out = new ArrayList<>();
        out.add(new Recipient(audience, person.id(), person.name(), person.department(),
                person.locale() == null ? staffLocale : person.locale(), addresses));
        return out;
    }
}
