package org.wasserflow.flow.config;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.text.StringSubstitutor;
import org.wasserflow.api.ConfigException;

/**
 * Resolves the references in configuration values: {@code ${other.key}} (another key's resolved value),
 * {@code ${sys:name}} (a Java system property) and {@code ${env:NAME}} (an environment variable);
 * {@code $${...}} is a literal {@code ${...}}. Every reference must resolve: a key that is not set, an unset
 * variable, another prefix (script, url, dns lookups stay disabled) or a key that refers back to itself,
 * directly or through others, is refused in one line naming the key whose value holds it.
 */
final class References {

    private final Map<String, String> raw;
    private final Map<String, String> resolved = new TreeMap<>();
    private final Deque<String> chain = new ArrayDeque<>();
    private final StringSubstitutor substitutor;

    private References(Map<String, String> raw) {
        this.raw = raw;
        this.substitutor = new StringSubstitutor(this::lookup);
        substitutor.setValueDelimiterMatcher(null);
        substitutor.setDisableSubstitutionInValues(true);
    }

    /**
     * @param raw keys and values as written, references unresolved
     * @return every key with its value resolved, sorted by key
     * @throws ConfigException naming the first key (in key order) whose value cannot be resolved
     */
    static Map<String, String> resolve(Map<String, String> raw) {
        References r = new References(raw);
        for (String key : new TreeMap<>(raw).keySet()) {
            r.value(key);
        }
        return r.resolved;
    }

    /** {@code key}'s resolved value. */
    private String value(String key) {
        String done = resolved.get(key);
        if (done != null) {
            return done;
        }
        if (chain.contains(key)) {
            List<String> cycle = new ArrayList<>(chain);
            cycle = cycle.subList(cycle.indexOf(key), cycle.size());
            String path = String.join(" -> ", cycle) + " -> " + key;
            String first = chain.getFirst();
            throw new ConfigException(first, raw.get(first), "a value that does not refer back to itself (" + path
                    + "); give " + key + " a value of its own");
        }
        chain.addLast(key);
        String v = substitutor.replace(raw.get(key));
        chain.removeLast();
        resolved.put(key, v);
        return v;
    }

    /** The value of one reference, as {@link StringSubstitutor} asks for it. */
    private String lookup(String name) {
        String at = chain.getLast();
        String v;
        if (name.startsWith("sys:")) {
            v = System.getProperty(name.substring(4));
            require(v != null, at, name, "a set Java system property");
        } else if (name.startsWith("env:")) {
            v = System.getenv(name.substring(4));
            require(v != null, at, name, "a set environment variable");
        } else {
            require(!name.contains(":"), at, name, "a reference ${key}, ${sys:name} or ${env:NAME} (no other lookups are enabled)");
            require(raw.containsKey(name), at, name, "a key that is set (in the file, an include or key=value); write $${" + name
                    + "} for a literal ${" + name + "}");
            v = value(name);
        }
        return v;
    }

    private void require(boolean ok, String at, String name, String valid) {
        if (!ok) {
            throw new ConfigException(at, raw.get(at), "references to defined values only: ${" + name + "} is undefined; expected "
                    + valid);
        }
    }
}
