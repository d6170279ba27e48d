package dev.okrledger.query.board;

/** Progress against the linear expected progress, with the policy's tolerance. */
public enum PaceStatus { ON_TRACK, BEHIND }
