/**
 * The OpenLER platform server. One top-level package per feature ({@code accounts}, {@code organizations},
 * {@code clients}, {@code security}, {@code audit}, {@code outbox}, {@code keys}, {@code web}, {@code demo}); each
 * exposes a small public face and keeps the rest package-private. The shared vocabulary (ids, the acting user,
 * roles, route access declarations, public URLs) is the open {@code kernel} module.
 */
@NullMarked
package org.openler.platform;

import org.jspecify.annotations.NullMarked;
