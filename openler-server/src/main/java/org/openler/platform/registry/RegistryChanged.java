package org.openler.platform.registry;

/** Published after a registry change commits, so this instance's index applies it at once instead of at its next poll. */
record RegistryChanged(Ctid ctid) {}
