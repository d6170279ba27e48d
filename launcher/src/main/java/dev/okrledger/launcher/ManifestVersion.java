package dev.okrledger.launcher;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the Maven project version, from the jar's manifest (Implementation-Version). */
final class ManifestVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = OkrLedger.class.getPackage().getImplementationVersion();
        return new String[] {
            "OKR Ledger " + (version != null ? version : "(development build: not run from its jar)"),
            "Java " + System.getProperty("java.version")
        };
    }
}
