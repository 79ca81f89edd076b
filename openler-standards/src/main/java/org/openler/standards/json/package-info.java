/** Strict JSON input: duplicate keys, excessive depth and oversized bodies are refused before anything else runs. */
@NullMarked
package org.openler.standards.json;

import org.jspecify.annotations.NullMarked;
