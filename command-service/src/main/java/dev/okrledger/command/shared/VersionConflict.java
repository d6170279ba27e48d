package dev.okrledger.command.shared;

/** The client acted on an older version of the aggregate than the current one (HTTP 409). */
public class VersionConflict extends RuntimeException {
    private final long currentVersion;

    public VersionConflict(long expectedVersion, long currentVersion) {
        super("Expected version " + expectedVersion + " but the current version is " + currentVersion);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
