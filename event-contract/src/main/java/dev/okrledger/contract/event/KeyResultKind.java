package dev.okrledger.contract.event;

/**
 * METRIC: a number moves from baseline to target. MILESTONE: named milestones; its value is the
 * number done, baseline 0 and target the number of milestones, so progress = done / total.
 */
public enum KeyResultKind {
    METRIC,
    MILESTONE
}
