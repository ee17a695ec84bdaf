package org.fcr.scoring.domain;

/** An employee as the events sign them: id, name, department. */
public record Person(String id, String name, String department) {
}
