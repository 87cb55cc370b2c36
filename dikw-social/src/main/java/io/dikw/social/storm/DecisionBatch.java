package io.dikw.social.storm;

import io.dikw.social.parallel.Classified;
import java.util.List;

/**
 * One clustering worker's decisions for a whole batch, sent as one tuple with its "batch done"
 * notice: the coordinator only settles a batch once every worker finished it, so sending each
 * decision as it is taken bought nothing but a tuple per protomeme.
 *
 * @param decisions the decisions, in the worker's stream order
 */
public record DecisionBatch(List<Classified> decisions) {
}
