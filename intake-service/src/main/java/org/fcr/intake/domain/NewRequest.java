package org.fcr.intake.domain;

import java.time.Instant;
import java.util.List;

import org.fcr.events.Actor;
import org.fcr.events.Category;
import org.fcr.events.Channel;
import org.fcr.events.Customer;
import org.fcr.events.RequestSize;
import org.fcr.events.Scope;

/** What the first responder records when accepting a request (受理), already resolved to actors. */
public record NewRequest(Channel channel, Category category, String subcategory, RequestSize size, Scope scope,
                         boolean major, boolean paid, boolean drill, Customer customer, String building,
                         String description, Instant receivedAt, Instant promisedBy, String promisedResult,
                         String customerConfirmation, Actor firstResponder, List<Actor> askedTogether,
                         boolean dispatch, String suggestedDepartment) {
}
