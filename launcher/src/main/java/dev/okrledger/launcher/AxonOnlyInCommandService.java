package dev.okrledger.launcher;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * All three services share one classpath in the embedded default, so Axon's auto-configuration
 * would also start in the query service and the notifier. A context started with
 * {@code okr.launcher.axon=false} skips every Axon auto-configuration.
 */
public class AxonOnlyInCommandService implements AutoConfigurationImportFilter, EnvironmentAware {

    static final String PROPERTY = "okr.launcher.axon";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean axonWanted = environment == null || environment.getProperty(PROPERTY, Boolean.class, true);
        boolean[] matches = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < autoConfigurationClasses.length; i++) {
            String candidate = autoConfigurationClasses[i];
            matches[i] = axonWanted || candidate == null || !candidate.startsWith("org.axonframework.");
        }
        return matches;
    }
}
