package org.openler.platform.talent;

/** Who may find the learner: nobody (the default), every employer anonymously, or only their own employers. */
public enum DiscoveryMode {
    OFF,
    ANONYMOUS,
    INTERNAL
}
