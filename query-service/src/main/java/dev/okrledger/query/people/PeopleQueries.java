package dev.okrledger.query.people;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Reads the people directory. */
@Component
public class PeopleQueries {

    private static final String ORDER = " order by lower(display_name), subject";

    private final JdbcClient jdbc;

    PeopleQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Everyone, by name. */
    public List<PersonView> all() {
        return jdbc.sql("select * from person_view" + ORDER)
                .query((rs, n) -> map(rs))
                .list();
    }

    /** The members and leads of a team, by name; the team's name in any case. */
    public List<PersonView> ofTeam(String team) {
        return jdbc.sql("""
                        select * from person_view
                         where exists (select 1 from unnest(teams || leads) t where lower(t) = lower(?))""" + ORDER).param(team).query((rs, n) -> map(rs)).list();
    }

    public Optional<PersonView> bySubject(String subject) {
        return jdbc.sql("select * from person_view where subject = ?")
                .param(subject)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /**
     * The person a key-result owner handle names: the one it is linked to, else the person whose subject
     * it is (an owner may be written as a subject).
     */
    public Optional<PersonView> byHandle(String handle) {
        return jdbc.sql("""
                        select * from (select p.*, 0 as precedence from person_view p
                                        where p.handles @> array[cast(? as text)]
                                       union all
                                       select p.*, 1 from person_view p where p.subject = ?) found
                         order by precedence, subject limit 1""").params(handle, handle).query((rs, n) -> map(rs)).optional();
    }

    private static PersonView map(ResultSet rs) throws SQLException {
        return new PersonView(
                rs.getString("subject"),
                rs.getString("display_name"),
                rs.getString("email"),
                rs.getString("time_zone"),
                names(rs.getArray("teams")),
                names(rs.getArray("leads")),
                names(rs.getArray("handles")),
                rs.getLong("version"),
                rs.getObject("registered_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static List<String> names(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
