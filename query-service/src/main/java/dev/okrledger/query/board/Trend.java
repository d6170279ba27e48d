package dev.okrledger.query.board;

/** Direction of the last confidence change (latest check-in against the one before it, in effective order). */
public enum Trend {
    UP,
    DOWN,
    FLAT;

    public static Trend of(int delta) {
        return delta > 0 ? UP : delta < 0 ? DOWN : FLAT;
    }
}
