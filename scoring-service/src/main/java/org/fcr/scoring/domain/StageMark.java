package org.fcr.scoring.domain;

/** How a stage of a drill ended: in time ({@code met}) or late. */
public record StageMark(String stage, boolean met) {
}
