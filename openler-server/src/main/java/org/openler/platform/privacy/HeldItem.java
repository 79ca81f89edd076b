package org.openler.platform.privacy;

/**
 * One line of "what OpenLER holds about me": a message key (for English and Spanish pages) and how many there are.
 * The key's message may use {0} for the count.
 */
public record HeldItem(String messageKey, long count) {}
