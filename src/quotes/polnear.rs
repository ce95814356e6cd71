//! PolNeAR brat annotations and the quote scores of `parallax eval quotes`.
//!
//! Each `attributions/NAME.ann` holds `T` lines (`Source`, `Cue`, `Content` spans) and `E` lines
//! tying them into attributions. A content with a quotation mark is a direct or partial quote;
//! the others are indirect. Contents are matched by token overlap (shared word tokens at least
//! half of the longer span) and exactly (same span after trimming marks, white space and edge
//! punctuation); a matched content's speaker is right when the predicted speaker's span overlaps
//! the gold source span.

use std::collections::HashMap;

use crate::span::Span;

/// One gold attribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// The content span (a content may be split over several spans; this is their hull).
    pub content: Span,
    /// The source (speaker) span, if annotated.
    pub source: Option<Span>,
    /// The cue span, if annotated.
    pub cue: Option<Span>,
    /// True when the content holds a quotation mark.
    pub quoted: bool,
}

/// Reads one `.ann` file over `text` (spans are char offsets in brat; they are converted to
/// byte offsets here).
pub fn parse_ann(ann: &str, text: &str) -> Vec<Attribution> {
    // Char offset -> byte offset.
    let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    bytes.push(text.len());
    let to_byte = |c: usize| bytes.get(c).copied();
    let mut spans: HashMap<&str, Span> = HashMap::new();
    for line in ann.lines() {
        let mut fields = line.splitn(3, '\t');
        let (Some(id), Some(middle)) = (fields.next(), fields.next()) else {
            continue;
        };
        if !id.starts_with('T') {
            continue;
        }
        // "Content 115 290;300 310": fragments separated by ';'.
        let Some((_, ranges)) = middle.split_once(' ') else {
            continue;
        };
        let mut hull: Option<Span> = None;
        for range in ranges.split(';') {
            let mut ends = range
                .split_whitespace()
                .filter_map(|n| n.parse::<usize>().ok());
            if let (Some(a), Some(b)) = (ends.next(), ends.next())
                && let (Some(a), Some(b)) = (to_byte(a), to_byte(b))
                && a <= b
            {
                hull =
                    Some(hull.map_or(Span::new(a, b), |h| Span::new(h.start.min(a), h.end.max(b))));
            }
        }
        if let Some(h) = hull {
            spans.insert(id, h);
        }
    }
    let mut out = Vec::new();
    for line in ann.lines().filter(|l| l.starts_with('E')) {
        let Some((_, roles)) = line.split_once('\t') else {
            continue;
        };
        let mut content = None;
        let mut source = None;
        let mut cue = None;
        for role in roles.split_whitespace() {
            let Some((name, id)) = role.split_once(':') else {
                continue;
            };
            let span = spans.get(id).copied();
            match name {
                "Content" => content = span,
                "Source" => source = span,
                "Cue" => cue = span,
                _ => {}
            }
        }
        if let Some(content) = content {
            let quoted = content.slice(text).contains(['“', '”', '"', '«', '»']);
            out.push(Attribution {
                content,
                source,
                cue,
                quoted,
            });
        }
    }
    out.sort_by_key(|a| a.content.start);
    out
}

/// A predicted quote as the scorer sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Predicted {
    /// Content span.
    pub content: Span,
    /// Speaker span, if any.
    pub speaker: Option<Span>,
    /// True for direct and partial quotes.
    pub quoted: bool,
}

/// Counts for one subset of contents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Gold contents.
    pub gold: usize,
    /// Predicted contents.
    pub predicted: usize,
    /// Gold contents matched at overlap >= 0.5.
    pub matched: usize,
    /// Predicted contents matching some gold content at overlap >= 0.5.
    pub predicted_matched: usize,
    /// Gold contents matched exactly.
    pub exact: usize,
    /// Matched gold contents with a gold source.
    pub with_source: usize,
    /// Of those, how many got a speaker overlapping the gold source.
    pub speaker_right: usize,
}

impl Counts {
    /// (precision, recall, F1) at overlap >= 0.5.
    pub fn overlap_prf(&self) -> (f64, f64, f64) {
        prf(
            self.predicted_matched,
            self.predicted,
            self.matched,
            self.gold,
        )
    }

    /// (precision, recall, F1) for exact matches.
    pub fn exact_prf(&self) -> (f64, f64, f64) {
        prf(self.exact, self.predicted, self.exact, self.gold)
    }

    /// Speaker accuracy over matched contents that have a gold source.
    pub fn speaker_accuracy(&self) -> f64 {
        if self.with_source == 0 {
            0.0
        } else {
            self.speaker_right as f64 / self.with_source as f64
        }
    }

    fn add(&mut self, other: Counts) {
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.matched += other.matched;
        self.predicted_matched += other.predicted_matched;
        self.exact += other.exact;
        self.with_source += other.with_source;
        self.speaker_right += other.speaker_right;
    }
}

fn prf(tp_p: usize, predicted: usize, tp_r: usize, gold: usize) -> (f64, f64, f64) {
    let p = if predicted == 0 {
        0.0
    } else {
        tp_p as f64 / predicted as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        tp_r as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

/// Word tokens of `span` as byte ranges: runs of letters and digits.
fn words(text: &str, span: Span) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text[span.start..span.end].char_indices() {
        let at = span.start + i;
        if c.is_alphanumeric() {
            start.get_or_insert(at);
        } else if let Some(s) = start.take() {
            out.push((s, at));
        }
    }
    if let Some(s) = start {
        out.push((s, span.end));
    }
    out
}

/// Shared word tokens over the longer span's, in [0, 1].
pub fn overlap(text: &str, a: Span, b: Span) -> f64 {
    let (wa, wb) = (words(text, a), words(text, b));
    if wa.is_empty() || wb.is_empty() {
        return 0.0;
    }
    let shared = wa.iter().filter(|w| wb.contains(w)).count();
    shared as f64 / wa.len().max(wb.len()) as f64
}

fn same_words(text: &str, a: Span, b: Span) -> bool {
    let strip = |s: Span| {
        let mut w = words(text, s);
        if w.first()
            .is_some_and(|&(x, y)| text[x..y].eq_ignore_ascii_case("that"))
        {
            w.remove(0);
        }
        w
    };
    let (wa, wb) = (strip(a), strip(b));
    !wa.is_empty() && wa == wb
}

/// Scores one document: (quoted subset, all attributions).
pub fn score(text: &str, gold: &[Attribution], predicted: &[Predicted]) -> (Counts, Counts) {
    let mut quoted = Counts::default();
    let mut all = Counts::default();
    for (subset, counts) in [(true, &mut quoted), (false, &mut all)] {
        let gold: Vec<&Attribution> = gold.iter().filter(|g| !subset || g.quoted).collect();
        let predicted: Vec<&Predicted> = predicted.iter().filter(|p| !subset || p.quoted).collect();
        let mut c = Counts {
            gold: gold.len(),
            predicted: predicted.len(),
            ..Counts::default()
        };
        for g in &gold {
            let best = predicted
                .iter()
                .map(|p| (overlap(text, g.content, p.content), p))
                .max_by(|a, b| a.0.total_cmp(&b.0));
            if let Some((o, p)) = best.filter(|(o, _)| *o >= 0.5) {
                let _ = o;
                c.matched += 1;
                if same_words(text, g.content, p.content) {
                    c.exact += 1;
                }
                if let Some(source) = g.source {
                    c.with_source += 1;
                    if p.speaker
                        .is_some_and(|s| s.start < source.end && source.start < s.end)
                    {
                        c.speaker_right += 1;
                    }
                }
            }
        }
        c.predicted_matched = predicted
            .iter()
            .filter(|p| {
                gold.iter()
                    .any(|g| overlap(text, g.content, p.content) >= 0.5)
            })
            .count();
        counts.add(c);
    }
    (quoted, all)
}

/// Adds document counts into totals.
pub fn accumulate(total: &mut (Counts, Counts), doc: (Counts, Counts)) {
    total.0.add(doc.0);
    total.1.add(doc.1);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_brat_and_scores_overlap_exact_and_speakers() {
        let text = "Putin said “ties will grow stronger.” Officials said talks went well.";
        let ann = "T1\tSource 0 5\tPutin\nT2\tCue 6 10\tsaid\nT3\tContent 11 37\t...\n\
                   E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n\
                   T4\tSource 38 47\tOfficials\nT5\tContent 53 68\ttalks went well\n\
                   E2\tAttribution:T4 Content:T5 Source:T4\n";
        let gold = parse_ann(ann, text);
        assert_eq!(gold.len(), 2);
        assert!(gold[0].quoted && !gold[1].quoted);
        assert_eq!(gold[0].source.unwrap().slice(text), "Putin");
        let at = |s: &str| {
            let start = text.find(s).unwrap();
            Span::new(start, start + s.len())
        };
        let predicted = [
            Predicted {
                content: at("ties will grow stronger."),
                speaker: Some(at("Putin")),
                quoted: true,
            },
            Predicted {
                content: at("talks went"),
                speaker: None,
                quoted: false,
            },
        ];
        let (quoted, all) = score(text, &gold, &predicted);
        assert_eq!((quoted.gold, quoted.matched, quoted.exact), (1, 1, 1));
        assert_eq!(quoted.speaker_accuracy(), 1.0);
        // "talks went" vs "talks went well": 2 of 3 words.
        assert_eq!((all.gold, all.matched, all.exact), (2, 2, 1));
        assert_eq!(all.speaker_right, 1);
        assert!((overlap(text, at("talks went"), at("talks went well")) - 2.0 / 3.0).abs() < 1e-9);
    }
}
