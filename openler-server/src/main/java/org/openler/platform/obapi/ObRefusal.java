package org.openler.platform.obapi;

/** A refusal on the Open Badges / CLR resource routes, answered as the specification's {@link ImsxStatusInfo}. */
final class ObRefusal extends RuntimeException {

    private final transient ImsxStatusInfo status;

    ObRefusal(ImsxStatusInfo status) {
        super(status.description(), null, false, false);
        this.status = status;
    }

    ImsxStatusInfo status() {
        return status;
    }
}
