package dev.okrledger.query.people;

import dev.okrledger.security.CurrentUser;
import dev.okrledger.security.OkrUser;
import dev.okrledger.support.problem.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The people directory (decision 0045). Everyone signed in reads it; an e-mail address only its
 * person, admins, OKR leads and members of the person's teams ({@link PersonView#seenBy}).
 */
@RestController
@RequestMapping("/api/people")
@Tag(name = "People")
class PeopleController {

    private final PeopleQueries people;

    PeopleController(PeopleQueries people) {
        this.people = people;
    }

    @Operation(
            summary = "Everyone in the directory by name; with team=, the members and leads of that team "
                    + "(its name in any case)")
    @GetMapping
    List<PersonView> people(@RequestParam(required = false) String team) {
        OkrUser reader = CurrentUser.get();
        List<PersonView> found = team == null || team.isBlank() ? people.all() : people.ofTeam(team.strip());
        return found.stream().map(p -> p.seenBy(reader)).toList();
    }

    @Operation(
            summary = "The signed-in person, once they signed in through the dashboard (PUT /api/people/me on "
                    + "the command service)")
    @GetMapping("/me")
    PersonView me() {
        OkrUser reader = CurrentUser.get();
        return people.bySubject(reader.subject())
                .map(p -> p.seenBy(reader))
                .orElseThrow(() -> new NotFound("person", reader.subject()));
    }

    @GetMapping("/{subject}")
    PersonView person(@PathVariable String subject) {
        return people.bySubject(subject)
                .map(p -> p.seenBy(CurrentUser.get()))
                .orElseThrow(() -> new NotFound("person", subject));
    }

    @Operation(
            summary = "The person a key-result owner handle names: the person it is linked to, else the "
                    + "person whose subject it is")
    @GetMapping("/by-handle/{handle}")
    PersonView byHandle(@PathVariable String handle) {
        return people.byHandle(handle)
                .map(p -> p.seenBy(CurrentUser.get()))
                .orElseThrow(() -> new NotFound("person", handle));
    }
}
