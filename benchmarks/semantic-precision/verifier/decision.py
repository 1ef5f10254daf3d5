"""The decision rule of the cross-encoder verifier and its precision / recall (issue #20, point 1).

A rule is chosen from scored pairs the model never saw, targeting precision >= TARGET_PRECISION:
  verifier alone:    score >= threshold, the lowest threshold whose accepted pairs have that precision;
  with a cosine floor: cosine >= floor AND score >= floor_threshold, for each floor of FLOORS the lowest threshold
                     meeting the target on the pairs above the floor; the floor with the highest recall (ties: the
                     higher floor). The floor stands for nova-rag's vector search handing the verifier candidates.
"""
import numpy as np

TARGET_PRECISION = 0.98
FLOORS = [None, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85]
NOTHING = 1.0 + 1e-9  # a threshold no score reaches


def precision_recall(decide, y):
    """(precision, recall, TP, FP, FN); precision 1.0 when nothing is accepted."""
    tp = int(np.sum(decide & (y > 0.5)))
    fp = int(np.sum(decide & (y < 0.5)))
    fn = int(np.sum(~decide & (y > 0.5)))
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0), tp, fp, fn


def lowest_threshold(scores, y, target=TARGET_PRECISION):
    """The lowest threshold at which the pairs scoring at or above it have precision >= target (NOTHING if none)."""
    order = np.argsort(-scores, kind="stable")
    s, labels = scores[order], y[order]
    tp = np.cumsum(labels > 0.5)
    fp = np.cumsum(labels < 0.5)
    precision = tp / np.maximum(tp + fp, 1)
    last_of_run = np.r_[s[1:] != s[:-1], True]
    valid = np.where(last_of_run & (precision >= target) & (tp > 0))[0]
    return float(s[valid[-1]]) if len(valid) else NOTHING


def choose_rule(scores, cosine, y, target=TARGET_PRECISION):
    threshold = lowest_threshold(scores, y, target)
    best = None
    for floor in FLOORS:
        keep = np.ones(len(y), bool) if floor is None else cosine >= floor
        t = lowest_threshold(scores[keep], y[keep], target) if keep.any() else NOTHING
        recall = precision_recall(keep & (scores >= t), y)[1]
        candidate = (recall, -1 if floor is None else floor, floor, t)
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    return dict(threshold=threshold, floor=best[2], floor_threshold=best[3])


def decisions(rule, scores, cosine):
    """(verifier alone, cosine floor and verifier) accept masks."""
    keep = np.ones(len(scores), bool) if rule["floor"] is None else cosine >= rule["floor"]
    return scores >= rule["threshold"], keep & (scores >= rule["floor_threshold"])


def best_recall_at(scores, y, target):
    """Reference only (threshold picked after the fact): the highest recall at precision >= target."""
    t = lowest_threshold(scores, y, target)
    return precision_recall(scores >= t, y)[1]


def roc_auc(scores, y):
    positives, negatives = scores[y > 0.5], scores[y < 0.5]
    greater = (positives[:, None] > negatives[None, :]).sum() + 0.5 * (positives[:, None] == negatives[None, :]).sum()
    return float(greater / (len(positives) * len(negatives)))
