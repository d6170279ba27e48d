package dev.okrledger.command.people;

import dev.okrledger.command.access.Permissions;
import dev.okrledger.command.people.PersonCommandHandler.Synced;
import dev.okrledger.command.people.PersonCommands.EditPerson;
import dev.okrledger.command.people.PersonCommands.LinkHandles;
import dev.okrledger.command.web.RequestMetadata;
import dev.okrledger.command.web.VersionAnswer;
import dev.okrledger.command.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** The people directory: each person's own record from their sign-in, and what admins set (decision 0045). */
@RestController
@RequestMapping("/api/people")
@Tag(name = "People")
class PeopleController {

    /** Null or blank e-mail and time zone: none. Absent lists: none. */
    record EditPersonRequest(
            @NotBlank @Size(max = 200) String displayName,
            @EmailAddress @Size(max = 254) String email,
            @IanaTimeZone String timeZone,
            @Size(max = 50) List<@NotBlank @Size(max = 200) String> teams,
            @Size(max = 50) List<@NotBlank @Size(max = 200) String> leads) {}

    /** Handles as key-result owners write them; no slash, so that each can be looked up by path. */
    record HandlesRequest(
            @NotNull @Size(max = 50)
            List<@NotBlank @Size(max = 200) @Pattern(regexp = "[^/\\p{Cntrl}]+") String> handles) {}

    private final CommandGateway commands;
    private final RequestMetadata metadata;
    private final Permissions permissions;

    PeopleController(CommandGateway commands, RequestMetadata metadata, Permissions permissions) {
        this.commands = commands;
        this.metadata = metadata;
        this.permissions = permissions;
    }

    @PutMapping("/me")
    @Operation(
            summary = "Sync the signed-in person from their token's claims: 201 at the first sign-in, "
                    + "then 200 (a new event only when a claim changed)")
    ResponseEntity<VersionAnswer> syncMe(@AuthenticationPrincipal Jwt token) {
        permissions.requirePerson();
        Synced synced = commands.sendAndWait(SignInClaims.read(token.getClaims()), metadata.current());
        if (synced.registered()) {
            return ResponseEntity.status(HttpStatus.CREATED)
                    .location(URI.create("/api/people/" + token.getSubject()))
                    .eTag("\"" + synced.version() + "\"")
                    .body(new VersionAnswer(synced.version()));
        }
        return Versions.answer(synced.version());
    }

    @PutMapping("/{subject}")
    @Operation(summary = "Set a person's name, e-mail, time zone, teams and led teams (admins)")
    ResponseEntity<VersionAnswer> edit(
            @PathVariable String subject,
            @Valid @RequestBody EditPersonRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        permissions.requirePeopleAdministration();
        return Versions.answer(commands.sendAndWait(
                new EditPerson(
                        subject,
                        request.displayName().strip(),
                        blankToNull(request.email()),
                        blankToNull(request.timeZone()),
                        stripped(request.teams()),
                        stripped(request.leads()),
                        Versions.fromIfMatch(ifMatch)),
                metadata.current()));
    }

    @PutMapping("/{subject}/handles")
    @Operation(summary = "Set the key-result owner handles that name this person (admins); a handle names one person")
    ResponseEntity<VersionAnswer> handles(
            @PathVariable String subject,
            @Valid @RequestBody HandlesRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        permissions.requirePeopleAdministration();
        return Versions.answer(commands.sendAndWait(
                new LinkHandles(subject, stripped(request.handles()), Versions.fromIfMatch(ifMatch)),
                metadata.current()));
    }

    private static List<String> stripped(List<String> names) {
        return names == null ? List.of() : names.stream().map(String::strip).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
