package dev.okrledger.query.board;

/** Why a key result is on the at-risk list. */
public enum RiskReason {
    RED,
    AMBER,
    BEHIND_PACE,
    STALE
}
