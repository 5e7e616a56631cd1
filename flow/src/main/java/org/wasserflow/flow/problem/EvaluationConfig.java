package org.wasserflow.flow.problem;

import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;

/**
 * The fixed evaluation sets of a run, from the {@code eval.*} keys ({@link #GROUP}).
 *
 * @param sourceSize source points pushed through the generator at each evaluation; 0 for every row of a finite source
 * @param dataSize data points the generated ones are compared with; 0 for every row of a finite evaluation law
 */
public record EvaluationConfig(int sourceSize, int dataSize) {

    public static final Setting<Integer> SOURCE_SIZE = Setting.integer("eval.source_size", 2000).atLeast(0)
            .describe("source points pushed through the generator at each evaluation; 0: every row of a finite source");
    public static final Setting<Integer> DATA_SIZE = Setting.integer("eval.data_size", 2000).atLeast(0)
            .describe("data points in the evaluation set (and in the reference set for floors); 0: every row of a finite law");
    /** The {@code eval.*} keys. */
    public static final SettingGroup GROUP = SettingGroup.of("eval", "the evaluation sets", SOURCE_SIZE, DATA_SIZE);

    /** Reads the {@code eval.*} keys. */
    public static EvaluationConfig from(Settings s) {
        return new EvaluationConfig(s.get(SOURCE_SIZE), s.get(DATA_SIZE));
    }
}
