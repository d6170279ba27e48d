package dev.okrledger.dashboard.readmodel;

/** Why a key result is on a board's at-risk list, as the read models name it. */
public enum RiskReason {
    RED,
    AMBER,
    BEHIND_PACE,
    STALE
}
