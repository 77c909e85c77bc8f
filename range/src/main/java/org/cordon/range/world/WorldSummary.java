package org.cordon.range.world;

/** Counts of what a generation wrote. */
public record WorldSummary(int persons, int accounts, long posts, int releases, int conversations, long follows) {}
