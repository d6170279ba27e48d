package dev.okrledger.dashboard.signin;

import dev.okrledger.security.OkrUser;
import dev.okrledger.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.util.SerializationUtils;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions live in the dashboard's database, Java-serialised: a sign-in must come back whole on another instance. */
class DevSignInAuthenticationTest {

    @Test
    void aSignInSurvivesSerialisationWithItsPersonAndToken() {
        OkrUser ana = new OkrUser("ana", "ana", Set.of("support", "platform"), Set.of(Role.MEMBER));
        DevSignInAuthentication signedIn = new DevSignInAuthentication(ana, "token-of-ana");

        DevSignInAuthentication back =
                (DevSignInAuthentication) SerializationUtils.deserialize(SerializationUtils.serialize(signedIn));

        assertThat(back).isEqualTo(signedIn);
        assertThat(back.person()).isEqualTo(ana);
        assertThat(back.token()).isEqualTo("token-of-ana");
        assertThat(back.isAuthenticated()).isTrue();
        assertThat(back.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_MEMBER");
    }
}
