"""Which features carry the second stage's changes: for each code the lex+ctx/add model
changed out of fold, the three largest contributions w_k * x_k of a model refitted on the
sentence's outer training sessions with the C chosen there (experiments/second-stage/results)."""

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from discourse.framing.lexicon import FRAMES
from features import code_with_analysis, context_features, lexicon_features, load_dev

t = load_dev()
codes, an, _ = code_with_analysis(t)
dicts = [{**a, **b} for a, b in zip(lexicon_features(codes, an), context_features(t, codes))]
dv = DictVectorizer(sort=True).fit(dicts)
X = sp.hstack([dv.transform(dicts)]).tocsr()
names = dv.get_feature_names_out()
oof = pd.read_csv("experiments/second-stage/results/oof_lex-ctx_add.csv")
ch = pd.read_csv("experiments/second-stage/results/choices.csv")
ch = ch[ch.variant == "lex+ctx/add"]
groups = t["set"].to_numpy()
for f in FRAMES:
    changed = np.flatnonzero(oof[f].to_numpy() != codes[f].to_numpy())
    print(f"== {f}: {len(changed)} codes changed, "
          f"{int((oof[f].to_numpy()[changed] == t[f].to_numpy()[changed]).sum())} agree with hand coding")
    for i in changed:
        g = groups[i]
        C = float(ch[(ch.fold == g) & (ch.frame == f)].C.iloc[0])
        tr = groups != g
        m = LogisticRegression(C=C, solver="liblinear", random_state=0).fit(X[tr], t[f].to_numpy()[tr])
        contrib = X[i].toarray()[0] * m.coef_[0]
        top = np.argsort(-contrib)[:3]
        print(f"  {t.id[i]} ref={t[f][i]} p={oof['p_' + f][i]:.2f}: "
              + "; ".join(f"{names[k]} {contrib[k]:+.2f}" for k in top))
