package org.openler.standards.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openler.standards.StandardsException;

class MerkleProofsTests {

    private static final int N = 64;

    private static MemoryTree referenceTree(int size) {
        MemoryTree tree = new MemoryTree();
        Vectors.leafInputs().stream().limit(size).forEach(tree::appendEntry);
        return tree;
    }

    private static MemoryTree tree(int size) {
        MemoryTree tree = new MemoryTree();
        for (int i = 0; i < size; i++) {
            tree.appendEntry(("entry " + i).getBytes(StandardCharsets.UTF_8));
        }
        return tree;
    }

    static IntStream sizes() {
        return IntStream.rangeClosed(0, 8);
    }

    @ParameterizedTest(name = "tree of {0} leaves")
    @MethodSource("sizes")
    void rootsMatchThePublishedVectorsForEveryTreeSize(int size) {
        List<byte[]> leafHashes =
                Vectors.leafInputs().stream().limit(size).map(MerkleHash::leaf).toList();

        assertThat(MerkleHash.root(leafHashes)).isEqualTo(Vectors.root(size));
        assertThat(referenceTree(size).root()).isEqualTo(Vectors.root(size));
    }

    @Test
    void theLeafAndNodePrefixesAreThoseOfRfc9162() {
        assertThat(HexFormat.of().formatHex(MerkleHash.leaf(new byte[0])))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        byte[] left = MerkleHash.leaf(new byte[0]);
        byte[] right = MerkleHash.leaf(new byte[] {0});
        assertThat(MerkleHash.node(left, right)).isEqualTo(Vectors.root(2));
    }

    static Stream<JsonObject> inclusionVectors() {
        return Vectors.ALL.getJsonArray("inclusion").getValuesAs(JsonObject.class).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inclusionVectors")
    void inclusionProofsMatchThePublishedVectorsAndVerify(JsonObject vector) {
        int index = vector.getInt("index");
        int size = vector.getInt("size");
        List<byte[]> expected = Vectors.hexes(vector.getJsonArray("proof"));
        byte[] leaf = MerkleHash.leaf(Vectors.leafInputs().get(index));

        List<byte[]> proof = MerkleProofs.inclusion(index, size, referenceTree(size));

        assertThat(proof).usingElementComparator(java.util.Arrays::compare).containsExactlyElementsOf(expected);
        assertThat(MerkleProofs.verifyInclusion(index, size, leaf, expected, Vectors.root(size)))
                .isTrue();
    }

    static Stream<JsonObject> consistencyVectors() {
        return Vectors.ALL.getJsonArray("consistency").getValuesAs(JsonObject.class).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consistencyVectors")
    void consistencyProofsMatchThePublishedVectorsAndVerify(JsonObject vector) {
        int first = vector.getInt("first");
        int second = vector.getInt("second");
        List<byte[]> expected = Vectors.hexes(vector.getJsonArray("proof"));

        List<byte[]> proof = MerkleProofs.consistency(first, second, referenceTree(second));

        assertThat(proof).usingElementComparator(java.util.Arrays::compare).containsExactlyElementsOf(expected);
        assertThat(MerkleProofs.verifyConsistency(first, second, Vectors.root(first), Vectors.root(second), expected))
                .isTrue();
    }

    @Test
    void everyInclusionProofUpTo64LeavesVerifiesAndAnyFlippedBitFails() {
        MemoryTree tree = tree(N);
        for (int size = 1; size <= N; size++) {
            byte[] root = tree.root(size);
            assertThat(root).isEqualTo(MerkleHash.root(leaves(tree, size)));
            for (int index = 0; index < size; index++) {
                byte[] leaf = tree.node(new NodeId(0, index));
                List<byte[]> proof = MerkleProofs.inclusion(index, size, tree);
                assertThat(MerkleProofs.verifyInclusion(index, size, leaf, proof, root))
                        .as("leaf %d of %d", index, size)
                        .isTrue();
                for (List<byte[]> flipped : everyFlippedBit(proof)) {
                    assertThat(MerkleProofs.verifyInclusion(index, size, leaf, flipped, root))
                            .isFalse();
                }
                for (byte[] badLeaf : everyFlippedBit(List.of(leaf)).stream()
                        .map(List::getFirst)
                        .toList()) {
                    assertThat(MerkleProofs.verifyInclusion(index, size, badLeaf, proof, root))
                            .isFalse();
                }
                assertThat(MerkleProofs.verifyInclusion(index, size, leaf, proof, flip(root, 0)))
                        .isFalse();
                if (size > 1) {
                    assertThat(MerkleProofs.verifyInclusion((index + 1) % size, size, leaf, proof, root))
                            .as("the wrong index for leaf %d of %d", index, size)
                            .isFalse();
                }
            }
        }
    }

    @Test
    void everyConsistencyProofUpTo64LeavesVerifiesAndAnyFlippedBitFails() {
        MemoryTree tree = tree(N);
        for (int second = 1; second <= N; second++) {
            byte[] secondRoot = tree.root(second);
            for (int first = 0; first <= second; first++) {
                byte[] firstRoot = tree.root(first);
                List<byte[]> proof = MerkleProofs.consistency(first, second, tree);
                assertThat(MerkleProofs.verifyConsistency(first, second, firstRoot, secondRoot, proof))
                        .as("%d to %d", first, second)
                        .isTrue();
                for (List<byte[]> flipped : everyFlippedBit(proof)) {
                    assertThat(MerkleProofs.verifyConsistency(first, second, firstRoot, secondRoot, flipped))
                            .isFalse();
                }
                if (first > 0) {
                    for (int bit = 0; bit < 256; bit += 37) {
                        assertThat(MerkleProofs.verifyConsistency(
                                        first, second, flip(firstRoot, bit), secondRoot, proof))
                                .as("a rewritten first root, %d to %d", first, second)
                                .isFalse();
                        assertThat(MerkleProofs.verifyConsistency(
                                        first, second, firstRoot, flip(secondRoot, bit), proof))
                                .as("a rewritten second root, %d to %d", first, second)
                                .isFalse();
                    }
                }
            }
        }
    }

    @Test
    void aTreeThatRewroteAnOldLeafIsNotConsistentWithItsPast() {
        MemoryTree honest = tree(20);
        MemoryTree rewritten = new MemoryTree();
        for (int i = 0; i < 20; i++) {
            rewritten.appendEntry(("entry " + (i == 3 ? "rewritten" : i)).getBytes(StandardCharsets.UTF_8));
        }
        List<byte[]> proof = MerkleProofs.consistency(10, 20, rewritten);

        assertThat(MerkleProofs.verifyConsistency(10, 20, honest.root(10), rewritten.root(20), proof))
                .isFalse();
    }

    @Test
    void proofsOutsideTheTreeAreRefused() {
        MemoryTree tree = tree(5);
        assertThatThrownBy(() -> MerkleProofs.inclusion(5, 5, tree)).isInstanceOf(StandardsException.class);
        assertThatThrownBy(() -> MerkleProofs.consistency(6, 5, tree)).isInstanceOf(StandardsException.class);
        assertThat(MerkleProofs.verifyInclusion(0, 0, tree.node(new NodeId(0, 0)), List.of(), tree.root(0)))
                .isFalse();
        assertThat(MerkleProofs.verifyConsistency(5, 4, tree.root(5), tree.root(4), List.of()))
                .isFalse();
    }

    @Test
    void aProofWithAWrongSizedHashIsRefusedWithoutAnException() {
        MemoryTree tree = tree(8);
        List<byte[]> proof = new ArrayList<>(MerkleProofs.inclusion(2, 8, tree));
        proof.set(1, new byte[31]);

        assertThat(MerkleProofs.verifyInclusion(2, 8, tree.node(new NodeId(0, 2)), proof, tree.root()))
                .isFalse();
    }

    @Test
    void theEmptyTreeIsConsistentWithEveryTreeAndEqualSizesNeedEqualRoots() {
        MemoryTree tree = tree(3);
        assertThat(MerkleProofs.verifyConsistency(0, 3, MerkleHash.emptyRoot(), tree.root(), List.of()))
                .isTrue();
        assertThat(MerkleProofs.verifyConsistency(3, 3, tree.root(), tree.root(), List.of()))
                .isTrue();
        assertThat(MerkleProofs.verifyConsistency(3, 3, tree.root(), tree.root(2), List.of()))
                .isFalse();
    }

    private static List<byte[]> leaves(MemoryTree tree, int size) {
        return IntStream.range(0, size)
                .mapToObj(i -> tree.node(new NodeId(0, i)))
                .toList();
    }

    /** Every proof that differs from the given one in exactly one bit. */
    private static List<List<byte[]>> everyFlippedBit(List<byte[]> proof) {
        List<List<byte[]>> all = new ArrayList<>();
        for (int element = 0; element < proof.size(); element++) {
            for (int bit = 0; bit < MerkleHash.SIZE * 8; bit++) {
                List<byte[]> copy = new ArrayList<>(proof);
                copy.set(element, flip(proof.get(element), bit));
                all.add(copy);
            }
        }
        return all;
    }

    private static byte[] flip(byte[] hash, int bit) {
        byte[] copy = hash.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }
}
