package io.nautilus.engine.marketdata.tick;

import java.util.List;

/**
 * What a parser made of a chunk of input: the records it could read and those it rejected while reading (missing
 * fields, bad timestamps, unknown types). Immutable.
 *
 * @param batch    the readable records, to be validated by the pipeline
 * @param rejected records rejected by the parser
 */
public record ParsedBatch(TickBatch batch, List<RejectedRecord> rejected) {
    public ParsedBatch {
        rejected = List.copyOf(rejected);
    }

    /** The pipeline's outcome for {@link #batch} combined with the parser's rejections. */
    public IngestOutcome combine(IngestOutcome pipelineOutcome) {
        return rejected.isEmpty() ? pipelineOutcome
                : pipelineOutcome.plus(new IngestOutcome(0, 0, 0, rejected));
    }
}
