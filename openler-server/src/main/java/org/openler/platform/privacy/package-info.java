/**
 * The learner's data rights: what OpenLER holds about a person and who accessed it, an export bundle another
 * OpenLER can import, correction, opting out of discovery, the consent log, and account deletion. Each feature that
 * keeps personal data contributes its part through {@link org.openler.platform.privacy.PersonalData}, so this
 * package depends on no feature and every feature's data is covered by the same four operations.
 */
@NullMarked
package org.openler.platform.privacy;

import org.jspecify.annotations.NullMarked;
