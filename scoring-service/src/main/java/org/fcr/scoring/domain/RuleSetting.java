package org.fcr.scoring.domain;

/**
 * One row of the rules table: points (negative = deduction), a fine in yuan with the range a
 * manager may choose from, and whether the department gets a notice (通报).
 */
public record RuleSetting(int points, int fineYuan, int minFineYuan, int maxFineYuan, boolean departmentNotice) {

    public RuleSetting {
        if (minFineYuan > maxFineYuan) {
            throw new IllegalArgumentException("minFineYuan above maxFineYuan");
        }
    }

    public static RuleSetting of(int points, int fineYuan, boolean notice) {
        return new RuleSetting(points, fineYuan, fineYuan, fineYuan, notice);
    }

    public boolean allowsFine(int fine) {
        return fine >= minFineYuan && fine <= maxFineYuan;
    }
}
