/**
 * The ontology on the web: one URL per framework version, competency and occupation under {@code /skills/…}, each
 * answering HTML to browsers and JSON to programs (content negotiation on {@code Accept}); a resolver from any source
 * URI to its platform URL; the CTDL-ASN export; the operators' import page.
 */
@NullMarked
package org.openler.platform.skills.web;

import org.jspecify.annotations.NullMarked;
