/**
 * The talent search index (issue 16, "Scale"): one {@link org.openler.platform.talent.index.TalentIndex} interface
 * with a document per discoverable learner holding only what they made searchable, and its implementations (embedded
 * Lucene by default). PostgreSQL stays the system of record: the index is derived from it, kept in step by the
 * talent outbox, and can be rebuilt from it at any time. Nothing here reads the database or knows a name.
 */
@NullMarked
package org.openler.platform.talent.index;

import org.jspecify.annotations.NullMarked;
