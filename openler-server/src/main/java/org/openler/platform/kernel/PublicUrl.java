package org.openler.platform.kernel;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The platform's public base URL for links in e-mails: the current request's (proxy headers honoured). */
public final class PublicUrl {

    private PublicUrl() {}

    public static String current() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
