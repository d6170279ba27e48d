package dev.okrledger.command.importing;

import dev.okrledger.command.directory.CycleFacts;
import dev.okrledger.command.directory.Directory;
import dev.okrledger.command.directory.ObjectiveFacts;
import dev.okrledger.command.importing.ImportPlan.PlannedKeyResult;
import dev.okrledger.command.importing.ImportPlan.PlannedObjective;
import dev.okrledger.command.keyresult.DefineKeyResult;
import dev.okrledger.command.objective.DefineObjective;
import dev.okrledger.contract.event.Indicator;
import dev.okrledger.contract.event.KeyResultKind;
import dev.okrledger.contract.event.MeasurementDefinition;
import dev.okrledger.contract.event.ObjectiveLevel;
import org.springframework.http.HttpStatus;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Checks every row of an import against the rules the define commands apply (and the format's
 * own: one objective per ref, parents that exist, no alignment loops, a key result once), collecting
 * every fault instead of stopping at the first. The aggregates still decide when the commands run;
 * this only lets a file be fixed in one go.
 */
final class ImportValidator {

    /** An objective as the file describes it: the first row that gives each attribute decides it. */
    private static final class FileObjective {
        final String ref;
        final int firstRow;
        final UUID id;
        final Map<ImportColumn, String> attributes = new HashMap<>();
        ObjectiveLevel level;
        UUID parentId;
        Optional<ObjectiveFacts> existing;

        FileObjective(String ref, int firstRow, UUID id) {
            this.ref = ref;
            this.firstRow = firstRow;
            this.id = id;
        }
    }

    private static final List<ImportColumn> OBJECTIVE_ATTRIBUTES =
            List.of(ImportColumn.OBJECTIVE_TITLE, ImportColumn.LEVEL, ImportColumn.TEAM, ImportColumn.PARENT_REF);

    private final UUID cycleId;
    private final CycleFacts cycle;
    private final Directory directory;
    private final List<RowError> errors = new ArrayList<>();
    private final Map<String, FileObjective> objectives = new LinkedHashMap<>();

    ImportValidator(UUID cycleId, CycleFacts cycle, Directory directory) {
        this.cycleId = cycleId;
        this.cycle = cycle;
        this.directory = directory;
    }

    /** @throws ImportProblem 422 listing every fault when any row breaks a rule */
    ImportPlan validate(ImportFileReader.ImportFile file) {
        errors.addAll(file.unreadableRows());
        List<ImportRow> keyResultRows = new ArrayList<>();
        for (ImportRow row : file.rows()) {
            CellReader cells = new CellReader(row, errors);
            cells.checkLengths();
            String ref = cells.required(ImportColumn.OBJECTIVE_REF);
            if (ref != null) {
                collect(row, ref, cells);
                if (row.definesKeyResult()) {
                    keyResultRows.add(row);
                }
            }
        }
        objectives.values().forEach(this::complete);
        objectives.values().forEach(this::resolveParent);
        List<PlannedObjective> plannedObjectives = parentsFirst();
        List<PlannedKeyResult> plannedKeyResults = keyResults(keyResultRows);
        if (!errors.isEmpty()) {
            throw ImportProblem.rows(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "import-rows-invalid",
                    errors.size() + " faults in "
                            + errors.stream().map(RowError::row).distinct().count()
                            + " rows of the file; nothing was recorded",
                    errors);
        }
        return new ImportPlan(plannedObjectives, plannedKeyResults);
    }

    private void collect(ImportRow row, String ref, CellReader cells) {
        FileObjective objective = objectives.computeIfAbsent(
                ref, r -> new FileObjective(r, row.number(), ImportIds.objective(cycleId, r)));
        for (ImportColumn column : OBJECTIVE_ATTRIBUTES) {
            String value = row.get(column);
            String known = objective.attributes.putIfAbsent(column, value);
            if (value != null
                    && known != null
                    && (column == ImportColumn.LEVEL ? !known.equalsIgnoreCase(value) : !known.equals(value))) {
                cells.error(
                        column,
                        "import-objective-consistent",
                        "Objective '" + ref + "' has " + column.header() + " '" + known
                                + "' on an earlier row; every row of one objective agrees (or leaves it blank)");
            }
        }
        if (row.has(ImportColumn.LEVEL) && objective.level == null) {
            objective.level = cells.enumValue(ImportColumn.LEVEL, ObjectiveLevel.class, null);
        }
    }

    /** Title, level and team are needed once per objective, unless it exists already (then the file changes nothing). */
    private void complete(FileObjective objective) {
        objective.attributes.values().removeIf(Objects::isNull);
        objective.existing = directory.objective(objective.id);
        if (objective.existing.isPresent()) {
            return;
        }
        for (ImportColumn column : List.of(ImportColumn.OBJECTIVE_TITLE, ImportColumn.LEVEL, ImportColumn.TEAM)) {
            if (!objective.attributes.containsKey(column)) {
                errors.add(new RowError(
                        objective.firstRow,
                        column.header(),
                        "invalid-field",
                        column.header() + " of objective '" + objective.ref + "' must be given on one of its rows"));
            }
        }
    }

    /** A parent is an objective of the file, one imported before under that ref, or the id of one in the cycle. */
    private void resolveParent(FileObjective objective) {
        String parentRef = objective.attributes.get(ImportColumn.PARENT_REF);
        if (parentRef == null || objective.existing.isPresent()) {
            return;
        }
        FileObjective inFile = objectives.get(parentRef);
        if (inFile != null) {
            objective.parentId = inFile.id;
            return;
        }
        Optional<ObjectiveFacts> inCycle = asId(parentRef)
                .flatMap(directory::objective)
                .or(() -> directory.objective(ImportIds.objective(cycleId, parentRef)));
        if (inCycle.isEmpty()) {
            parentError(
                    objective,
                    "unknown-objective",
                    "No objective '" + parentRef + "' in the file, and none with that ref or id in the cycle");
        } else if (!inCycle.get().cycleId().equals(cycleId)) {
            parentError(objective, "parent-in-same-cycle", "A parent objective must belong to the same cycle");
        } else {
            objective.parentId = inCycle.get().objectiveId();
        }
    }

    private void parentError(FileObjective objective, String rule, String message) {
        errors.add(new RowError(objective.firstRow, ImportColumn.PARENT_REF.header(), rule, message));
    }

    /** Objectives in an order that defines every parent before its children; a loop in the file is an error. */
    private List<PlannedObjective> parentsFirst() {
        List<PlannedObjective> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (FileObjective objective : objectives.values()) {
            List<FileObjective> chain = new ArrayList<>();
            FileObjective current = objective;
            while (current != null && !placed.contains(current.ref) && !chain.contains(current)) {
                chain.add(current);
                current = objectives.get(current.attributes.get(ImportColumn.PARENT_REF));
            }
            chain.forEach(step -> placed.add(step.ref));
            if (current != null && chain.contains(current)) {
                for (FileObjective member : chain.subList(chain.indexOf(current), chain.size())) {
                    parentError(
                            member,
                            "alignment-without-loops",
                            "Objective '" + member.ref + "' aligns through its parents back to itself");
                }
                continue;
            }
            Collections.reverse(chain);
            chain.forEach(step -> ordered.add(planned(step)));
        }
        return ordered;
    }

    private PlannedObjective planned(FileObjective o) {
        return new PlannedObjective(
                o.firstRow,
                o.ref,
                new DefineObjective(
                        o.id,
                        cycleId,
                        o.attributes.get(ImportColumn.OBJECTIVE_TITLE),
                        o.level,
                        o.attributes.get(ImportColumn.TEAM),
                        o.parentId),
                o.existing.isPresent());
    }

    private List<PlannedKeyResult> keyResults(List<ImportRow> rows) {
        List<PlannedKeyResult> planned = new ArrayList<>();
        Map<String, Integer> firstRowOfKey = new HashMap<>();
        for (ImportRow row : rows) {
            CellReader cells = new CellReader(row, errors);
            FileObjective objective = objectives.get(row.get(ImportColumn.OBJECTIVE_REF));
            String title = cells.required(ImportColumn.KEY_RESULT_TITLE);
            if (title == null) {
                continue;
            }
            String key = row.has(ImportColumn.KEY_RESULT_REF)
                    ? ImportIds.refKey(row.get(ImportColumn.KEY_RESULT_REF))
                    : ImportIds.titleKey(title);
            Integer earlier = firstRowOfKey.putIfAbsent(objective.ref + "\n" + key, row.number());
            if (earlier != null) {
                ImportColumn keyColumn = row.has(ImportColumn.KEY_RESULT_REF)
                        ? ImportColumn.KEY_RESULT_REF
                        : ImportColumn.KEY_RESULT_TITLE;
                cells.error(
                        keyColumn,
                        "import-key-result-once",
                        "Row " + earlier + " already defines this key result of objective '" + objective.ref
                                + "' (a key result is known by its keyResultRef, else by its title)");
                continue;
            }
            UUID id = ImportIds.keyResult(cycleId, objective.ref, key);
            boolean exists = directory.cycleOfKeyResult(id).isPresent();
            if (!exists && objective.existing.filter(ObjectiveFacts::retired).isPresent()) {
                cells.error(
                        ImportColumn.OBJECTIVE_REF,
                        "objective-not-retired",
                        "Objective '" + objective.ref + "' was retired; key results cannot be added to it");
            }
            DefineKeyResult command = define(id, objective.id, title, cells, row);
            String team =
                    objective.existing.map(ObjectiveFacts::team).orElse(objective.attributes.get(ImportColumn.TEAM));
            planned.add(new PlannedKeyResult(row.number(), objective.ref, team, command, exists));
        }
        return planned;
    }

    /** The rules of DefineKeyResult as the KeyResult aggregate applies them, every one checked. */
    private DefineKeyResult define(UUID id, UUID objectiveId, String title, CellReader cells, ImportRow row) {
        Indicator indicator = cells.enumValue(ImportColumn.INDICATOR, Indicator.class, null);
        String owner = cells.required(ImportColumn.OWNER);
        KeyResultKind kind = cells.enumValue(ImportColumn.KIND, KeyResultKind.class, KeyResultKind.METRIC);
        BigDecimal baseline = cells.decimal(ImportColumn.BASELINE);
        BigDecimal target = cells.decimal(ImportColumn.TARGET);
        List<String> milestones = cells.milestones();
        if (kind == KeyResultKind.MILESTONE && milestones.isEmpty()) {
            cells.error(
                    ImportColumn.MILESTONES,
                    "milestone-key-result-has-milestones",
                    "A MILESTONE key result needs its milestones, separated by ';'");
        }
        if (kind == KeyResultKind.METRIC) {
            if (!milestones.isEmpty()) {
                cells.error(
                        ImportColumn.MILESTONES,
                        "metric-key-result-has-no-milestones",
                        "Only a MILESTONE key result has milestones");
            }
            if (baseline == null && !row.has(ImportColumn.BASELINE)) {
                cells.error(
                        ImportColumn.BASELINE,
                        "metric-key-result-has-baseline",
                        "A metric key result needs a baseline");
            }
            if (target == null && !row.has(ImportColumn.TARGET)) {
                cells.error(ImportColumn.TARGET, "metric-key-result-has-target", "A metric key result needs a target");
            }
            if (baseline != null && target != null && baseline.compareTo(target) == 0) {
                cells.error(
                        ImportColumn.TARGET,
                        "target-differs-from-baseline",
                        "A key result's target must differ from its baseline");
            }
        }
        String counted = row.get(ImportColumn.MEASUREMENT_COUNTED);
        String excluded = row.get(ImportColumn.MEASUREMENT_EXCLUDED);
        String source = row.get(ImportColumn.MEASUREMENT_SOURCE);
        MeasurementDefinition measurement = counted == null && excluded == null && source == null
                ? null
                : new MeasurementDefinition(counted, excluded, source);
        return new DefineKeyResult(
                id,
                objectiveId,
                title,
                row.get(ImportColumn.UNIT),
                baseline,
                target,
                indicator,
                owner,
                kind,
                measurement,
                kind == KeyResultKind.MILESTONE ? milestones : List.of(),
                cells.checkpoints(cycle));
    }

    private static Optional<UUID> asId(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
