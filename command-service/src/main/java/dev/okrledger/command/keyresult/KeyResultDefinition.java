package dev.okrledger.command.keyresult;

import dev.okrledger.command.directory.CycleFacts;
import dev.okrledger.command.shared.InvalidInput;
import dev.okrledger.contract.event.Checkpoint;
import dev.okrledger.contract.event.KeyResultDefined;
import dev.okrledger.contract.event.KeyResultKind;
import dev.okrledger.contract.policy.Progress;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a key result measures and how far it must move. A METRIC key result runs from its baseline
 * to a target that differs from it, and has no milestones; a MILESTONE key result runs from 0 to
 * its number of milestones, each named once, so progress = done / total. Checkpoints (a date and
 * the value expected by then) fall inside the cycle. Made from a command it checks these rules;
 * rebuilt from events it takes them as recorded.
 */
record KeyResultDefinition(
        KeyResultKind kind,
        String unit,
        BigDecimal baseline,
        BigDecimal target,
        List<String> milestones,
        List<Checkpoint> checkpoints) {

    /** The definition a command asks for, in its cycle. */
    static KeyResultDefinition of(DefineKeyResult command, CycleFacts cycle) {
        if (command.kind() == KeyResultKind.MILESTONE) {
            List<String> names = namedOnce(command.milestones());
            String unit = command.unit() == null || command.unit().isBlank() ? "milestones" : command.unit();
            return new KeyResultDefinition(
                    KeyResultKind.MILESTONE,
                    unit,
                    BigDecimal.ZERO,
                    BigDecimal.valueOf(names.size()),
                    names,
                    inside(cycle, command.checkpoints()));
        }
        if (command.baseline() == null) {
            throw new InvalidInput(
                    "metric-key-result-has-baseline", "baseline", "A metric key result needs a baseline");
        }
        if (command.target() == null) {
            throw new InvalidInput("metric-key-result-has-target", "target", "A metric key result needs a target");
        }
        if (!command.milestones().isEmpty()) {
            throw new InvalidInput(
                    "metric-key-result-has-no-milestones", "milestones", "Only a MILESTONE key result has milestones");
        }
        requireTargetDiffersFromBaseline(command.baseline(), command.target());
        return new KeyResultDefinition(
                KeyResultKind.METRIC,
                command.unit(),
                command.baseline(),
                command.target(),
                List.of(),
                inside(cycle, command.checkpoints()));
    }

    private static List<String> namedOnce(List<String> milestones) {
        List<String> names = milestones.stream().map(String::strip).toList();
        if (names.isEmpty() || names.stream().anyMatch(String::isEmpty)) {
            throw new InvalidInput(
                    "milestone-key-result-has-milestones",
                    "milestones",
                    "A milestone key result needs at least one named milestone");
        }
        if (new HashSet<>(names).size() != names.size()) {
            throw new InvalidInput("milestone-names-unique", "milestones", "Milestone names must be unique");
        }
        return names;
    }

    /** The checkpoints in date order, once each has a date inside the cycle and an expected value. */
    private static List<Checkpoint> inside(CycleFacts cycle, List<Checkpoint> checkpoints) {
        for (Checkpoint checkpoint : checkpoints) {
            if (checkpoint.date() == null
                    || checkpoint.expectedValue() == null
                    || checkpoint.date().isBefore(cycle.startsOn())
                    || checkpoint.date().isAfter(cycle.endsOn())) {
                throw new InvalidInput(
                        "checkpoints-inside-cycle",
                        "checkpoints",
                        "Every checkpoint needs a date inside the cycle and an expected value");
            }
        }
        return checkpoints.stream()
                .sorted(Comparator.comparing(Checkpoint::date))
                .toList();
    }

    /** As the event recorded it: events are facts, so no rule of today refuses them. */
    static KeyResultDefinition from(KeyResultDefined event) {
        return new KeyResultDefinition(
                event.kind(), event.unit(), event.baseline(), event.target(), event.milestones(), event.checkpoints());
    }

    /** A new target, as an edit asks for it: only a metric key result's, and still not its baseline. */
    void requireTargetAllowed(BigDecimal newTarget) {
        if (kind == KeyResultKind.MILESTONE) {
            throw new InvalidInput(
                    "milestone-target-is-its-milestones",
                    "target",
                    "A milestone key result's target is its number of milestones");
        }
        requireTargetDiffersFromBaseline(baseline, newTarget);
    }

    /** Direction follows from baseline and target, so they must differ (docs/domain.md). */
    private static void requireTargetDiffersFromBaseline(BigDecimal baseline, BigDecimal target) {
        if (target.compareTo(baseline) == 0) {
            throw new InvalidInput(
                    "target-differs-from-baseline", "target", "A key result's target must differ from its baseline");
        }
    }

    /** After a target change, checked when it was decided. */
    KeyResultDefinition withTarget(BigDecimal newTarget) {
        return new KeyResultDefinition(kind, unit, baseline, newTarget, milestones, checkpoints);
    }

    /** A metric check-in states its value; a milestone check-in's value is the number of milestones done. */
    BigDecimal valueOf(RecordCheckIn command) {
        if (kind == KeyResultKind.MILESTONE) {
            Set<String> done = new LinkedHashSet<>(command.milestonesDone());
            if (!milestones.containsAll(done)) {
                throw new InvalidInput(
                        "milestones-done-exist",
                        "milestonesDone",
                        "Unknown milestone(s); this key result has " + milestones);
            }
            return BigDecimal.valueOf(done.size());
        }
        if (command.value() == null) {
            throw new InvalidInput(
                    "metric-check-in-has-value", "value", "A check-in on a metric key result needs a value");
        }
        return command.value();
    }

    /** The milestones a check-in marks done, each once; none on a metric key result. */
    List<String> milestonesDone(RecordCheckIn command) {
        return kind == KeyResultKind.MILESTONE ? List.copyOf(new LinkedHashSet<>(command.milestonesDone())) : List.of();
    }

    /** Measurements come from data sources, which count values: a milestone key result is checked in by people. */
    void requireMeasurable() {
        if (kind == KeyResultKind.MILESTONE) {
            throw new InvalidInput(
                    "measurement-on-metric-key-result",
                    "keyResultId",
                    "A milestone key result is checked in by people; measurements feed metric key results only");
        }
    }

    /** The score of a last value: its progress, 0 without one. */
    double scoreOf(Optional<BigDecimal> lastValue) {
        return Progress.of(baseline, target, lastValue.orElse(baseline));
    }
}
