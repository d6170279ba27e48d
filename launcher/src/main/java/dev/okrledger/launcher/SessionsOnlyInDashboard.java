package dev.okrledger.launcher;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * All services share one classpath in the embedded default, so Spring Session's auto-configuration
 * would also put every request of the command, query and notifier services through a session store
 * in their databases (which have no session tables). A context started with
 * {@code okr.launcher.sessions=false} skips it; only the dashboard keeps sessions.
 */
public class SessionsOnlyInDashboard implements AutoConfigurationImportFilter, EnvironmentAware {

    static final String PROPERTY = "okr.launcher.sessions";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean sessionsWanted = environment == null || environment.getProperty(PROPERTY, Boolean.class, true);
        boolean[] matches = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < autoConfigurationClasses.length; i++) {
            String candidate = autoConfigurationClasses[i];
            matches[i] =
                    sessionsWanted || candidate == null || !candidate.startsWith("org.springframework.boot.session.");
        }
        return matches;
    }
}
