package dev.okrledger.contract.event;

import java.util.List;

/** The teams a person is a member of, or the teams they lead, changed. Carries both as they are now. */
public record PersonTeamsChanged(String subject, List<String> teams, List<String> leads) implements OkrEvent {

    public PersonTeamsChanged {
        teams = NameSets.of(teams);
        leads = NameSets.of(leads);
    }

    @Override
    public String partitionKey() {
        return subject;
    }
}
