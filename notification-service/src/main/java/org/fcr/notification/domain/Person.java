package org.fcr.notification.domain;

/** A staff member as far as notices need: where to reach them and in which language. */
public record Person(String id, String name, String department, String email, String locale) {
}
