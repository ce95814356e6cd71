//! Quotes: who said what, with which verb, credited to which outlet.
//!
//! Direct and partial quotes are found from quotation marks in BODY paragraphs; indirect ones
//! from reported-speech patterns ("X said that ...", "according to X, ..."). Each quote's speaker
//! is looked for around its cue verb, in the order newswire uses: after the quote (`"...," Putin
//! said.`), before it (`Kim wrote that "..."`, `Putin said: "..."`), then by inheritance (the
//! next quote of the same paragraph, or a paragraph that continues a quote, keeps the speaker).
//! A pronoun speaker ("he said") resolves to the most recently named person; a role noun ("the
//! Russian leader") is already an entity mention, resolved by the entities stage. The outlet a
//! quote is credited to ("according to KCNA", "told the newspaper Izvestia", "Rodong Sinmun
//! reported") is kept apart from the speaker. When nothing names a speaker, the quote has none.

mod marks;
pub mod polnear;

use crate::entities::canonical::is_media_noun;
use crate::entities::{Entity, EntityType, MentionKind};
use crate::span::Span;
use crate::text::{BlockKind, Segmentation};

/// What kind of quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// A full statement in quotation marks.
    Direct,
    /// A word or phrase in quotation marks inside the writer's own sentence ("heroic").
    Partial,
    /// Reported speech without quotation marks ("Kim said that ...").
    Indirect,
}

/// Who a quote is attributed to.
#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    /// The entity, when the speaker is one ("e1").
    pub entity_id: Option<String>,
    /// Its canonical name, or the words naming the speaker ("a source", "officials").
    pub name: String,
    /// Where the speaker is named next to this quote (a name, a pronoun, a role noun).
    pub span: Span,
}

/// A quote.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// The quoted content, without the quotation marks.
    pub span: Span,
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// Who said it, if the text says.
    pub speaker: Option<Speaker>,
    /// The verb or phrase reporting it ("said", "wrote", "according to").
    pub cue: Option<Span>,
    /// The outlet or channel it is credited to ("KCNA" in "according to KCNA").
    pub cited_source: Option<Speaker>,
    /// How sure the attribution is, in (0, 1).
    pub confidence: f32,
}

/// Reporting verbs and their inflections.
const CUES: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "tell",
    "wrote",
    "writes",
    "write",
    "added",
    "adds",
    "claimed",
    "claims",
    "vowed",
    "vows",
    "remarked",
    "stated",
    "states",
    "noted",
    "notes",
    "warned",
    "warns",
    "stressed",
    "emphasized",
    "emphasised",
    "explained",
    "insisted",
    "argued",
    "argues",
    "declared",
    "announced",
    "asked",
    "asks",
    "replied",
    "continued",
    "concluded",
    "praised",
    "promised",
    "pledged",
    "urged",
    "reported",
    "reports",
    "acknowledged",
    "admitted",
    "believes",
    "believed",
    "thinks",
    "thought",
    "suggested",
    "suggests",
    "predicted",
    "recalled",
    "responded",
    "tweeted",
    "posted",
    "confirmed",
    "denied",
    "alleged",
    "insists",
    "maintained",
    "observed",
    "expressed",
    "hoped",
    "accused",
    "called",
    "described",
    "according",
    "wondered",
    "countered",
    "quipped",
    "joked",
    "boasted",
    "complained",
    "saying",
    "stating",
    "noting",
    "adding",
    "writing",
    "warning",
    "claiming",
    "insisting",
    "arguing",
    "declaring",
    "telling",
    "conveyed",
];

/// Nouns that name a speaker without naming who ("a source", "officials", "the campaign").
const SOURCE_NOUNS: &[&str] = &[
    "source",
    "sources",
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "aide",
    "aides",
    "campaign",
    "commission",
    "committee",
    "statement",
    "report",
    "reports",
    "analyst",
    "analysts",
    "expert",
    "experts",
    "critics",
    "poll",
    "survey",
    "lawmakers",
    "police",
    "authorities",
    "government",
    "administration",
    "ministry",
    "agency",
    "letter",
    "message",
    "prosecutors",
    "investigators",
    "organizers",
    "residents",
    "witnesses",
    "supporters",
    "advisers",
    "advisors",
    "diplomats",
    "observers",
    "leader",
    "president",
    "ambassador",
    "minister",
    "candidate",
    "nominee",
    "governor",
    "senator",
    "announcer",
];

/// Pronouns that can be speakers.
const PRONOUNS: &[&str] = &["he", "she", "they", "He", "She", "They", "I", "we", "We"];

struct Sent<'t> {
    span: Span,
    block: usize,
    words: Vec<&'t str>,
    spans: Vec<Span>,
}

/// A mention as the attribution pass sees it: which entity, where, what kind.
#[derive(Debug, Clone, Copy)]
struct Ref<'e> {
    entity: &'e Entity,
    span: Span,
    kind: MentionKind,
}

/// Finds the quotes of an analyzed article. `entities` are the article's entities (their
/// mentions name speakers and sources).
pub fn find_quotes(text: &str, seg: &Segmentation, entities: &[Entity]) -> Vec<Quote> {
    let refs = refs_of(entities);
    let sentences = sentences_of(text, seg);
    let mut quotes = Vec::new();
    let mut previous_speaker: Option<(usize, Speaker)> = None;
    let mut continues = false;
    // A quote left open at the end of a paragraph, still without a speaker.
    let mut pending: Option<usize> = None;
    for (b, block) in seg.blocks.iter().enumerate() {
        if block.kind != BlockKind::Body {
            continue;
        }
        let found = marks::quoted_spans(text, block.span);
        let block_sentences: Vec<&Sent<'_>> = sentences.iter().filter(|s| s.block == b).collect();
        for (n, q) in found.iter().enumerate() {
            let content = trim(text, q.content);
            if content.is_empty() {
                continue;
            }
            let words = text[content.start..content.end].split_whitespace().count();
            let ends_statement = text[..content.end]
                .trim_end()
                .ends_with(['.', ',', '!', '?', '…']);
            let kind = if words >= 6 || (words >= 3 && ends_statement) {
                QuoteKind::Direct
            } else {
                QuoteKind::Partial
            };
            // The sentences the quote touches, and the words around it.
            let around: Vec<&&Sent<'_>> = block_sentences
                .iter()
                .filter(|s| s.span.start < q.outer.end && q.outer.start < s.span.end)
                .collect();
            let others: Vec<Span> = found.iter().map(|f| f.outer).collect();
            let attribution = around
                .iter()
                .find_map(|s| attribute(text, s, &others, q.outer, &refs));
            let inherited = previous_speaker
                .as_ref()
                .filter(|(pb, _)| *pb + 2 >= b)
                .map(|(_, s)| s.clone());
            let (speaker, cue, confidence) = match attribution {
                // "according to KCNA" names the channel; the speaker is the one quoted before.
                Some((Some(sp), cue))
                    if cue.slice(text).eq_ignore_ascii_case("according to")
                        && inherited.is_some()
                        && refs.iter().any(|r| {
                            r.span == sp.span && r.entity.kind == EntityType::Organization
                        }) =>
                {
                    (inherited.clone(), Some(cue), 0.6)
                }
                Some((speaker, cue)) => (speaker, Some(cue), 0.8),
                None => {
                    // The next quote of the paragraph, or a paragraph continuing a quote, keeps
                    // the speaker of the one before.
                    let inherit = previous_speaker
                        .as_ref()
                        .filter(|(pb, _)| *pb == b || (continues && n == 0))
                        .map(|(_, s)| s.clone());
                    let confidence = if inherit.is_some() { 0.6 } else { 0.3 };
                    (inherit, None, confidence)
                }
            };
            let cited_source = around
                .iter()
                .find_map(|s| cited_source(text, s, &others, &refs));
            if let Some(s) = &speaker
                && kind == QuoteKind::Direct
            {
                previous_speaker = Some((b, s.clone()));
                // The paragraph before ended inside this statement: same speaker.
                if n == 0
                    && let Some(k) = pending.take()
                {
                    let q: &mut Quote = &mut quotes[k];
                    q.speaker = Some(s.clone());
                    q.confidence = 0.6;
                }
            }
            if q.unclosed && speaker.is_none() && kind == QuoteKind::Direct {
                pending = Some(quotes.len());
            }
            quotes.push(Quote {
                span: content,
                kind,
                speaker,
                cue,
                cited_source,
                confidence,
            });
        }
        continues = found.last().is_some_and(|q| q.unclosed);
        // Indirect quotes: reported speech whose content is not a full quoted statement. Its
        // content may hold partial quotes ("Kim said the alliance was “invincible”").
        let direct: Vec<Span> = quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Direct && block.span.contains(q.span))
            .map(|q| q.span)
            .collect();
        for s in &block_sentences {
            if let Some(quote) = indirect(text, s, &refs)
                && !direct
                    .iter()
                    .any(|d| d.start < quote.span.end && quote.span.start < d.end)
            {
                quotes.push(quote);
            }
        }
    }
    quotes.sort_by_key(|q| q.span.start);
    quotes
}

/// Every outlet the article's prose credits ("according to KCNA", "Rodong Sinmun reported",
/// "told the newspaper Izvestia"), quoted or not, one per crediting sentence, in text order.
pub fn credited_sources(text: &str, seg: &Segmentation, entities: &[Entity]) -> Vec<Speaker> {
    let refs = refs_of(entities);
    sentences_of(text, seg)
        .iter()
        .filter(|s| seg.is_body(s.block))
        .filter_map(|s| {
            let quoted: Vec<Span> = marks::quoted_spans(text, s.span)
                .iter()
                .map(|q| q.outer)
                .collect();
            cited_source(text, s, &quoted, &refs)
        })
        .collect()
}

/// Every mention of `entities`, in text order.
fn refs_of(entities: &[Entity]) -> Vec<Ref<'_>> {
    let mut refs: Vec<Ref<'_>> = entities
        .iter()
        .flat_map(|e| {
            e.mentions.iter().map(move |m| Ref {
                entity: e,
                span: m.span,
                kind: m.kind,
            })
        })
        .collect();
    refs.sort_by_key(|r| r.span.start);
    refs
}

/// The mention covering `span`, if any. `refs` are sorted by start and do not nest, so it is
/// the last one starting at or before `span` (a binary search: this runs for every candidate
/// word of every sentence).
fn ref_at<'r, 'e>(refs: &'r [Ref<'e>], span: Span) -> Option<&'r Ref<'e>> {
    let i = refs.partition_point(|r| r.span.start <= span.start);
    refs[..i]
        .iter()
        .rev()
        .take(2)
        .find(|r| span.end <= r.span.end)
}

fn sentences_of<'t>(text: &'t str, seg: &Segmentation) -> Vec<Sent<'t>> {
    seg.sentence_tokens()
        .map(|(sentence, tokens)| Sent {
            span: sentence.span,
            block: sentence.block,
            words: tokens.iter().map(|t| t.span.slice(text)).collect(),
            spans: tokens.iter().map(|t| t.span).collect(),
        })
        .collect()
}

/// `span` without surrounding white space and edge punctuation other than the statement's own
/// final mark.
fn trim(text: &str, span: Span) -> Span {
    let slice = &text[span.start..span.end];
    let start = span.start + (slice.len() - slice.trim_start().len());
    let trimmed = slice.trim();
    Span::new(start, start + trimmed.len())
}

/// A reporting verb: lower case ("States" in "United States" is no verb), or "According".
fn is_cue(word: &str) -> bool {
    (word.starts_with(char::is_lowercase) || word == "According")
        && CUES.contains(&word.to_lowercase().as_str())
}

/// The entity mention or pronoun naming a speaker at token `i` of `s`, if any.
fn speaker_at(text: &str, s: &Sent<'_>, i: usize, refs: &[Ref<'_>]) -> Option<Speaker> {
    let span = s.spans[i];
    if let Some(r) = ref_at(refs, span) {
        // Places and nationalities do not speak ("the United States", "North Korean").
        if matches!(r.entity.kind, EntityType::Person | EntityType::Organization)
            || r.kind == MentionKind::Nominal
        {
            return Some(Speaker {
                entity_id: Some(r.entity.id.clone()),
                name: r.entity.name.clone(),
                span: r.span,
            });
        }
        return None;
    }
    let word = s.words[i];
    // "a source said", "officials told", "the commission said": a speaker that is no entity.
    if SOURCE_NOUNS.contains(&word.to_lowercase().as_str()) {
        let mut from = i;
        while from > 0
            && i - from < 3
            && !s.words[from - 1].contains(|c: char| !c.is_alphanumeric() && c != '-')
            && !is_cue(s.words[from - 1])
            && (s.words[from - 1].starts_with(char::is_lowercase)
                || matches!(s.words[from - 1], "The" | "A" | "An"))
        {
            from -= 1;
            if matches!(s.words[from], "the" | "The" | "a" | "A" | "an" | "An") {
                break;
            }
        }
        let span = Span::new(s.spans[from].start, s.spans[i].end);
        // A document speaks for its author: "the letter vowed" is the person who wrote it, the
        // one most recently named before.
        if matches!(word.to_lowercase().as_str(), "letter" | "message") {
            // The person who sent or wrote one, most recently; else the last person named.
            let before: Vec<&Ref<'_>> = refs
                .iter()
                .filter(|r| r.span.end <= span.start && r.entity.kind == EntityType::Person)
                .collect();
            let sender = before.iter().rev().find(|r| {
                let mut end = (r.span.end + 48).min(span.start);
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                let after = &text[r.span.end..end.max(r.span.end)];
                [
                    "sent",
                    "wrote",
                    "penned",
                    "signed",
                    "addressed",
                    "send",
                    "write",
                ]
                .iter()
                .any(|v| after.split(|c: char| !c.is_alphanumeric()).any(|w| w == *v))
            });
            let author = sender.or(before.last()).copied();
            if let Some(r) = author {
                return Some(Speaker {
                    entity_id: Some(r.entity.id.clone()),
                    name: r.entity.name.clone(),
                    span,
                });
            }
        }
        return Some(Speaker {
            entity_id: None,
            name: span.slice(text).to_owned(),
            span,
        });
    }
    // A capitalized name the tagger missed, right next to the cue ("Caddell said").
    if word.starts_with(char::is_uppercase)
        && word.chars().skip(1).all(char::is_lowercase)
        && word.chars().count() > 2
        && !PRONOUNS.contains(&word)
        && i > 0
    {
        return Some(Speaker {
            entity_id: None,
            name: word.to_owned(),
            span,
        });
    }
    if PRONOUNS.contains(&word) {
        // The most recently named person before this point.
        let person = refs
            .iter()
            .rfind(|r| r.span.end <= span.start && r.entity.kind == EntityType::Person);
        return Some(Speaker {
            entity_id: person.map(|r| r.entity.id.clone()),
            name: person.map_or_else(|| word.to_owned(), |r| r.entity.name.clone()),
            span,
        });
    }
    None
}

/// A speaker before token `cue` (the subject: "Putin said", "the Kremlin's spokesman said") or
/// right after it ("said Putin"), skipping a few words.
fn speaker_near(
    text: &str,
    s: &Sent<'_>,
    cue: usize,
    refs: &[Ref<'_>],
    outside: impl Fn(usize) -> bool,
) -> Option<Speaker> {
    // "Kim responded to Putin's letter, saying ...": a participle after a comma reports the
    // main clause's subject, not the nearest name.
    if s.words[cue].ends_with("ing") && cue > 0 && s.words[cue - 1] == "," {
        let subject = (0..cue - 1)
            .take_while(|&i| outside(i))
            .find_map(|i| speaker_at(text, s, i, refs));
        if subject.is_some() {
            return subject;
        }
    }
    for back in 1..=4 {
        let Some(i) = cue.checked_sub(back) else {
            break;
        };
        // "..., Alexander Matsegora, said": the comma closing an appositive may sit between.
        if back == 1 && s.words[i] == "," {
            continue;
        }
        if !outside(i) || matches!(s.words[i], "," | "“" | "”" | "\"" | "." | ";") {
            break;
        }
        if let Some(sp) = speaker_at(text, s, i, refs) {
            return Some(sp);
        }
    }
    for i in cue + 1..(cue + 4).min(s.words.len()) {
        if !outside(i) {
            break;
        }
        if let Some(sp) = speaker_at(text, s, i, refs) {
            return Some(sp);
        }
    }
    None
}

/// The attribution of the quote at `quote` inside sentence `s`: a cue verb outside every quote
/// of the sentence, nearest the quote, with a speaker next to it.
fn attribute(
    text: &str,
    s: &Sent<'_>,
    quotes: &[Span],
    quote: Span,
    refs: &[Ref<'_>],
) -> Option<(Option<Speaker>, Span)> {
    let outside = |i: usize| {
        !quotes
            .iter()
            .any(|q| q.start <= s.spans[i].start && s.spans[i].end <= q.end)
    };
    let mut cues: Vec<usize> = (0..s.words.len())
        .filter(|&i| outside(i) && is_cue(s.words[i]))
        .collect();
    // Verbs before "according to" (which names a channel as often as a speaker), nearest to
    // the quote first.
    cues.sort_by_key(|&i| {
        let at = s.spans[i].start;
        let distance = if at >= quote.end {
            at - quote.end
        } else {
            quote.start - at.min(quote.start)
        };
        (s.words[i].eq_ignore_ascii_case("according"), distance)
    });
    // An outlet reporting ("..., KCNA said") yields to a person the sentence also has
    // speaking ("the leader responded, saying that ..."): the outlet is the cited source.
    let mut outlet: Option<(Option<Speaker>, Span)> = None;
    let is_org = |sp: &Speaker| {
        refs.iter()
            .any(|r| r.span == sp.span && r.entity.kind == EntityType::Organization)
    };
    for cue in cues {
        if s.words[cue].eq_ignore_ascii_case("according") {
            if s.words.get(cue + 1) == Some(&"to") {
                let speaker = (cue + 2..(cue + 6).min(s.words.len()))
                    .find_map(|i| speaker_at(text, s, i, refs));
                let end = s.spans[cue + 1].end;
                return Some((speaker, Span::new(s.spans[cue].start, end)));
            }
            continue;
        }
        let speaker = speaker_near(text, s, cue, refs, outside);
        match speaker {
            Some(sp) if is_org(&sp) => {
                outlet.get_or_insert((Some(sp), s.spans[cue]));
            }
            Some(sp) => return Some((Some(sp), s.spans[cue])),
            None => {}
        }
    }
    outlet
}

/// An outlet credited in sentence `s`: "according to X", "X reported", "told (the newspaper) X",
/// "in an interview with X", where X is an organization.
fn cited_source(text: &str, s: &Sent<'_>, quotes: &[Span], refs: &[Ref<'_>]) -> Option<Speaker> {
    let outside = |i: usize| {
        !quotes
            .iter()
            .any(|q| q.start <= s.spans[i].start && s.spans[i].end <= q.end)
    };
    // An outlet is an organization; after "interview with", anything but a person (an
    // outlet the tagger took for a place is still the outlet).
    let org_at_kind = |i: usize, lenient: bool| -> Option<Speaker> {
        let span = s.spans[i];
        ref_at(refs, span)
            .filter(|r| {
                r.entity.kind == EntityType::Organization
                    || (lenient && r.entity.kind != EntityType::Person)
            })
            .map(|r| Speaker {
                entity_id: Some(r.entity.id.clone()),
                name: r.entity.name.clone(),
                span: r.span,
            })
    };
    for i in 0..s.words.len() {
        if !outside(i) {
            continue;
        }
        let w = s.words[i].to_lowercase();
        let after = match w.as_str() {
            "according" if s.words.get(i + 1) == Some(&"to") => Some(i + 2),
            // "according South-Korean based KCNA Watch": the "to" dropped in editing.
            "according" => Some(i + 1),
            "told" | "with" | "to" => Some(i + 1),
            _ => None,
        };
        let lenient = w == "with" && i > 0 && s.words[i - 1].eq_ignore_ascii_case("interview");
        if let Some(from) = after {
            // Skip "the newspaper", "state media".
            if let Some(found) =
                (from..(from + 6).min(s.words.len())).find_map(|k| org_at_kind(k, lenient))
            {
                return Some(found);
            }
        }
        if matches!(w.as_str(), "reported" | "reports" | "said" | "quoted") && i > 0 {
            // "KCNA reported", "the Eastern Wire news agency reported".
            let mut before = i - 1;
            while before > 0 && i - before < 3 && is_media_noun(s.words[before]) {
                before -= 1;
            }
            if let Some(found) = org_at_kind(before, false) {
                return Some(found);
            }
        }
    }
    let _ = text;
    None
}

/// Reported speech without quotation marks: "X said (that) CONTENT", "CONTENT, X said", and
/// "according to X, CONTENT".
fn indirect(text: &str, s: &Sent<'_>, refs: &[Ref<'_>]) -> Option<Quote> {
    let n = s.words.len();
    let always = |_: usize| true;
    for cue in 0..n {
        if !is_cue(s.words[cue]) {
            continue;
        }
        let lower = s.words[cue].to_lowercase();
        if lower == "according" {
            if s.words.get(cue + 1) != Some(&"to") {
                continue;
            }
            let speaker = (cue + 2..(cue + 6).min(n)).find_map(|i| speaker_at(text, s, i, refs));
            // "According to X, CONTENT." or "CONTENT, according to X."
            let comma = (cue + 2..n).find(|&i| s.words[i] == ",");
            let (start, end) = if cue == 0 || (cue == 1 && s.words[0] == "And") {
                let Some(c) = comma else { continue };
                (c + 1, n)
            } else {
                (
                    0,
                    cue.saturating_sub(usize::from(cue > 0 && s.words[cue - 1] == ",")),
                )
            };
            return make_indirect(
                s,
                start,
                end,
                speaker,
                Span::new(s.spans[cue].start, s.spans[cue + 1].end),
            );
        }
        let Some(speaker) = speaker_near(text, s, cue, refs, always) else {
            continue;
        };
        // "X said (that) CONTENT": content follows the cue (and a "told reporters").
        let mut start = cue + 1;
        if matches!(lower.as_str(), "told" | "tells" | "tell" | "asked") {
            while start < n && !matches!(s.words[start], "that" | ",") && start < cue + 4 {
                start += 1;
            }
        }
        if start < n && s.words[start] == "that" {
            start += 1;
        }
        // "CONTENT, X said." — the cue ends the sentence.
        let tail = (cue + 1..n).all(|i| {
            matches!(s.words[i], "." | "," | "!" | "?") || speaker.span.start <= s.spans[i].start
        });
        if tail && cue >= 3 {
            let comma = (0..cue).rev().find(|&i| s.words[i] == ",");
            if let Some(c) = comma {
                return make_indirect(s, 0, c, Some(speaker), s.spans[cue]);
            }
        }
        if n - start >= 4 && speaker.span.end <= s.spans[cue].start {
            if let Some(quote) = make_indirect(s, start, n, Some(speaker), s.spans[cue]) {
                return Some(quote);
            }
        }
    }
    None
}

fn make_indirect(
    s: &Sent<'_>,
    start: usize,
    mut end: usize,
    speaker: Option<Speaker>,
    cue: Span,
) -> Option<Quote> {
    while end > start && matches!(s.words[end - 1], "." | "," | "!" | "?" | ";") {
        end -= 1;
    }
    if end <= start || end - start < 4 {
        return None;
    }
    Some(Quote {
        span: Span::new(s.spans[start].start, s.spans[end - 1].end),
        kind: QuoteKind::Indirect,
        confidence: if speaker.is_some() { 0.6 } else { 0.3 },
        speaker,
        cue: Some(cue),
        cited_source: None,
    })
}
