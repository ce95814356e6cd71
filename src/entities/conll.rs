//! Reading NER corpora and scoring mentions by exact token span.
//!
//! Formats: CoNLL-style columns with the token first and an IO/IOB/BIO tag last (WikiGold, BTC,
//! WNUT-17, spaCy output written by the baseline script), the same with a leading index column
//! (Universal NER's IOB2), and CoNLL-U with GUM's `Entity=` brackets in MISC, of which only named
//! mentions count: those whose head token (the one whose syntactic head lies outside the mention)
//! is a proper noun (XPOS NNP or NNPS).

use std::collections::BTreeMap;
use std::fmt;

use super::EntityType;
pub use super::features::Convention;

/// A mention: tokens `[start, end)` of its sentence, and its type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Mention {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Its type.
    pub kind: EntityType,
}

/// One annotated sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sentence {
    /// Its tokens.
    pub tokens: Vec<String>,
    /// Its mentions, in order.
    pub mentions: Vec<Mention>,
    /// It opens a document: the first sentence of a file, or the first after a `# newdoc`
    /// comment or a `-DOCSTART-` line.
    pub new_document: bool,
    /// Where its mentions' edges are: names (IOB files) or noun phrases (GUM's CoNLL-U).
    pub convention: Convention,
}

/// Reads a file in either format, choosing by content (CoNLL-U has 10 tab-separated columns).
pub fn parse(source: &str) -> Vec<Sentence> {
    let conllu = source
        .lines()
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .is_some_and(|l| l.split('\t').count() == 10);
    if conllu {
        parse_conllu(source)
    } else {
        parse_iob(source)
    }
}

/// Reads token-per-line IO/IOB/BIO files; sentences are separated by blank lines.
pub fn parse_iob(source: &str) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut tokens = Vec::new();
    let mut tags: Vec<String> = Vec::new();
    let mut new_document = true;
    let mut flush = |tokens: &mut Vec<String>, tags: &mut Vec<String>, new_document: &mut bool| {
        if !tokens.is_empty() {
            let mentions = mentions_from_tags(tags);
            sentences.push(Sentence {
                tokens: std::mem::take(tokens),
                mentions,
                new_document: std::mem::take(new_document),
                convention: Convention::Names,
            });
            tags.clear();
        }
    };
    for line in source.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            flush(&mut tokens, &mut tags, &mut new_document);
            continue;
        }
        let columns: Vec<&str> = if line.contains('\t') {
            line.split('\t').collect()
        } else {
            line.split(' ').collect()
        };
        // "# sent_id = ..." is a comment; "#\tO" is the token "#".
        let is_tag = |t: &str| t == "O" || t.split_once('-').is_some_and(|(p, _)| p.len() == 1);
        let token_line = columns.len() == 2 && is_tag(columns[1]);
        if (line.starts_with('#') && !token_line) || line.starts_with("-DOCSTART-") {
            if line.starts_with("-DOCSTART-") || line.starts_with("# newdoc") {
                flush(&mut tokens, &mut tags, &mut new_document);
                new_document = true;
            }
            continue;
        }
        // Universal NER: index, token, tag, ...; the others: token first, tag last.
        let (token, tag) = if columns.len() >= 3 && columns[0].bytes().all(|b| b.is_ascii_digit()) {
            (columns[1], columns[2])
        } else {
            (columns[0], columns[columns.len() - 1])
        };
        tokens.push(token.to_owned());
        tags.push(tag.to_owned());
    }
    flush(&mut tokens, &mut tags, &mut new_document);
    sentences
}

/// Turns per-token tags into mentions. `I-X` after a different type or `O` starts a mention, as
/// in IO-tagged CoNLL files; `B-X` always does.
pub fn mentions_from_tags(tags: &[String]) -> Vec<Mention> {
    let mut mentions = Vec::new();
    let mut open: Option<(usize, String)> = None;
    let close = |open: &mut Option<(usize, String)>, end: usize, mentions: &mut Vec<Mention>| {
        if let Some((start, label)) = open.take()
            && let Some(kind) = EntityType::from_label(&label)
        {
            mentions.push(Mention { start, end, kind });
        }
    };
    for (i, tag) in tags.iter().enumerate() {
        let (prefix, label) = match tag.split_once('-') {
            Some((p, l)) if matches!(p, "B" | "I" | "E" | "S" | "L" | "U") => (p, l),
            _ => ("O", ""),
        };
        let continues =
            matches!(prefix, "I" | "E" | "L") && open.as_ref().is_some_and(|(_, l)| l == label);
        if !continues {
            close(&mut open, i, &mut mentions);
            if prefix != "O" {
                open = Some((i, label.to_owned()));
            }
        }
    }
    close(&mut open, tags.len(), &mut mentions);
    mentions
}

/// Reads GUM CoNLL-U, keeping named mentions of the types Parallax reports.
pub fn parse_conllu(source: &str) -> Vec<Sentence> {
    parse_gum_coreference(source)
        .into_iter()
        .flat_map(|doc| {
            doc.sentences
                .into_iter()
                .enumerate()
                .map(|(i, (tokens, mentions))| Sentence {
                    new_document: i == 0,
                    ..named_sentence(tokens, mentions)
                })
        })
        .collect()
}

/// A GUM entity mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GumMention {
    /// First token (index in its sentence).
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Coreference id: the same for every mention of one entity in a document.
    pub id: String,
    /// GUM's entity type ("person", "place", "organization", ...).
    pub etype: String,
    /// Headed by a proper noun.
    pub named: bool,
}

/// One GUM document with its coreference: each sentence's tokens and every entity mention
/// (named, nominal and pronominal alike).
#[derive(Debug, Clone, Default)]
pub struct GumDocument {
    /// Each sentence's tokens and mentions.
    pub sentences: Vec<(Vec<String>, Vec<GumMention>)>,
}

/// Reads GUM CoNLL-U into documents with all their entity mentions (for scoring pronoun
/// resolution against GUM's coreference chains).
pub fn parse_gum_coreference(source: &str) -> Vec<GumDocument> {
    let mut documents: Vec<GumDocument> = Vec::new();
    let mut rows: Vec<Vec<&str>> = Vec::new();
    let mut new_document = true;
    for line in source.lines().chain(std::iter::once("")) {
        if line.trim().is_empty() {
            if !rows.is_empty() {
                if std::mem::take(&mut new_document) || documents.is_empty() {
                    documents.push(GumDocument::default());
                }
                let tokens = rows.iter().map(|r| r[1].to_owned()).collect();
                let mentions = gum_mentions(&rows);
                if let Some(d) = documents.last_mut() {
                    d.sentences.push((tokens, mentions));
                }
                rows.clear();
            }
            continue;
        }
        if line.starts_with('#') {
            new_document |= line.starts_with("# newdoc");
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        // Multiword tokens ("1-2") and empty nodes ("1.1") are not surface tokens.
        if columns.len() == 10 && columns[0].bytes().all(|b| b.is_ascii_digit()) {
            rows.push(columns);
        }
    }
    documents
}

/// The entity mentions of one CoNLL-U sentence (GUM's `Entity=` brackets in the MISC column).
fn gum_mentions(rows: &[Vec<&str>]) -> Vec<GumMention> {
    // Syntactic heads as token indices (None for the root).
    let heads: Vec<Option<usize>> = rows
        .iter()
        .map(|r| r[6].parse::<usize>().ok().and_then(|h| h.checked_sub(1)))
        .collect();
    let mut open: Vec<(String, String, usize)> = Vec::new();
    let mut spans: Vec<(usize, usize, String, String)> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let Some(entity) = row[9].split('|').find_map(|f| f.strip_prefix("Entity=")) else {
            continue;
        };
        let bytes = entity.as_bytes();
        let mut k = 0;
        while k < bytes.len() {
            if bytes[k] == b'(' {
                let end = entity[k + 1..]
                    .find(['(', ')'])
                    .map_or(entity.len(), |e| k + 1 + e);
                let descriptor = &entity[k + 1..end];
                let mut fields = descriptor.split('-');
                let id = fields.next().unwrap_or("").to_owned();
                let etype = fields.next().unwrap_or("").to_owned();
                if bytes.get(end) == Some(&b')') {
                    spans.push((i, i + 1, id, etype));
                    k = end + 1;
                } else {
                    open.push((id, etype, i));
                    k = end;
                }
            } else {
                let end = entity[k..].find(')').map_or(entity.len(), |e| k + e);
                let id = &entity[k..end];
                if let Some(at) = open.iter().rposition(|(open_id, _, _)| open_id == id) {
                    let (id, etype, start) = open.remove(at);
                    spans.push((start, i + 1, id, etype));
                }
                k = end + 1;
            }
        }
    }
    spans
        .into_iter()
        .map(|(start, end, id, etype)| {
            // The head: the token whose syntactic head is outside the mention.
            let head = (start..end).find(|&t| heads[t].is_none_or(|h| h < start || h >= end));
            let named = head.is_some_and(|h| matches!(rows[h][4], "NNP" | "NNPS"));
            GumMention {
                start,
                end,
                id,
                etype,
                named,
            }
        })
        .collect()
}

/// A GUM sentence as the tagger's corpora are read: its named mentions of the types Parallax
/// reports, in order.
fn named_sentence(tokens: Vec<String>, mentions: Vec<GumMention>) -> Sentence {
    let mut mentions: Vec<Mention> = mentions
        .into_iter()
        .filter(|m| m.named)
        .filter_map(|m| {
            let kind = EntityType::from_label(&m.etype)?;
            Some(Mention {
                start: m.start,
                end: m.end,
                kind,
            })
        })
        .collect();
    mentions.sort();
    mentions.dedup();
    Sentence {
        tokens,
        mentions,
        new_document: false,
        convention: Convention::NounPhrases,
    }
}

/// True positives, false positives and false negatives per type.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scores {
    counts: BTreeMap<EntityType, [usize; 3]>,
}

impl Scores {
    /// Precision, recall and F1 for one type, or over `types` together (micro-averaged).
    pub fn prf(&self, types: &[EntityType]) -> (f64, f64, f64) {
        let [tp, fp, fn_] = types.iter().fold([0; 3], |acc, t| {
            let c = self.counts.get(t).copied().unwrap_or_default();
            [acc[0] + c[0], acc[1] + c[1], acc[2] + c[2]]
        });
        let p = if tp + fp == 0 {
            0.0
        } else {
            tp as f64 / (tp + fp) as f64
        };
        let r = if tp + fn_ == 0 {
            0.0
        } else {
            tp as f64 / (tp + fn_) as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }

    /// Gold mentions of a type.
    pub fn gold(&self, kind: EntityType) -> usize {
        self.counts.get(&kind).map_or(0, |c| c[0] + c[2])
    }
}

/// The types the acceptance tables compare.
pub const MAIN_TYPES: [EntityType; 3] = [
    EntityType::Person,
    EntityType::Organization,
    EntityType::Location,
];

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<14} {:>6} {:>7} {:>7} {:>7}",
            "type", "gold", "P", "R", "F1"
        )?;
        for kind in MAIN_TYPES {
            let (p, r, f1) = self.prf(&[kind]);
            writeln!(
                f,
                "{:<14} {:>6} {p:>7.4} {r:>7.4} {f1:>7.4}",
                kind.as_str(),
                self.gold(kind)
            )?;
        }
        let (p, r, f1) = self.prf(&MAIN_TYPES);
        let gold: usize = MAIN_TYPES.iter().map(|&k| self.gold(k)).sum();
        writeln!(
            f,
            "{:<14} {gold:>6} {p:>7.4} {r:>7.4} {f1:>7.4}",
            "PER+ORG+LOC"
        )
    }
}

/// Scores predicted mentions against gold ones, sentence by sentence, by exact span and type.
pub fn score(gold: &[Sentence], predicted: &[Vec<Mention>]) -> Scores {
    let mut scores = Scores::default();
    for (sentence, predicted) in gold.iter().zip(predicted) {
        for mention in predicted {
            let hit = sentence.mentions.contains(mention);
            scores.counts.entry(mention.kind).or_default()[usize::from(!hit)] += 1;
        }
        for mention in &sentence.mentions {
            if !predicted.contains(mention) {
                scores.counts.entry(mention.kind).or_default()[2] += 1;
            }
        }
    }
    scores
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_tags_split_on_type_change_and_b_tags() {
        let tags: Vec<String> = [
            "I-PER", "I-PER", "O", "I-ORG", "I-LOC", "B-LOC", "I-LOC", "I-MISC",
        ]
        .map(String::from)
        .to_vec();
        let got = mentions_from_tags(&tags);
        assert_eq!(
            got,
            [
                Mention {
                    start: 0,
                    end: 2,
                    kind: EntityType::Person
                },
                Mention {
                    start: 3,
                    end: 4,
                    kind: EntityType::Organization
                },
                Mention {
                    start: 4,
                    end: 5,
                    kind: EntityType::Location
                },
                Mention {
                    start: 5,
                    end: 7,
                    kind: EntityType::Location
                },
                Mention {
                    start: 7,
                    end: 8,
                    kind: EntityType::Other
                },
            ]
        );
    }

    #[test]
    fn reads_indexed_iob2_and_plain_columns() {
        let uner = "# sent_id = x\n1\tKim\tB-PER\t-\t-\n2\tJong\tI-PER\t-\t-\n3\tspoke\tO\t-\t-\n\n1\tin\tO\t-\t-\n2\tSeoul\tB-LOC\t-\t-\n";
        let sentences = parse(uner);
        assert_eq!(sentences.len(), 2);
        assert_eq!(sentences[0].tokens, ["Kim", "Jong", "spoke"]);
        assert_eq!(
            sentences[0].mentions,
            [Mention {
                start: 0,
                end: 2,
                kind: EntityType::Person
            }]
        );
        assert_eq!(
            sentences[1].mentions,
            [Mention {
                start: 1,
                end: 2,
                kind: EntityType::Location
            }]
        );
        let plain = "Putin I-PER\nwrote O\n# O\n\n";
        assert_eq!(parse(plain)[0].tokens, ["Putin", "wrote", "#"]);
        assert_eq!(
            parse(plain)[0].mentions,
            [Mention {
                start: 0,
                end: 1,
                kind: EntityType::Person
            }]
        );
    }

    #[test]
    fn documents_open_at_newdoc_and_docstart() {
        let uner = "# newdoc id = a\n# sent_id = a-1\n1\tKim\tB-PER\t-\t-\n\n# sent_id = a-2\n1\tspoke\tO\t-\t-\n\n# newdoc id = b\n# sent_id = b-1\n1\tSeoul\tB-LOC\t-\t-\n";
        let opens: Vec<bool> = parse(uner).iter().map(|s| s.new_document).collect();
        assert_eq!(opens, [true, false, true]);
        let conll = "-DOCSTART- O\n\nKim B-PER\n\nspoke O\n\n-DOCSTART- O\n\nSeoul B-LOC\n";
        let opens: Vec<bool> = parse(conll).iter().map(|s| s.new_document).collect();
        assert_eq!(opens, [true, false, true]);
        let two_gum = format!("# newdoc id = a\n{GUM}\n# newdoc id = b\n{GUM}\n{GUM}");
        let opens: Vec<bool> = parse(&two_gum).iter().map(|s| s.new_document).collect();
        assert_eq!(opens, [true, true, false]);
        // GUM marks noun phrases, the IOB corpora names.
        assert!(
            parse(&two_gum)
                .iter()
                .all(|s| s.convention == Convention::NounPhrases)
        );
        assert!(
            parse(conll)
                .iter()
                .all(|s| s.convention == Convention::Names)
        );
    }

    /// A GUM-style sentence, "The envoy Igor Petrov visited North Korea .": a nominal person
    /// mention ("The envoy", headed by a common noun), a named person, a named place, and a
    /// single-token abstract mention nested in the place.
    const GUM: &str = "# text = x\n\
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\tEntity=(1-person-new-x-x-x-x\n\
2\tenvoy\tenvoy\tNOUN\tNN\t_\t5\tnsubj\t_\tEntity=1)\n\
3\tIgor\tIgor\tPROPN\tNNP\t_\t4\tcompound\t_\tEntity=(2-person-new-x-x-x-x\n\
4\tPetrov\tPetrov\tPROPN\tNNP\t_\t5\tnsubj\t_\tEntity=2)\n\
5\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_\n\
6\tNorth\tNorth\tPROPN\tNNP\t_\t7\tcompound\t_\tEntity=(3-place-new-x-x-x-x\n\
7\tKorea\tKorea\tPROPN\tNNP\t_\t5\tobj\t_\tEntity=3)(4-abstract-new-x-x-x-x)\n\
8\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_\n";

    #[test]
    fn gum_keeps_named_mentions_only() {
        let sentences = parse(GUM);
        assert_eq!(sentences.len(), 1);
        assert_eq!(
            sentences[0].mentions,
            [
                Mention {
                    start: 2,
                    end: 4,
                    kind: EntityType::Person
                },
                Mention {
                    start: 5,
                    end: 7,
                    kind: EntityType::Location
                },
            ]
        );
    }

    #[test]
    fn exact_span_scoring() {
        let gold = parse("Kim B-PER\nJong I-PER\nmet O\nPutin B-PER\nin O\nMoscow B-LOC\n");
        let predicted = vec![vec![
            Mention {
                start: 0,
                end: 1,
                kind: EntityType::Person,
            },
            Mention {
                start: 3,
                end: 4,
                kind: EntityType::Person,
            },
            Mention {
                start: 5,
                end: 6,
                kind: EntityType::Organization,
            },
        ]];
        let s = score(&gold, &predicted);
        let (p, r, _) = s.prf(&[EntityType::Person]);
        assert_eq!((p, r), (0.5, 0.5));
        assert_eq!(s.prf(&[EntityType::Location]), (0.0, 0.0, 0.0));
        assert_eq!(s.gold(EntityType::Location), 1);
    }
}
