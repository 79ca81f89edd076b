/**
 * The OpenLER platform server. One top-level package per feature ({@code accounts}, {@code organizations},
 * {@code clients}, {@code identity}, {@code audit}, {@code outbox}, {@code keys}, {@code web}, {@code demo}); each
 * exposes a small public face and keeps the rest package-private.
 */
@NullMarked
package org.openler.platform;

import org.jspecify.annotations.NullMarked;
