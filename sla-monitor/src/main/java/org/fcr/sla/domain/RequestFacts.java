package org.fcr.sla.domain;

import org.fcr.events.Category;
import org.fcr.events.RequestSize;
import org.fcr.events.Scope;

/** What the time standards depend on. */
public record RequestFacts(Category category, String subcategory, RequestSize size, Scope scope) {
}
