/** Machine clients of an organization: OAuth 2.0 client credentials managed by the organization's admins. */
@ApplicationModule(allowedDependencies = {"audit", "kernel", "keys", "problems", "security"})
@NullMarked
package org.openler.platform.clients;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
