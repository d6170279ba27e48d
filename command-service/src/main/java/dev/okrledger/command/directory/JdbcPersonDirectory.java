package dev.okrledger.command.directory;

import dev.okrledger.contract.event.PersonHandlesChanged;
import dev.okrledger.contract.event.PersonRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@link PersonDirectory} in the command side's database, written like {@link JdbcDirectory} by the
 * subscribing processor in the transaction that appends a person's events.
 */
@Component
@ProcessingGroup("command-directory")
public class JdbcPersonDirectory implements PersonDirectory {

    private final JdbcClient jdbc;

    public JdbcPersonDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isPerson(String subject) {
        return jdbc.sql("select count(*) from person_directory where subject = ?")
                        .param(subject)
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Override
    public Map<String, String> holdersOf(Collection<String> handles) {
        if (handles.isEmpty()) {
            return Map.of();
        }
        // linking handles is rare (admins): one lock for all of it keeps the check exact across instances
        jdbc.sql("select pg_advisory_xact_lock(hashtext('okr-person-handles'))")
                .query()
                .listOfRows();
        Map<String, String> holders = new HashMap<>();
        // a linked handle comes last and wins over a subject of the same name: an admin linked it on purpose
        jdbc.sql("""
                        select subject as handle, subject, false as linked from person_directory where subject in (:names)
                        union all
                        select handle, subject, true from person_handle_directory where handle in (:names)
                         order by linked""")
                .param("names", handles)
                .query((rs, n) -> Map.entry(rs.getString("handle"), rs.getString("subject")))
                .list()
                .forEach(holder -> holders.put(holder.getKey(), holder.getValue()));
        return holders;
    }

    @EventHandler
    void on(PersonRegistered e) {
        jdbc.sql("insert into person_directory(subject) values (?)")
                .param(e.subject())
                .update();
    }

    @EventHandler
    void on(PersonHandlesChanged e) {
        jdbc.sql("delete from person_handle_directory where subject = ?")
                .param(e.subject())
                .update();
        for (String handle : e.handles()) {
            jdbc.sql("insert into person_handle_directory(handle, subject) values (?, ?)")
                    .params(handle, e.subject())
                    .update();
        }
    }
}
