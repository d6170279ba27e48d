package dev.okrledger.dashboard.readmodel;

/** Direction of a key result's last confidence change, as the read models name it. */
public enum Trend {
    UP,
    DOWN,
    FLAT
}
