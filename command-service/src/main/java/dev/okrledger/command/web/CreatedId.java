package dev.okrledger.command.web;

import java.util.UUID;

/** Body of a 201 answer: the id of what was created. */
public record CreatedId(UUID id) {}
