package org.openler.standards.json;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON provider, looked up once. {@code jakarta.json.Json}'s static factories run a {@code ServiceLoader} lookup
 * on every call, which showed up in verification profiles; everything in this module builds JSON through this.
 */
public final class Jsons {

    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsons() {}
}
