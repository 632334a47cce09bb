package org.toxwatch.monitoring.domain.lab;

import java.util.List;
import org.toxwatch.model.Criterion;
import org.toxwatch.monitoring.domain.units.Analyte;

/** A CTCAE term graded from the results of one analyte. */
public abstract class OneAnalyteRule implements LabRule {

    private final Criterion criterion;
    private final Analyte analyte;

    protected OneAnalyteRule(Criterion criterion, Analyte analyte) {
        this.criterion = criterion;
        this.analyte = analyte;
    }

    @Override
    public final Criterion criterion() {
        return criterion;
    }

    @Override
    public final List<Analyte> analytes() {
        return List.of(analyte);
    }

    /** The analyte whose results this term grades. */
    protected final Analyte analyte() {
        return analyte;
    }
}
