package dev.okrledger.command.web;

/** Body of an answer to a change: the aggregate's version afterwards (also in the ETag header). */
public record VersionAnswer(long version) {}
