"""Inverted lists of weighted BM25 terms, shared by the curated entries and the letters' passages.

Each term maps to the documents holding it and its precomputed weight there, so scoring a
question is one ``bincount`` over the lists of its terms.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

Postings = dict[str, tuple[np.ndarray, np.ndarray]]


def freeze(lists: Mapping[str, tuple[list[int], list[float]]],
           dtype: type[np.floating] = np.float64) -> Postings:
    """Lists built while indexing, as arrays for scoring."""
    return {t: (np.array(ids, dtype=np.int32), np.array(ws, dtype=dtype))
            for t, (ids, ws) in lists.items()}


def scores(postings: Postings, terms: Mapping[str, float], n: int) -> np.ndarray | None:
    """Each document's score for the weighted ``terms``; None when no term is indexed."""
    ids, weights = [], []
    for term, weight in terms.items():
        found = postings.get(term)
        if found is not None:
            ids.append(found[0])
            weights.append(found[1] if weight == 1.0 else weight * found[1])
    if not ids:
        return None
    return np.bincount(np.concatenate(ids), weights=np.concatenate(weights), minlength=n)
