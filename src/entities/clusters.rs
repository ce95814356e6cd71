//! Word clusters learned from unannotated text: words that occur between the same neighbours
//! share a cluster ("Pyongyang", "Seoul", "Kyiv"; "ambassador", "envoy", "minister").
//!
//! The annotated corpora are small, so most names and many context words in real articles were
//! never seen in training; their cluster was. This is the distributional clustering of Clark
//! (2003) in its simplest form: each frequent word is a vector of positive pointwise mutual
//! information with its left and right neighbours (among the most frequent words), and k-means on
//! cosine similarity groups the vectors, at two granularities. Ratinov and Roth (2009) showed
//! cluster features to be among the most useful for NER; Brown clusters would do the same job at
//! a much higher training cost.
//!
//! Compiled by `parallax train clusters` into `models/clusters.tsv` (word, fine cluster, coarse
//! cluster) and compiled into the binary.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::lexicon::{WordKey, WordTable};

/// The lexicon built into the binary (`models/clusters.tsv`).
pub const BUILTIN: &str = include_str!("../../models/clusters.tsv");

/// Cluster ids of words.
#[derive(Debug, Clone, Default)]
pub struct Clusters {
    words: WordTable<(u16, u16)>,
}

impl Clusters {
    /// The clusters compiled into the binary.
    pub fn builtin() -> &'static Clusters {
        static CLUSTERS: std::sync::OnceLock<Clusters> = std::sync::OnceLock::new();
        CLUSTERS.get_or_init(|| {
            Clusters::parse(BUILTIN)
                .expect("models/clusters.tsv is written by `parallax train clusters`")
        })
    }

    /// Reads `word \t fine \t coarse` lines.
    pub fn parse(source: &str) -> Result<Self, String> {
        let words = WordTable::parse(
            source,
            "fine and coarse cluster",
            |[fine, coarse]: [&str; 2]| {
                let parse = |s: &str| {
                    s.parse::<u16>()
                        .map_err(|_| format!("bad cluster id {s:?}"))
                };
                Ok((parse(fine)?, parse(coarse)?))
            },
        )?;
        Ok(Clusters { words })
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The (fine, coarse) clusters of `lower`, a lowercased word.
    pub fn of(&self, lower: &str) -> Option<(u16, u16)> {
        self.words.get(lower)
    }

    /// [`Clusters::of`] the lowercased word whose key is `lower`.
    pub(crate) fn of_key(&self, lower: WordKey) -> Option<(u16, u16)> {
        self.words.get_key(lower)
    }
}

/// Collects neighbour counts from tokenized sentences and clusters the words.
#[derive(Debug, Default)]
pub struct ClusterBuilder {
    sentences: Vec<Vec<u32>>,
    ids: HashMap<String, u32>,
    words: Vec<String>,
    counts: Vec<u32>,
}

/// Settings of [`ClusterBuilder::build`].
#[derive(Debug, Clone, Copy)]
pub struct ClusterConfig {
    /// Words seen fewer times are not clustered.
    pub min_count: u32,
    /// How many of the most frequent words serve as context.
    pub contexts: usize,
    /// Fine clusters.
    pub fine: usize,
    /// Coarse clusters.
    pub coarse: usize,
    /// k-means iterations.
    pub iterations: usize,
}

impl ClusterBuilder {
    /// Adds one sentence (tokens as written; they are lowercased here).
    pub fn add_sentence<'a>(&mut self, tokens: impl IntoIterator<Item = &'a str>) {
        let mut ids = Vec::new();
        for token in tokens {
            let lower = token.to_lowercase();
            let id = match self.ids.get(&lower) {
                Some(&id) => id,
                None => {
                    let id = self.words.len() as u32;
                    self.ids.insert(lower.clone(), id);
                    self.words.push(lower);
                    self.counts.push(0);
                    id
                }
            };
            self.counts[id as usize] += 1;
            ids.push(id);
        }
        self.sentences.push(ids);
    }

    /// Clusters the words and returns the compiled text form.
    pub fn build(&self, config: ClusterConfig) -> String {
        let mut by_count: Vec<u32> = (0..self.words.len() as u32).collect();
        by_count.sort_by(|&a, &b| {
            self.counts[b as usize]
                .cmp(&self.counts[a as usize])
                .then_with(|| self.words[a as usize].cmp(&self.words[b as usize]))
        });
        // Context dimension of each context word: left neighbour k, right neighbour C + k.
        let mut context_dim: HashMap<u32, u32> = HashMap::new();
        for (k, &w) in by_count.iter().take(config.contexts).enumerate() {
            context_dim.insert(w, k as u32);
        }
        let c = config.contexts as u32;
        let targets: Vec<u32> = by_count
            .iter()
            .copied()
            .filter(|&w| self.counts[w as usize] >= config.min_count)
            .collect();
        let row_of: HashMap<u32, usize> =
            targets.iter().enumerate().map(|(i, &w)| (w, i)).collect();
        let mut rows: Vec<HashMap<u32, f32>> = vec![HashMap::new(); targets.len()];
        let boundary = u32::MAX;
        for sentence in &self.sentences {
            for (i, &w) in sentence.iter().enumerate() {
                let Some(&row) = row_of.get(&w) else {
                    continue;
                };
                let left = if i == 0 { boundary } else { sentence[i - 1] };
                let right = sentence.get(i + 1).copied().unwrap_or(boundary);
                // Sentence boundaries are a context of their own (dimension 2C).
                let l = if left == boundary {
                    Some(2 * c)
                } else {
                    context_dim.get(&left).copied()
                };
                let r = if right == boundary {
                    Some(2 * c + 1)
                } else {
                    context_dim.get(&right).map(|k| c + k)
                };
                for dim in [l, r].into_iter().flatten() {
                    *rows[row].entry(dim).or_default() += 1.0;
                }
            }
        }
        // PPMI, then unit length.
        let dims = 2 * config.contexts + 2;
        let mut column = vec![0.0f32; dims];
        let mut total = 0.0f32;
        for row in &rows {
            for (&d, &v) in row {
                column[d as usize] += v;
                total += v;
            }
        }
        let vectors: Vec<Vec<(u32, f32)>> = rows
            .iter()
            .map(|row| {
                let row_total: f32 = row.values().sum();
                let mut v: Vec<(u32, f32)> = row
                    .iter()
                    .filter_map(|(&d, &n)| {
                        let pmi = ((n * total) / (row_total * column[d as usize])).ln();
                        (pmi > 0.0).then_some((d, pmi))
                    })
                    .collect();
                v.sort_by_key(|&(d, _)| d);
                let norm = v.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
                if norm > 0.0 {
                    for (_, x) in &mut v {
                        *x /= norm;
                    }
                }
                v
            })
            .collect();
        let fine = kmeans(&vectors, dims, config.fine, config.iterations);
        let coarse = kmeans(&vectors, dims, config.coarse, config.iterations);
        let mut lines: Vec<(String, usize, usize)> = targets
            .iter()
            .enumerate()
            .map(|(i, &w)| (self.words[w as usize].clone(), fine[i], coarse[i]))
            .filter(|(w, _, _)| !w.contains(['\t', '\n']))
            .collect();
        lines.sort();
        let mut out = format!(
            "# Parallax word clusters: word, fine cluster (of {}), coarse cluster (of {}).\n\
             # Compiled by `parallax train clusters` from unannotated text; see NOTICE.\n",
            config.fine, config.coarse
        );
        for (w, f, c) in lines {
            let _ = writeln!(out, "{w}\t{f}\t{c}");
        }
        out
    }
}

/// Spherical k-means, seeded with evenly spaced vectors of the frequency-ranked list, so the
/// result depends only on the input.
fn kmeans(vectors: &[Vec<(u32, f32)>], dims: usize, k: usize, iterations: usize) -> Vec<usize> {
    let k = k.min(vectors.len()).max(1);
    let mut centroids: Vec<Vec<f32>> = (0..k)
        .map(|j| {
            let mut c = vec![0.0; dims];
            for &(d, x) in &vectors[j * vectors.len() / k] {
                c[d as usize] = x;
            }
            c
        })
        .collect();
    let mut assignment = vec![0; vectors.len()];
    for _ in 0..iterations {
        for (i, v) in vectors.iter().enumerate() {
            let mut best = (f32::NEG_INFINITY, 0);
            for (j, c) in centroids.iter().enumerate() {
                let dot: f32 = v.iter().map(|&(d, x)| x * c[d as usize]).sum();
                if dot > best.0 {
                    best = (dot, j);
                }
            }
            assignment[i] = best.1;
        }
        for c in &mut centroids {
            c.iter_mut().for_each(|x| *x = 0.0);
        }
        for (v, &j) in vectors.iter().zip(&assignment) {
            for &(d, x) in v {
                centroids[j][d as usize] += x;
            }
        }
        for c in &mut centroids {
            let norm = c.iter().map(|x| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                c.iter_mut().for_each(|x| *x /= norm);
            }
        }
    }
    assignment
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_the_same_slots_share_a_cluster() {
        let mut builder = ClusterBuilder::default();
        for _ in 0..5 {
            for city in ["Oslo", "Lima", "Perth"] {
                builder.add_sentence(format!("she flew to {city} on friday").split(' '));
            }
            for verb in ["said", "wrote", "added"] {
                builder.add_sentence(format!("the envoy {verb} that talks went well").split(' '));
            }
        }
        let text = builder.build(ClusterConfig {
            min_count: 3,
            contexts: 20,
            fine: 4,
            coarse: 2,
            iterations: 10,
        });
        let clusters = Clusters::parse(&text).unwrap();
        let oslo = clusters.of("oslo").unwrap();
        assert_eq!(clusters.of("lima").unwrap(), oslo);
        assert_eq!(clusters.of("perth").unwrap(), oslo);
        assert_eq!(
            clusters.of("wrote").unwrap().0,
            clusters.of("said").unwrap().0
        );
        assert_ne!(clusters.of("said").unwrap().0, oslo.0);
        assert!(clusters.of("nowhere").is_none());
        assert!(Clusters::parse("word\t1\n").is_err());
    }
}
