package org.openler.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature packages form a graph without cycles, no feature reaches into another's internals, each depends only on
 * the features its package-info allows ({@code @ApplicationModule(allowedDependencies = …)}), and docs/ARCHITECTURE.md
 * says exactly that. The module diagrams in docs/modules are written from the same model on every run.
 */
class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(OpenLerApplication.class);
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern DEPENDS_LINE = Pattern.compile("^([a-z]+)\\s+->\\s*(.*)$");

    @Test
    void featureModulesDependOnEachOtherOnlyThroughTheirPublicFacesAndAsAllowed() {
        MODULES.verify();
    }

    @Test
    void theSharedKernelDependsOnNoFeature() {
        var kernel = MODULES.getModuleByName("kernel").orElseThrow();

        assertThat(kernel.getDirectDependencies(MODULES).uniqueModules().map(module -> module.getDisplayName()))
                .isEmpty();
    }

    @Test
    void architectureDocumentListsEachModulesDependenciesAsDeclared() throws IOException {
        Map<String, List<String>> declared = declaredDependencies();
        assertThat(documentedDependencies())
                .withFailMessage("docs/ARCHITECTURE.md's module-dependencies block should read:%n%s", render(declared))
                .isEqualTo(declared);
    }

    private static String render(Map<String, List<String>> dependencies) {
        StringBuilder text = new StringBuilder();
        dependencies.forEach((module, deps) ->
                text.append("%-15s -> %s%n".formatted(module, deps.isEmpty() ? "(nothing)" : String.join(", ", deps))));
        return text.toString();
    }

    @Test
    void moduleDiagramsAreWrittenFromTheModel() throws IOException {
        Path out = ROOT.resolve("docs/modules");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(out.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        try (Stream<Path> files = Files.list(out)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                Files.write(file, inStableOrder(Files.readAllLines(file)));
            }
        }
        assertThat(Files.readString(out.resolve("components.puml")))
                .contains(
                        "Rel(OpenLerApplication.OpenLerApplication.Profile, OpenLerApplication.OpenLerApplication.Wallet");
    }

    /**
     * The Documenter writes components and relations in hash order, which changes from run to run; sorted, the
     * committed diagrams change only when the modules do.
     */
    static List<String> inStableOrder(List<String> lines) {
        List<String> result = new ArrayList<>();
        List<String> run = new ArrayList<>();
        String runKind = null;
        for (String line : lines) {
            String kind = line.startsWith("Rel(") ? "rel" : line.strip().startsWith("Component(") ? "component" : null;
            if (!Objects.equals(kind, runKind)) {
                run.sort(null);
                result.addAll(run);
                run.clear();
                runKind = kind;
            }
            if (kind == null) {
                result.add(line);
            } else {
                run.add(line);
            }
        }
        run.sort(null);
        result.addAll(run);
        return result;
    }

    /**
     * Each module's allowed dependencies as its package-info declares them; a module that declares none (open) is
     * listed with the dependencies it actually has.
     */
    private static Map<String, List<String>> declaredDependencies() {
        Map<String, List<String>> result = new TreeMap<>();
        MODULES.forEach(module -> {
            String name = module.getIdentifier().toString();
            ApplicationModule declared =
                    packageAnnotation(module.getBasePackage().getName());
            List<String> deps = declared != null
                            && !List.of(declared.allowedDependencies()).contains(ApplicationModule.OPEN_TOKEN)
                    ? List.of(declared.allowedDependencies()).stream().sorted().toList()
                    : module
                            .getDirectDependencies(MODULES)
                            .uniqueModules()
                            .map(m -> m.getIdentifier().toString())
                            .collect(Collectors.toCollection(TreeSet::new))
                            .stream()
                            .toList();
            result.put(name, deps);
        });
        return result;
    }

    private static ApplicationModule packageAnnotation(String basePackage) {
        try {
            return Class.forName(basePackage + ".package-info").getAnnotation(ApplicationModule.class);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** The block "module -> a, b, c" in docs/ARCHITECTURE.md, between its two marker comments. */
    private static Map<String, List<String>> documentedDependencies() throws IOException {
        String text = Files.readString(ROOT.resolve("docs/ARCHITECTURE.md"));
        int start = text.indexOf("<!-- module-dependencies:start -->");
        int end = text.indexOf("<!-- module-dependencies:end -->");
        assertThat(start)
                .as("docs/ARCHITECTURE.md has the module-dependencies block")
                .isNotNegative();
        Map<String, List<String>> result = new TreeMap<>();
        for (String line : text.substring(start, end).lines().toList()) {
            Matcher m = DEPENDS_LINE.matcher(line.strip());
            if (m.matches()) {
                String list = m.group(2).strip();
                result.put(
                        m.group(1),
                        list.equals("(nothing)")
                                ? List.of()
                                : List.of(list.split(",\\s*")).stream().sorted().toList());
            }
        }
        return result;
    }
}
