package dev.okrledger.tools.client;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcFsTest {

    @Test
    void cpuTimesAreReadAfterANameWithSpacesAndParentheses(@TempDir Path dir) throws Exception {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime …
        Path stat = dir.resolve("stat");
        Files.writeString(stat, "4242 (C2 (Compiler) 1) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 7 3 20 0 1 0\n");

        ProcFs.Stat parsed = ProcFs.stat(stat).orElseThrow();

        assertEquals("C2 (Compiler) 1", parsed.name());
        assertEquals(1, parsed.parentPid());
        assertEquals(300, parsed.ownTicks());
        assertEquals(10, parsed.reapedChildrenTicks());
    }

    @Test
    void aProcessThatIsGoneReadsAsNothing(@TempDir Path dir) {
        assertTrue(ProcFs.stat(dir.resolve("no-such-stat")).isEmpty());
    }

    @Test
    void thisProcessHasThreadsAndAPeakResidentSet() {
        Assumptions.assumeTrue(ProcFs.available(), "needs Linux /proc");
        long self = ProcessHandle.current().pid();

        assertTrue(ProcFs.threads(self).size() > 1);
        assertTrue(ProcFs.statusKiB(self, "VmHWM").orElseThrow() > 0);
        assertTrue(ProcFs.stat(self).orElseThrow().ownTicks() >= 0);
    }
}
