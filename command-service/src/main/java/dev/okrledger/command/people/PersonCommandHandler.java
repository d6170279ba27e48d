package dev.okrledger.command.people;

import dev.okrledger.command.directory.PersonDirectory;
import dev.okrledger.command.people.PersonCommands.EditPerson;
import dev.okrledger.command.people.PersonCommands.LinkHandles;
import dev.okrledger.command.people.PersonCommands.SyncFromClaims;
import dev.okrledger.command.shared.Aggregates;
import dev.okrledger.command.shared.UnknownEntity;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/** Loads (or, at a first sign-in, creates) a person, reads who holds the handles to link, and lets the person decide. */
@Component
class PersonCommandHandler {

    /** What a sign-in's sync did, so its answer can say so (201 for a new person). */
    record Synced(long version, boolean registered) {}

    private final Repository<Person> people;
    private final PersonDirectory directory;

    PersonCommandHandler(Repository<Person> people, PersonDirectory directory) {
        this.people = people;
        this.directory = directory;
    }

    @CommandHandler
    Synced handle(SyncFromClaims command) throws Exception {
        // two first sign-ins at once: the second append loses the race and is retried on the registered person
        Aggregate<Person> person = people.loadOrCreate(Person.idOf(command.subject()), Person::new);
        boolean registered = person.version() == null;
        person.execute(p -> p.syncFromClaims(command));
        return new Synced(Aggregates.version(person), registered);
    }

    @CommandHandler
    long handle(EditPerson command) {
        Aggregate<Person> person = existing(command.subject(), command.expectedVersion());
        person.execute(p -> p.edit(command));
        return Aggregates.version(person);
    }

    @CommandHandler
    long handle(LinkHandles command) {
        Aggregate<Person> person = existing(command.subject(), command.expectedVersion());
        var holders = directory.holdersOf(command.handles());
        person.execute(p -> p.linkHandles(command, holders));
        return Aggregates.version(person);
    }

    private Aggregate<Person> existing(String subject, Long expectedVersion) {
        if (!directory.isPerson(subject)) {
            throw new UnknownEntity("person", null, subject);
        }
        return Aggregates.load(people, Person.idOf(subject), expectedVersion);
    }
}
