package org.openler.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry's Lucene index on its own: text with stemming, facets and ranges, removal, and its recorded position. */
class CredentialIndexTests {

    @Test
    void anEmptyIndexAndFacetsNoCredentialHasAnswerWithoutErrors() {
        try (CredentialIndex index = CredentialIndex.inMemory()) {
            assertThat(index.search(RegistryQuery.text("anything")).total()).isZero();
            index.put(credential(
                    "ce-00000000-0000-4000-8000-000000000001",
                    "Bare Badge",
                    "Badge",
                    List.of(),
                    Optional.empty(),
                    Set.of()));
            index.commit(1);
            RegistryResults results = index.search(RegistryQuery.text(""));
            assertThat(results.total()).isEqualTo(1);
            assertThat(results.facets())
                    .extracting(RegistryResults.Facet::name)
                    .contains("type", "competency", "location", "cost", "duration");
        }
    }

    @Test
    void wordsAreStemmedAndTheNameCountsMost() {
        try (CredentialIndex index = CredentialIndex.inMemory()) {
            index.put(credential(
                    "ce-00000000-0000-4000-8000-000000000001",
                    "Welding Technician",
                    "Certificate",
                    List.of("weld metal"),
                    Optional.of(2450L),
                    Set.of("IN_PERSON")));
            index.put(credential(
                    "ce-00000000-0000-4000-8000-000000000002",
                    "Shop Safety",
                    "Badge",
                    List.of("welding safety"),
                    Optional.of(0L),
                    Set.of("ONLINE")));
            index.commit(2);
            RegistryResults results = index.search(RegistryQuery.text("welds"));
            assertThat(results.hits())
                    .extracting(RegistryResults.Hit::name)
                    .containsExactly("Welding Technician", "Shop Safety");
            assertThat(index.search(RegistryQuery.text("welding -safety")).hits())
                    .extracting(RegistryResults.Hit::name)
                    .containsExactly("Welding Technician");
            assertThat(index.search(RegistryQuery.text("the")).total())
                    .as("only a stop word")
                    .isZero();
        }
    }

    @Test
    void facetsFilterAndCountOverEveryMatch() {
        try (CredentialIndex index = CredentialIndex.inMemory()) {
            for (int i = 0; i < 30; i++) {
                index.put(credential(
                        "ce-00000000-0000-4000-8000-%012d".formatted(i),
                        "Course " + i,
                        i % 3 == 0 ? "Badge" : "Certificate",
                        List.of("skill " + (i % 5)),
                        Optional.of(i * 1000L),
                        Set.of(i % 2 == 0 ? "ONLINE" : "IN_PERSON")));
            }
            index.commit(30);
            RegistryResults all = index.search(RegistryQuery.text("course"));
            assertThat(all.total()).isEqualTo(30);
            assertThat(values(all, "type")).containsExactlyInAnyOrder("Certificate=20", "Badge=10");
            assertThat(values(all, "cost")).containsExactly("0-0=1", "1000-4999=4", "5000-19999=15", "20000-=10");
            RegistryResults badgesOnline = index.search(RegistryQuery.builder()
                    .types(List.of("Badge"))
                    .delivery(List.of("ONLINE"))
                    .build());
            assertThat(badgesOnline.total()).isEqualTo(5);
            RegistryResults cheap = index.search(RegistryQuery.builder()
                    .cost(Optional.empty(), Optional.of(2000L))
                    .build());
            assertThat(cheap.total()).isEqualTo(3);
            RegistryResults skill = index.search(RegistryQuery.builder()
                    .competencies(List.of("https://skills.example/skill-1", "https://skills.example/skill-2"))
                    .build());
            assertThat(skill.total()).isEqualTo(12);
            assertThat(values(skill, "competency")).contains("https://skills.example/skill-1=6");
            assertThat(skill.facets().stream()
                            .filter(f -> f.name().equals("competency"))
                            .flatMap(f -> f.values().stream())
                            .map(RegistryResults.Value::label))
                    .contains("skill 1");
            RegistryResults page = index.search(
                    RegistryQuery.builder().text("course").page(25, 10).build());
            assertThat(page.hits()).hasSize(5);
        }
    }

    @Test
    void aRemovedCredentialIsNotFoundAndADiskIndexRemembersItsPositionAndLabels(@TempDir Path dir) {
        String ctid = "ce-00000000-0000-4000-8000-000000000009";
        try (CredentialIndex index = CredentialIndex.open(dir)) {
            index.put(credential(
                    ctid,
                    "Forklift Operator",
                    "Certificate",
                    List.of("operate forklift"),
                    Optional.of(150L),
                    Set.of("IN_PERSON")));
            index.put(credential(
                    "ce-00000000-0000-4000-8000-000000000010",
                    "Crane Operator",
                    "License",
                    List.of("operate crane"),
                    Optional.of(900L),
                    Set.of("IN_PERSON")));
            index.commit(41);
        }
        try (CredentialIndex index = CredentialIndex.open(dir)) {
            assertThat(index.sequence()).isEqualTo(41);
            assertThat(index.size()).isEqualTo(2);
            RegistryResults results = index.search(RegistryQuery.text("operator"));
            assertThat(results.facets().stream()
                            .filter(f -> f.name().equals("competency"))
                            .flatMap(f -> f.values().stream())
                            .map(RegistryResults.Value::label))
                    .as("labels read back from the stored documents")
                    .contains("operate forklift", "operate crane");
            index.remove(ctid);
            index.commit(42);
            assertThat(index.search(RegistryQuery.text("forklift")).total()).isZero();
            assertThat(index.sequence()).isEqualTo(42);
        }
    }

    private static List<String> values(RegistryResults results, String facet) {
        return results.facets().stream()
                .filter(f -> f.name().equals(facet))
                .flatMap(f -> f.values().stream())
                .map(v -> v.value() + "=" + v.count())
                .toList();
    }

    private static IndexedCredential credential(
            String ctid, String name, String type, List<String> skills, Optional<Long> cost, Set<String> delivery) {
        return new IndexedCredential(
                ctid,
                name,
                "A credential about " + String.join(" and ", skills) + ".",
                "",
                type,
                "provider-a",
                "Provider A",
                cost,
                Optional.of("P6M"),
                Optional.of(6 * 730L),
                delivery,
                List.of("Birmingham, AL, US"),
                skills.stream()
                        .map(s -> new CredentialOfValue.Alignment(
                                URI.create("https://skills.example/" + s.replace(' ', '-')), s))
                        .toList(),
                List.of(),
                List.of());
    }
}
