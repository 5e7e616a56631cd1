package org.example.moons;

import com.google.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wasserflow.api.Evaluation;
import org.wasserflow.api.Metric;
import org.wasserflow.api.Setting;
import org.wasserflow.api.SettingGroup;
import org.wasserflow.api.Settings;

/**
 * The first two moments of the generated points against the data's: {@code moments_mean} is the distance of
 * the means, {@code moments_cov} the Frobenius norm of the difference of the covariances (divided by the
 * data's when {@code moments.relative=true}). Both are 0 for identical sets. Select it with
 * {@code metrics=...,moments}.
 */
public final class MomentsMetric implements Metric {

    /** The name this metric is registered under. */
    public static final String NAME = "moments";

    public static final Setting<Boolean> RELATIVE = Setting.flag("moments.relative", false)
            .describe("divide the covariance error by the Frobenius norm of the data's covariance");
    /** The metric's keys. */
    public static final SettingGroup GROUP = SettingGroup.of("moments", "moment errors", RELATIVE);

    private final boolean relative;

    @Inject
    public MomentsMetric(Settings settings) {
        this.relative = settings.get(RELATIVE);
    }

    @Override
    public Map<String, Double> evaluate(Evaluation e) {
        INDArray g = e.generated().castTo(DataType.DOUBLE);
        INDArray x = e.data().points().castTo(DataType.DOUBLE);
        INDArray mg = g.mean(0);
        INDArray mx = x.mean(0);
        INDArray cg = covariance(g, mg);
        INDArray cx = covariance(x, mx);
        double cov = cg.sub(cx).norm2Number().doubleValue();
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("moments_mean", mg.sub(mx).norm2Number().doubleValue());
        out.put("moments_cov", relative ? cov / cx.norm2Number().doubleValue() : cov);
        return out;
    }

    private static INDArray covariance(INDArray points, INDArray mean) {
        INDArray centred = points.subRowVector(mean);
        return centred.transpose().mmul(centred).divi(points.rows());
    }
}
