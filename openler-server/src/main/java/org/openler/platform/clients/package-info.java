/** Machine clients of an organization: OAuth 2.0 client credentials managed by the organization's admins. */
@ApplicationModule(allowedDependencies = {"audit", "identity", "keys", "problems"})
@NullMarked
package org.openler.platform.clients;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
