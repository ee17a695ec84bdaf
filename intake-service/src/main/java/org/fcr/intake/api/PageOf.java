package org.fcr.intake.api;

import java.util.List;

/** A page of a list: its items, where it is, and how many there are in all. */
public record PageOf<T>(List<T> items, int page, int size, long total) {
}
