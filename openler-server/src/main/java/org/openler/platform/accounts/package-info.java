/** People's accounts: sign-up, passwords (Argon2id), password reset, the user kinds. */
@NullMarked
package org.openler.platform.accounts;

import org.jspecify.annotations.NullMarked;
