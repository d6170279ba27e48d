package dev.okrledger.query.board;

import dev.okrledger.query.cycle.CycleSnapshot;
import dev.okrledger.query.cycle.Moment;

import java.util.List;
import java.util.stream.Stream;

/** Every objective of a cycle with its key results, as of one {@link Moment}. */
public record Board(CycleSnapshot cycle, Moment moment, double expectedProgress, List<ObjectiveState> objectives) {

    public Stream<KeyResultState> keyResults() {
        return objectives.stream().flatMap(o -> o.keyResults().stream());
    }
}
