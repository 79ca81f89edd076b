package org.openler.skills.sources;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Refuses a hierarchy with a cycle (A under B under A): a framework's tree must be a tree, or a forest of them. */
final class Hierarchy {

    private Hierarchy() {}

    static void requireAcyclic(List<Link> broader) {
        Map<String, List<String>> up = new HashMap<>();
        for (Link link : broader) {
            up.computeIfAbsent(link.fromUri(), k -> new ArrayList<>()).add(link.toUri());
        }
        Map<String, Integer> state = new HashMap<>(); // 1 on the current path, 2 done
        for (String start : up.keySet()) {
            if (state.containsKey(start)) {
                continue;
            }
            // iterative depth-first search: a deep chain must not overflow the stack
            List<String> path = new ArrayList<>();
            List<Integer> next = new ArrayList<>();
            path.add(start);
            next.add(0);
            state.put(start, 1);
            while (!path.isEmpty()) {
                String node = path.getLast();
                List<String> parents = up.getOrDefault(node, List.of());
                int i = next.getLast();
                if (i < parents.size()) {
                    next.set(next.size() - 1, i + 1);
                    String parent = parents.get(i);
                    Integer s = state.get(parent);
                    if (s == null) {
                        state.put(parent, 1);
                        path.add(parent);
                        next.add(0);
                    } else if (s == 1) {
                        throw new SourceException("The hierarchy has a cycle: " + parent + " is above itself.");
                    }
                } else {
                    state.put(node, 2);
                    path.removeLast();
                    next.removeLast();
                }
            }
        }
    }
}
