package dev.okrledger.dashboard.signin;

import dev.okrledger.security.OkrUser;
import dev.okrledger.security.Role;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A person signed in on the embedded default's sign-in page. It lives in the HTTP session, on the
 * server, with the dev token minted for them; the token is neither a credential Spring shows nor
 * part of {@link #toString()}.
 */
final class DevSignInAuthentication extends AbstractAuthenticationToken {

    private final String subject;
    private final String name;
    private final ArrayList<String> teams;
    private final ArrayList<String> roles;
    private final String token;

    DevSignInAuthentication(OkrUser person, String token) {
        super(person.roles().stream()
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name()))
                .toList());
        this.subject = person.subject();
        this.name = person.displayName();
        this.teams = new ArrayList<>(person.teams());
        this.roles = person.roles().stream().map(Enum::name).collect(Collectors.toCollection(ArrayList::new));
        this.token = token;
        setAuthenticated(true);
    }

    OkrUser person() {
        Set<Role> known = roles.stream().map(Role::valueOf).collect(Collectors.toSet());
        return new OkrUser(subject, name, Set.copyOf(teams), known);
    }

    String token() {
        return token;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return subject;
    }

    @Override
    public String getName() {
        return subject;
    }

    @Override
    public String toString() {
        return "DevSignInAuthentication[" + subject + ", teams=" + teams + ", roles=" + roles + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DevSignInAuthentication that
                && subject.equals(that.subject)
                && teams.equals(that.teams)
                && roles.equals(that.roles)
                && token.equals(that.token);
    }

    @Override
    public int hashCode() {
        return subject.hashCode();
    }

    static List<String> roleNames() {
        return List.of(Role.MEMBER.name(), Role.OKR_LEAD.name(), Role.ADMIN.name());
    }
}
