package dev.okrledger.command.directory;

import java.util.Collection;
import java.util.Map;

/** What linking owner handles to people needs to know of other people (decision 0045). */
public interface PersonDirectory {

    /** Whether a person of this subject signed in once (and is in the directory). */
    boolean isPerson(String subject);

    /**
     * Who already holds each of these names: the person a handle is linked to, or the person whose
     * subject it is. Names nobody holds are left out. Holds back other links until the transaction
     * ends, so two people cannot be given one handle at the same moment.
     */
    Map<String, String> holdersOf(Collection<String> handles);
}
