package dev.okrledger.contract.event;

import java.util.Collection;
import java.util.List;

/** Teams and handles travel as sets in one canonical form: each name once, in name order. */
final class NameSets {

    private NameSets() {}

    static List<String> of(Collection<String> names) {
        return names == null ? List.of() : names.stream().distinct().sorted().toList();
    }
}
