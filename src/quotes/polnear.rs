//! PolNeAR brat annotations and the quote scores of `parallax eval quotes`.
//!
//! Each `attributions/NAME.ann` holds `T` lines (`Source`, `Cue`, `Content` spans) and `E` lines
//! tying them into attributions. A content with a quotation mark is a direct or partial quote;
//! the others are indirect. Contents are matched by token overlap (shared word tokens at least
//! half of the larger content's) and exactly (the same words); a matched content's speaker is
//! right when the predicted speaker's span overlaps the gold source span.
//!
//! A content may come in fragments around its attribution ("“A,” he said. “B.”" is one content,
//! A and B); its words are the fragments' words, not those of the hull, which would count the
//! attribution's words as content. A prediction may have parts the same way.

use std::collections::HashMap;

use crate::span::Span;

/// One gold attribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// The content span (a content may be split over several spans; this is their hull).
    pub content: Span,
    /// The content's fragments, in order (one for most contents).
    pub fragments: Vec<Span>,
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
    let mut spans: HashMap<&str, Vec<Span>> = HashMap::new();
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
        let mut fragments: Vec<Span> = Vec::new();
        for range in ranges.split(';') {
            let mut ends = range
                .split_whitespace()
                .filter_map(|n| n.parse::<usize>().ok());
            if let (Some(a), Some(b)) = (ends.next(), ends.next())
                && let (Some(a), Some(b)) = (to_byte(a), to_byte(b))
                && a <= b
            {
                fragments.push(Span::new(a, b));
            }
        }
        if !fragments.is_empty() {
            fragments.sort_by_key(|f| f.start);
            spans.insert(id, fragments);
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
            let fragments = spans.get(id);
            match name {
                // A content annotated as two spans ("Content2") is one content in fragments.
                "Content" | "Content2" => {
                    if let Some(f) = fragments {
                        content.get_or_insert_with(Vec::new).extend_from_slice(f);
                    }
                }
                "Source" => source = fragments.map(|f| hull(f)),
                "Cue" => cue = fragments.map(|f| hull(f)),
                _ => {}
            }
        }
        if let Some(mut fragments) = content {
            fragments.sort_by_key(|f| f.start);
            let content = hull(&fragments);
            let quoted = holds_quotation_mark(text, content);
            out.push(Attribution {
                content,
                fragments,
                source,
                cue,
                quoted,
            });
        }
    }
    out.sort_by_key(|a| a.content.start);
    out
}

/// Does `span` hold a double quotation mark? PolNeAR's quoted subset is the contents that do
/// (two apostrophes, its NYT texts' marks, are not among them); a system's quotes are sorted the
/// same way.
pub fn holds_quotation_mark(text: &str, span: Span) -> bool {
    span.slice(text).contains(['“', '”', '"', '«', '»'])
}

/// The smallest span holding every span of `spans` (not empty).
fn hull(spans: &[Span]) -> Span {
    let start = spans.iter().map(|s| s.start).min().unwrap_or(0);
    let end = spans.iter().map(|s| s.end).max().unwrap_or(0);
    Span::new(start, end)
}

/// A predicted quote as the scorer sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Predicted {
    /// Content span (the hull of its parts).
    pub content: Span,
    /// The content's parts, in order: one, or the quotes of one statement interrupted by its
    /// attribution.
    pub parts: Vec<Span>,
    /// Speaker span, if any.
    pub speaker: Option<Span>,
    /// True for direct and partial quotes.
    pub quoted: bool,
}

/// A system's quote as the scorer reads it, before its parts are joined ([`statements`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SystemQuote {
    /// Content span.
    pub content: Span,
    /// Speaker span, if any.
    pub speaker: Option<Span>,
    /// Who speaks (an entity id, or the speaker's words), to tell one speaker's quotes.
    pub key: Option<String>,
    /// The content holds a quotation mark, as PolNeAR's quoted subset does.
    pub quoted: bool,
    /// A direct or partial quote rather than reported speech.
    pub quote: bool,
    /// The quote's own cue, `Some(None)` when it continues an earlier quote's attribution;
    /// `None` when the system reports no cues.
    pub cue: Option<Option<Span>>,
}

/// A system's quotes as contents: a quote nested in another is dropped (each token belongs to
/// one PolNeAR attribution), and the parts of one statement are joined. PolNeAR annotates a
/// statement interrupted by its attribution ("“A,” he said. “B.”"), or running on over several
/// paragraphs, as one content in fragments; systems report its parts as quotes. For a system that reports cues, a quote of the same speaker without an
/// attribution of its own goes on with the one before, however far, and past that speaker's
/// reported clauses ("“A,” she said, adding that .... “B.”" is A and B; "“A,” she said. “B,” she
/// said." are two; "said, adding: “B”" too). A reported clause holding a quote opens a statement
/// as a quote does ("Some are “A,” she said. “B.”" is one content). For one that reports none,
/// only quotes of one
/// speaker a few words apart within a paragraph are taken for parts of one content.
pub fn statements(text: &str, quotes: &[SystemQuote]) -> Vec<Predicted> {
    let kept = quotes.iter().filter(|c| {
        !quotes
            .iter()
            .any(|o| o.content != c.content && o.content.contains(c.content))
    });
    let mut predicted: Vec<Predicted> = Vec::new();
    // The statement a later quote may go on with: the last quote (or reported clause holding
    // one), and where it stands. The
    // same speaker's reported clause in between leaves it open ("“A,” she said, adding that
    // .... “B.”" is A and B in one content, the clause apart).
    let mut open: Option<(usize, &SystemQuote)> = None;
    for c in kept {
        if let Some((at, before)) = open
            && c.quote
            && c.key.is_some()
            && c.key == before.key
            && c.content.start >= predicted[at].content.end
            && match c.cue {
                // A quote without an attribution of its own continues the one before.
                Some(cue) => cue.is_none() || cue == before.cue.flatten(),
                // A system that reports no cues cannot say so: only quotes a few words apart
                // in a paragraph are taken for parts of one.
                None => {
                    let between = &text[predicted[at].content.end..c.content.start];
                    at + 1 == predicted.len()
                        && !between.contains('\n')
                        && between.split_whitespace().count() <= 12
                }
            }
        {
            let prev = &mut predicted[at];
            prev.content = Span::new(prev.content.start, c.content.end);
            prev.parts.push(c.content);
            prev.quoted |= c.quoted;
            continue;
        }
        predicted.push(Predicted {
            content: c.content,
            parts: vec![c.content],
            speaker: c.speaker,
            quoted: c.quoted,
        });
        let aside = !c.quote
            && !c.quoted
            && open.is_some_and(|(_, before)| c.key.is_some() && c.key == before.key);
        if !aside {
            open = (c.quote || c.quoted).then_some((predicted.len() - 1, c));
        }
    }
    predicted
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

/// The word tokens of a content's fragments or parts.
fn words_of(text: &str, parts: &[Span]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = parts.iter().flat_map(|&p| words(text, p)).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Shared word tokens over the larger content's, in [0, 1]; each content is its fragments
/// (gold) or parts (predicted).
pub fn overlap(text: &str, a: &[Span], b: &[Span]) -> f64 {
    let (wa, wb) = (words_of(text, a), words_of(text, b));
    if wa.is_empty() || wb.is_empty() {
        return 0.0;
    }
    let shared = wa.iter().filter(|w| wb.binary_search(w).is_ok()).count();
    shared as f64 / wa.len().max(wb.len()) as f64
}

fn same_words(text: &str, a: &[Span], b: &[Span]) -> bool {
    let strip = |s: &[Span]| {
        let mut w = words_of(text, s);
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
                .map(|p| (overlap(text, &g.fragments, &p.parts), p))
                .max_by(|a, b| a.0.total_cmp(&b.0));
            if let Some((o, p)) = best.filter(|(o, _)| *o >= 0.5) {
                let _ = o;
                c.matched += 1;
                if same_words(text, &g.fragments, &p.parts) {
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
                    .any(|g| overlap(text, &g.fragments, &p.parts) >= 0.5)
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

    /// The span of the first `needle` in `text`.
    fn span_of(text: &str, needle: &str) -> Span {
        let start = text.find(needle).unwrap();
        Span::new(start, start + needle.len())
    }

    /// A quote of "she" (entity e1), with `cue` as the system reports it.
    fn her_quote(text: &str, content: &str, cue: Option<Option<Span>>) -> SystemQuote {
        SystemQuote {
            content: span_of(text, content),
            speaker: Some(span_of(text, "she")),
            key: Some("e1".to_owned()),
            quoted: true,
            quote: true,
            cue,
        }
    }

    /// A reported clause of speaker `key` with its cue (the first `cue` in `text`); `quoted`
    /// when it holds a quotation mark.
    fn clause(text: &str, content: &str, cue: &str, key: &str, quoted: bool) -> SystemQuote {
        SystemQuote {
            quoted,
            quote: false,
            key: Some(key.to_owned()),
            cue: Some(Some(span_of(text, cue))),
            ..her_quote(text, content, None)
        }
    }

    /// The words of each joined statement's parts.
    fn parts_of<'t>(text: &'t str, quotes: &[SystemQuote]) -> Vec<Vec<&'t str>> {
        statements(text, quotes)
            .iter()
            .map(|p| p.parts.iter().map(|s| s.slice(text)).collect())
            .collect()
    }

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
        let at = |s: &str| span_of(text, s);
        let predicted = [
            Predicted {
                content: at("ties will grow stronger."),
                parts: vec![at("ties will grow stronger.")],
                speaker: Some(at("Putin")),
                quoted: true,
            },
            Predicted {
                content: at("talks went"),
                parts: vec![at("talks went")],
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
        assert!(
            (overlap(text, &[at("talks went")], &[at("talks went well")]) - 2.0 / 3.0).abs() < 1e-9
        );
    }

    #[test]
    fn a_content_in_fragments_is_its_fragments_words() {
        let text = "“Ties will grow,” Putin said. “Trade too.” Kim agreed.";
        let at = |s: &str| span_of(text, s);
        let (a, b) = (at("Ties will grow,"), at("Trade too."));
        // brat offsets are characters: “ is one character, three bytes.
        let chars = |s: Span| text[..s.start].chars().count();
        let ann = format!(
            "T1\tContent {} {};{} {}\tx\nT2\tSource 18 23\tPutin\nE1\tAttribution:T2 Content:T1 Source:T2\n",
            chars(a),
            chars(a) + 15,
            chars(b),
            chars(b) + 10
        );
        let gold = parse_ann(&ann, text);
        assert_eq!(gold[0].fragments, [a, b]);
        assert!(gold[0].quoted);
        // Both parts: every word, and no word of "Putin said".
        let both = Predicted {
            content: Span::new(a.start, b.end),
            parts: vec![a, b],
            speaker: Some(at("Putin")),
            quoted: true,
        };
        assert_eq!(overlap(text, &gold[0].fragments, &both.parts), 1.0);
        let (quoted, _) = score(text, &gold, &[both]);
        assert_eq!(
            (quoted.matched, quoted.exact, quoted.speaker_right),
            (1, 1, 1)
        );
        // The first part alone: 3 of 5 words; the hull would count "Putin said" as content.
        assert!((overlap(text, &gold[0].fragments, &[a]) - 0.6).abs() < 1e-9);
        assert!(overlap(text, &gold[0].fragments, &[Span::new(a.start, b.end)]) < 1.0);
        // The same content annotated as two spans, the second a "Content2" of the attribution.
        let ann = format!(
            "T1\tContent {} {}\tx\nT3\tContent {} {}\ty\nT2\tSource 18 23\tPutin\n\
             E1\tAttribution:T2 Content:T1 Source:T2 Content2:T3\n",
            chars(a),
            chars(a) + 15,
            chars(b),
            chars(b) + 10
        );
        let two = parse_ann(&ann, text);
        assert_eq!(two.len(), 1);
        assert_eq!(two[0].fragments, [a, b]);
        assert_eq!(two[0].content, Span::new(a.start, b.end));
    }

    #[test]
    fn parts_of_one_statement_join_unless_the_later_has_its_own_cue() {
        let text = "“A b c,” she said. “D e f.” Then: “G h,” she said. “I j,” she said.";
        let quote = |content: &str, cue: Option<Option<Span>>| her_quote(text, content, cue);
        let said = |nth: usize| {
            let start = text.match_indices("said").nth(nth).unwrap().0;
            Some(Some(Span::new(start, start + 4)))
        };
        let ours = [
            quote("A b c,", said(0)),
            quote("D e f.", Some(None)),
            quote("G h,", said(1)),
            quote("I j,", said(2)),
        ];
        assert_eq!(
            parts_of(text, &ours),
            [vec!["A b c,", "D e f."], vec!["G h,"], vec!["I j,"]]
        );
        // A system that reports no cues: all of one speaker's nearby quotes join.
        let theirs: Vec<SystemQuote> = ours
            .iter()
            .map(|q| SystemQuote {
                cue: None,
                ..q.clone()
            })
            .collect();
        assert_eq!(statements(text, &theirs).len(), 1);
        assert_eq!(statements(text, &theirs)[0].parts.len(), 4);
    }

    #[test]
    fn a_statement_goes_on_past_its_speaker_s_reported_clause_but_not_another_s() {
        let text = "“A b c,” she said, adding that k l m. “D e f.” He said that n o. “G h.”";
        let at = |s: &str| span_of(text, s);
        let quote = |content: &str, cue: Option<Option<Span>>| her_quote(text, content, cue);
        let ours = [
            quote("A b c,", Some(Some(at("said")))),
            clause(text, "k l m", "adding", "e1", false),
            quote("D e f.", Some(None)),
            clause(text, "n o", "He said", "e2", false),
            quote("G h.", Some(None)),
        ];
        // Her clause stands apart, her quotes join past it; his clause closes her statement.
        assert_eq!(
            parts_of(text, &ours),
            [
                vec!["A b c,", "D e f."],
                vec!["k l m"],
                vec!["n o"],
                vec!["G h."]
            ]
        );
    }

    #[test]
    fn a_reported_clause_holding_a_quote_goes_on_with_the_quote_after_its_tag() {
        // "Some of it is “a b c,” she said. “D e f.”": PolNeAR's content is the clause and the
        // untagged quote after it. Another speaker's clause closes her statement.
        let text = "Some of it is “a b c,” she said. “D e f.” He said k is “l m.” “N o.”";
        let quote = |content: &str, cue: Option<Option<Span>>| her_quote(text, content, cue);
        let ours = [
            clause(text, "Some of it is “a b c,”", "said", "e1", true),
            quote("D e f.", Some(None)),
            clause(text, "k is “l m.”", "He said", "e2", true),
            quote("N o.", Some(None)),
        ];
        assert_eq!(
            parts_of(text, &ours),
            [
                vec!["Some of it is “a b c,”", "D e f."],
                vec!["k is “l m.”"],
                vec!["N o."]
            ]
        );
        // A clause without a quote is no statement of hers to go on with.
        let plain = [
            clause(text, "Some of it is “a b c,”", "said", "e1", false),
            quote("D e f.", Some(None)),
        ];
        assert_eq!(statements(text, &plain).len(), 2);
    }

    #[test]
    fn a_statement_goes_on_into_the_next_paragraph_and_past_the_writers_words() {
        // The newswire convention: a quote opening the next paragraph, with no attribution of
        // its own, goes on with the statement, however many words of the writer come between.
        let text = "“A b c,” she told the committee on a cold morning in the capital, where \
                    the hearing had been moved twice over the last weeks.\n\n“D e f.”";
        let at = |s: &str| span_of(text, s);
        let said = at("told");
        let quote = |content: &str, cue: Option<Option<Span>>| her_quote(text, content, cue);
        let ours = [
            quote("A b c,", Some(Some(said))),
            quote("D e f.", Some(None)),
        ];
        let joined = statements(text, &ours);
        assert_eq!(joined.len(), 1);
        assert_eq!(joined[0].parts, [at("A b c,"), at("D e f.")]);
        // Without cues nothing says the second has no attribution of its own.
        let theirs = [quote("A b c,", None), quote("D e f.", None)];
        assert_eq!(statements(text, &theirs).len(), 2);
    }
}
