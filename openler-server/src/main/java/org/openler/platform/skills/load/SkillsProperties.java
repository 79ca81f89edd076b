package org.openler.platform.skills.load;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code openler.skills.*}: what to load at start-up. {@code load-bundled} loads the frameworks shipped in
 * openler-data (on in demo mode); {@code background} does it after the web server opens, with progress in the log,
 * instead of before; {@code imports} names further files as {@code format:path} or {@code format:path:name} (formats
 * {@code case}, {@code ctdl-asn}, {@code rsd}, {@code rsd-csv}); {@code exit-after-import} stops the process once
 * they are in (the {@code ./openler import} command).
 */
@ConfigurationProperties("openler.skills")
public record SkillsProperties(
        @DefaultValue("false") boolean loadBundled,
        @DefaultValue("true") boolean background,
        @DefaultValue List<String> imports,
        @DefaultValue("false") boolean exitAfterImport) {

    public SkillsProperties {
        imports = List.copyOf(imports);
    }
}
