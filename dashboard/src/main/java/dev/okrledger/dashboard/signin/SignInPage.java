package dev.okrledger.dashboard.signin;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.ArrayList;
import java.util.List;

/** The sign-in page: the identity provider's login, the embedded default's "pick who you are", or how to set either up. */
@Controller
class SignInPage {

    /** People of the sample quarter, one click each: a member of each team and an OKR lead. */
    public record Preset(String label, String subject, String teams, String role) {}

    public record Provider(String id, String name) {}

    /** The property that switches the embedded default's "pick who you are" on. */
    static final String DEV_SIGN_IN = "okr.dev-sign-in.enabled";

    static final List<Preset> DEMO_PEOPLE = List.of(
            new Preset("Ana, support team member", "ana", "support", "MEMBER"),
            new Preset("Gus, growth team member", "gus", "growth", "MEMBER"),
            new Preset("Lee, OKR lead", "lee", "leadership", "OKR_LEAD"));

    private final ObjectProvider<ClientRegistrationRepository> registrations;
    private final boolean devSignIn;

    SignInPage(
            ObjectProvider<ClientRegistrationRepository> registrations,
            @Value("${" + DEV_SIGN_IN + ":false}") boolean devSignIn) {
        this.registrations = registrations;
        this.devSignIn = devSignIn;
    }

    @GetMapping(PageSecurity.SIGN_IN)
    String page(Model model) {
        return render(model, "", "", "MEMBER");
    }

    String render(Model model, String subject, String teams, String role) {
        model.addAttribute("providers", providers());
        model.addAttribute("devSignIn", devSignIn);
        model.addAttribute("people", DEMO_PEOPLE);
        model.addAttribute("roles", DevSignInAuthentication.roleNames());
        model.addAttribute("subject", subject);
        model.addAttribute("teams", teams);
        model.addAttribute("role", role);
        return "sign-in";
    }

    private List<Provider> providers() {
        List<Provider> providers = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            for (Object registration : all) {
                ClientRegistration r = (ClientRegistration) registration;
                providers.add(new Provider(r.getRegistrationId(), r.getClientName()));
            }
        }
        return providers;
    }
}
