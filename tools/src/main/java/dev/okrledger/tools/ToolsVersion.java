package dev.okrledger.tools;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the Maven project version, from the jar's manifest (Implementation-Version). */
final class ToolsVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Tools.class.getPackage().getImplementationVersion();
        return new String[] {
            "OKR Ledger tools " + (version != null ? version : "(development build: not run from its jar)"),
            "Java " + System.getProperty("java.version")
        };
    }
}
