/**
 * Demo mode, only when {@code openler.demo.enabled}: seeds, idempotently, the demo organizations, people and a machine
 * client, issued credentials and a correction request, registry entries, shares, a skills profile, employer jobs from
 * O*NET occupations and the learners' matches (the last two once the ontology has loaded in the background).
 */
@ApplicationModule(
        allowedDependencies = {
            "accounts",
            "articulation",
            "clients",
            "corrections",
            "issuers",
            "issuing",
            "jobs",
            "kernel",
            "keys",
            "matching",
            "organizations",
            "privacy",
            "profile",
            "registry",
            "sharing",
            "skills",
            "wallet"
        })
@NullMarked
package org.openler.platform.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
