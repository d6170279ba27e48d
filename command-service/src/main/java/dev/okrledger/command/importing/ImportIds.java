package dev.okrledger.command.importing;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * Ids derived from a row's natural key, so the same file imported twice names the same aggregates
 * (decision 0022): an objective is keyed by cycle and {@code objectiveRef}, a key result also by its
 * {@code keyResultRef}, or by its title when it has no ref.
 */
final class ImportIds {

    private ImportIds() {}

    static UUID objective(UUID cycleId, String objectiveRef) {
        return nameBased("okr-ledger:import:" + cycleId + ":objective:" + objectiveRef);
    }

    static UUID keyResult(UUID cycleId, String objectiveRef, String keyResultKey) {
        return nameBased("okr-ledger:import:" + cycleId + ":objective:" + objectiveRef + ":key-result:" + keyResultKey);
    }

    /** A title as a key: case and runs of spaces do not make another key result. */
    static String titleKey(String title) {
        return "title:" + title.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    static String refKey(String keyResultRef) {
        return "ref:" + keyResultRef;
    }

    private static UUID nameBased(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
