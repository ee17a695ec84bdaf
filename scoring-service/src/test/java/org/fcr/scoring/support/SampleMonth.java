package org.fcr.scoring.support;

import static org.fcr.scoring.support.Steps.acknowledged;
import static org.fcr.scoring.support.Steps.closed;
import static org.fcr.scoring.support.Steps.completed;
import static org.fcr.scoring.support.Steps.dispatched;
import static org.fcr.scoring.support.Steps.escalated;
import static org.fcr.scoring.support.Steps.harm;
import static org.fcr.scoring.support.Steps.reportedBack;
import static org.fcr.scoring.support.Steps.returned;
import static org.fcr.scoring.support.Steps.revisited;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.fcr.events.Actor;
import org.fcr.events.Category;
import org.fcr.events.DispatchReason;
import org.fcr.events.Satisfaction;
import org.fcr.events.SlaEventKind;
import org.fcr.events.Stage;

/**
 * A realistic month of requests touching every automatic rule, for the replay test and the
 * dashboard: each request's events stay in order; requests interleave by time.
 */
public final class SampleMonth {

    static {
        java.util.Objects.requireNonNull(Story.DESK); // Story trusts the Avro event package first
    }

    public static final Actor SEC = Actor.newBuilder().setEmployeeId("sec01").setName("杨军")
            .setDepartment("security").setRole("DEPARTMENT").setRank(1).build();
    public static final Actor CLEAN = Actor.newBuilder().setEmployeeId("clean01").setName("黄敏")
            .setDepartment("cleaning").setRole("DEPARTMENT").setRank(1).build();
    public static final Actor ENG2 = Actor.newBuilder().setEmployeeId("eng02").setName("陈刚")
            .setDepartment("engineering").setRole("DEPARTMENT").setRank(1).build();

    private SampleMonth() {
    }

    /** Events of a month of requests with ids prefixed by {@code prefix}, starting at {@code start}. */
    public static List<List<Object>> requests(String prefix, Instant start) {
        List<List<Object>> stories = new ArrayList<>();
        Actor[] handlers = { Story.ENGINEER, ENG2, SEC, CLEAN };
        String[] departments = { "engineering", "engineering", "security", "cleaning" };
        Satisfaction[] results = { Satisfaction.SATISFIED, Satisfaction.BASICALLY_SATISFIED, Satisfaction.SATISFIED,
                Satisfaction.NOT_SATISFIED, Satisfaction.SATISFIED };
        int shift = Math.floorMod(prefix.hashCode(), 5); // months differ a little, deterministically per prefix
        for (int i = 0; i < 12; i++) {
            Actor handler = handlers[i % handlers.length];
            Story s = Story.of(prefix + "-" + i, start.plus(Duration.ofHours(20L * i)),
                    i % 3 == 0 ? Category.SERVICE : Category.FAULT_REPAIR, "1380000" + String.format("%04d", i % 5));
            List<Object> events = new ArrayList<>();
            events.add(s.accepted());
            events.add(dispatched(s, departments[i % departments.length]));
            s.after(Duration.ofMinutes(3));
            events.add(s.sla(SlaEventKind.STARTED, Stage.ACKNOWLEDGE, null, departments[i % departments.length]));
            if (i % 4 == 1) {
                s.after(Duration.ofMinutes(10));
                events.add(s.sla(SlaEventKind.BREACHED, Stage.ACKNOWLEDGE, null, departments[i % departments.length]));
            }
            if (i == 6) {
                events.add(returned(s, SEC, "security"));
                events.add(dispatched(s, "cleaning", null, DispatchReason.ARBITRATED, "security"));
                handler = CLEAN;
            }
            events.add(acknowledged(s, handler));
            events.add(s.sla(SlaEventKind.MET, Stage.ACKNOWLEDGE, handler, handler.getDepartment()));
            events.add(s.sla(SlaEventKind.STARTED, Stage.ON_SITE, handler, handler.getDepartment()));
            s.after(Duration.ofMinutes(12));
            if (i % 3 == 2) {
                events.add(s.sla(SlaEventKind.BREACHED, Stage.ON_SITE, handler, handler.getDepartment()));
                events.add(s.sla(SlaEventKind.STARTED, Stage.COMPLETE, handler, handler.getDepartment()));
                s.after(Duration.ofMinutes(40));
                events.add(s.sla(SlaEventKind.BREACHED, Stage.COMPLETE, handler, handler.getDepartment()));
            } else {
                events.add(s.sla(SlaEventKind.MET, Stage.ON_SITE, handler, handler.getDepartment()));
            }
            events.add(completed(s, handler, i % 5 != 4));
            if (i == 9) {
                events.add(harm(s, events.get(events.size() - 1) instanceof org.fcr.events.RequestEvent e ? e.getEventId() : null));
            }
            events.add(reportedBack(s, handler, i % 7 != 3));
            if (i == 8) {
                events.add(escalated(s));
            }
            events.add(revisited(s, (i + shift) % 4 != 3, results[(i + shift) % results.length]));
            events.add(closed(s, i == 10 ? Story.DESK : handler));
            stories.add(events);
        }
        Story pushedAway = Story.of(prefix + "-P", start.plus(Duration.ofDays(1)), Category.COMPLAINT, "13811112222");
        stories.add(List.of(pushedAway.accepted(), closed(pushedAway, Story.DESK)));
        Story again = Story.of(prefix + "-Q", start.plus(Duration.ofDays(4)), Category.COMPLAINT, "13811112222");
        stories.add(List.of(again.accepted()));
        return stories;
    }

    /** All events in time order of the stories' creation (each story's own order kept). */
    public static List<Object> inOrder(List<List<Object>> stories) {
        List<Object> events = new ArrayList<>();
        stories.forEach(events::addAll);
        return events;
    }

    /** Another interleaving, as two partitions read at different speeds would give: round-robin over stories. */
    public static List<Object> interleaved(List<List<Object>> stories) {
        List<Object> events = new ArrayList<>();
        int longest = stories.stream().mapToInt(List::size).max().orElse(0);
        for (int step = 0; step < longest; step++) {
            for (int i = stories.size() - 1; i >= 0; i--) {
                if (step < stories.get(i).size()) {
                    events.add(stories.get(i).get(step));
                }
            }
        }
        return events;
    }
}
