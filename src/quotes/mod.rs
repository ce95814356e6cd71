//! Quotes: who said what, with which verb, credited to which outlet.
//!
//! Per BODY paragraph, reported clauses come first: every reporting verb (`cues.rs`: one
//! lexicon of lemmas, inflections generated) with its subject gives the clause it reports, in
//! the shapes newswire uses: "X said (that) CONTENT", "CONTENT, X said", "CONTENT, X said, ...",
//! "according to X, CONTENT", "X called Y “NAME”". Then the quoted spans (`marks.rs`): a quote
//! inside a clause with words of the writer around it is that clause's partial quote and shares
//! its attribution (PolNeAR, like a reader, takes the clause as the content); a clause that is
//! only a quote leaves the quote to stand as the direct one. A quote standing alone gets the
//! speaker of the cue nearest it, after it (`"...," Putin said.`) or before (`Putin said: "..."`),
//! or inherits the one before it in the paragraph, or in the paragraph before when it opens
//! its own; a quoted title ("Face the Nation") is nobody's. Subjects are found past adverbs and
//! auxiliaries ("has long said"), appositives ("Norah O'Donnell, who was off-screen, asked"),
//! conjoined verbs ("... and said"), and may name no one ("a friend said"). A pronoun resolves
//! to the most recently named person ("it" to the organization); a role noun ("the Russian
//! leader") is already an entity mention, resolved by the entities stage. The outlet a quote is
//! credited to ("according to KCNA", "told the newspaper Izvestia", "Rodong Sinmun reported")
//! is kept apart from the speaker. When nothing names a speaker, the quote has none.

mod cues;
mod marks;
pub mod polnear;

use crate::entities::canonical::is_media_noun;
use crate::entities::{Entity, EntityType, MentionKind, pronouns};
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

impl Speaker {
    /// A speaker that is no entity, named by the words at `span` ("a friend", "officials").
    fn unnamed(text: &str, span: Span) -> Self {
        Self {
            entity_id: None,
            name: span.slice(text).to_owned(),
            span,
        }
    }
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
    /// Who said it with the speaker, named in the same subject ("Kim and Putin agreed ..."
    /// gives Kim as the speaker and Putin here); empty for a speaker alone.
    pub co_speakers: Vec<Speaker>,
    /// The verb or phrase reporting it ("said", "wrote", "according to").
    pub cue: Option<Span>,
    /// The outlet or channel it is credited to ("KCNA" in "according to KCNA").
    pub cited_source: Option<Speaker>,
    /// How sure the attribution is, in (0, 1).
    pub confidence: f32,
}

/// Nouns for something said, which a speaker gives or has ("delivered a retort:", "had a
/// message for the crowd:").
const SPEECH_NOUNS: &[&str] = &[
    "answer",
    "message",
    "plea",
    "prediction",
    "promise",
    "question",
    "quip",
    "rebuttal",
    "reminder",
    "reply",
    "response",
    "retort",
    "verdict",
    "vow",
    "warning",
];

/// Verbs, besides any in the past tense, by which a speaker gives what they say ("has a
/// message", "offers a warning").
const GIVING_VERBS: &[&str] = &[
    "had", "has", "have", "gave", "gives", "give", "offers", "sent", "sends", "issued", "issues",
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
    "mayor",
    "chairman",
    "chairwoman",
    "director",
    "secretary",
    "lawyer",
    "attorney",
    "judge",
    "professor",
    "economist",
    "executive",
    "founder",
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

impl Ref<'_> {
    /// The entity of this mention as a speaker named here.
    fn speaker(&self) -> Speaker {
        Speaker {
            entity_id: Some(self.entity.id.clone()),
            name: self.entity.name.clone(),
            span: self.span,
        }
    }
}

/// Finds the quotes of an analyzed article. `entities` are the article's entities (their
/// mentions name speakers and sources).
pub fn find_quotes(text: &str, seg: &Segmentation, entities: &[Entity]) -> Vec<Quote> {
    let refs = refs_of(entities);
    let sentences = sentences_of(text, seg);
    let mut quotes = Vec::new();
    // The speaker of the last full quote, and of a reported clause closing the paragraph
    // before, each with its block and the offset it ends at: an unattributed quote after them
    // may be theirs.
    let mut previous_speaker: Option<(usize, usize, Speaker)> = None;
    let mut previous_reporter: Option<(usize, usize, Speaker)> = None;
    let mut continues = false;
    // The quotes left open at the end of the paragraphs before, with no cue of their own: one
    // statement running on (the newswire convention), whose attribution may come only in the
    // paragraph that closes it.
    let mut pending: Vec<usize> = Vec::new();
    for (b, block) in seg.blocks.iter().enumerate() {
        if block.kind != BlockKind::Body {
            continue;
        }
        let found = marks::quoted_spans(text, block.span);
        let block_sentences: Vec<&Sent<'_>> = sentences.iter().filter(|s| s.block == b).collect();
        let others: Vec<Span> = found.iter().map(|f| f.outer).collect();
        let mut objects: Vec<Quote> = Vec::new();
        // Reported clauses, kept when they hold every quote they touch and some words of the
        // writer besides ("Kim said the alliance was “invincible”", "called him “a stiff”"): a
        // clause that is only a quote ("Kim wrote that “...”") leaves the quote to stand as the
        // direct one.
        // (A clause dropped for being only its quote still says whose it is: "Albright fanned
        // controversy over her remark that “...”".)
        let (clauses, quote_only): (Vec<Quote>, Vec<Quote>) = block_sentences
            .iter()
            .flat_map(|s| {
                let cited = cited_source(text, s, &others, &refs);
                let found = reported_clauses(text, s, &others, &refs);
                // "Kim expressed belief that ..., according to the framework ..., the newspaper
                // reported": the outlet credited for another speaker's clause is its channel,
                // not the speaker of what is left of the sentence.
                let channel = cited.as_ref().and_then(|c| c.entity_id.clone());
                let credited_elsewhere = |q: &Quote| {
                    let id = q.speaker.as_ref().and_then(|sp| sp.entity_id.as_ref());
                    id.is_some()
                        && id == channel.as_ref()
                        && q.cue.is_some_and(|cue| cue.start >= q.span.end)
                        && found.iter().any(|other| {
                            other.span.end <= q.span.start
                                && other.speaker.as_ref().and_then(|sp| sp.entity_id.as_ref()) != id
                                && other.speaker.is_some()
                        })
                };
                let keep: Vec<bool> = found.iter().map(|q| !credited_elsewhere(q)).collect();
                found
                    .into_iter()
                    .zip(keep)
                    .filter(|(_, keep)| *keep)
                    .map(move |(q, _)| Quote {
                        cited_source: cited.clone(),
                        ..q
                    })
            })
            // (A quote that opens inside the clause and runs past its sentence is the end of
            // what is reported: "Trump argued that Cruz has “got to come a long way” because
            // “Oil pays him. He’s got to be for oil, right?”")
            .map(|mut c| {
                if let Some(o) = touching(&others, c.span)
                    .last()
                    .filter(|o| c.span.start <= o.start && c.span.end < o.end)
                {
                    c.span = Span::new(c.span.start, o.end);
                }
                c
            })
            .partition(|c| {
                let touched = touching(&others, c.span);
                let mut words_outside = text[c.span.start..c.span.end].split_whitespace().count();
                for o in touched {
                    if !c.span.contains(*o) {
                        return false;
                    }
                    words_outside = words_outside
                        .saturating_sub(text[o.start..o.end].split_whitespace().count());
                }
                // (A cue in its base form is one after "to": "went on to call him “...”".)
                let naming = c
                    .cue
                    .map(|cue| cue.slice(text))
                    .and_then(|w| cues::lemma(w).or_else(|| cues::infinitive(w)))
                    .is_some_and(|l| cues::NAMING.contains(&l));
                // (So does a subject with a quote going on mid-clause: "she “backs the plan
                // 100 percent”", not "she wrote: “...”".)
                let mid_clause = touched.first().is_some_and(|o| {
                    o.start > c.span.start
                        && text[o.start..o.end]
                            .trim_start_matches(|c: char| !c.is_alphanumeric())
                            .starts_with(char::is_lowercase)
                });
                words_outside >= if naming || mid_clause { 1 } else { 2 }
            });
        for (n, q) in found.iter().enumerate() {
            let content = trim(text, q.content);
            if content.is_empty() {
                continue;
            }
            let words = text[content.start..content.end].split_whitespace().count();
            let ends_statement = text[..content.end]
                .trim_end()
                .ends_with(['.', ',', '!', '?', '…']);
            // A quote inside a reported clause is part of the writer's sentence: partial, and
            // attributed as the clause is.
            let clause = clauses.iter().find(|c| c.span.contains(q.outer));
            if let Some(c) = clause {
                quotes.push(Quote {
                    span: content,
                    kind: QuoteKind::Partial,
                    ..c.clone()
                });
                continue;
            }
            // The sentences the quote touches, and the words around it.
            let around: Vec<&&Sent<'_>> = block_sentences
                .iter()
                .filter(|s| s.span.start < q.outer.end && q.outer.start < s.span.end)
                .collect();
            // (A paragraph that is the quote alone may be signed on the line after: "“...”\n\n-
            // Sanders.", "-President Obama, tweeting after the speech.")
            let alone = text[block.span.start..q.outer.start].trim().is_empty()
                && text[q.outer.end..block.span.end].trim().is_empty();
            let signature_line = match seg.blocks.get(b + 1) {
                Some(next) if alone && !next.span.slice(text).contains('\n') => next.span.end,
                _ => text[q.outer.end..block.span.end]
                    .find('\n')
                    .map_or(block.span.end, |i| q.outer.end + i),
            };
            // "“Many people are uncertain,” Thiel wrote in a statement explaining why ..., “but
            // most Americans agree ...”": a quote opening on a coordinator after a comma, in
            // the sentence of a quote closed on a comma, resumes that quote, tag and all.
            let resumed = n
                .checked_sub(1)
                .filter(|_| {
                    content
                        .slice(text)
                        .split_whitespace()
                        .next()
                        .is_some_and(resumes)
                        && text[..q.outer.start].trim_end().ends_with(',')
                })
                .map(|p| found[p].outer)
                .filter(|prev| {
                    text[..prev.end]
                        .trim_end_matches(['"', '”', '’', '\''])
                        .ends_with(',')
                        && around.iter().any(|s| s.span.start <= prev.start)
                })
                .and_then(|prev| quotes.iter().rfind(|o: &&Quote| prev.contains(o.span)))
                .filter(|o| o.kind != QuoteKind::Indirect)
                .and_then(|o| Some((o.speaker.clone(), o.cue?)));
            let attribution = resumed
                .or_else(|| signed_by(text, signature_line, q.outer, &refs))
                .or_else(|| {
                    around
                        .iter()
                        .find_map(|s| attribute(text, s, &others, q.outer, &refs))
                })
                .or_else(|| {
                    quote_only
                        .iter()
                        .find(|c| c.speaker.is_some() && c.span.contains(q.outer))
                        .and_then(|c| Some((c.speaker.clone(), c.cue?)))
                })
                .or_else(|| {
                    let next = tag_after(text, &block_sentences, q.outer, content)?;
                    attribute(text, next, &others, q.outer, &refs)
                        .filter(|(_, cue)| next.spans.iter().take(4).any(|t| t == cue))
                })
                .or_else(|| {
                    // A block quote introduced by the paragraph before ("He said:", "Breitbart
                    // News responded:"): that paragraph's last sentence ends in a colon.
                    let opens = n == 0 && text[block.span.start..q.outer.start].trim().is_empty();
                    let intro = introduction(&sentences, b).filter(|_| opens)?;
                    // (The cue closes that sentence: "He said:", "Cruz added, smiling:"; or
                    // what follows it says what the words are about, with no verb of its own:
                    // "the committee said about the latest draft of its platform:". Not "The
                    // bias begins to show when ... by Trump on June 11:".)
                    attribute(text, intro, &[], q.outer, &refs).filter(|(_, cue)| {
                        let after: Vec<usize> = (0..intro.spans.len())
                            .filter(|&i| intro.spans[i].start >= cue.end)
                            .collect();
                        after.len() <= 4
                            || after.first().is_some_and(|&i| {
                                matches!(intro.words[i], "about" | "in" | "on" | "of")
                                    && !after.iter().any(|&j| {
                                        past_tense(intro.words[j]) || is_cue(intro.words[j])
                                    })
                            })
                    })
                })
                .or_else(|| {
                    // So does the sentence right before it in the paragraph when it ends on
                    // its attribution ("Lau said in a statement. “There are no ballots ...”").
                    let before = block_sentences
                        .iter()
                        .rev()
                        .find(|s| s.span.end <= q.outer.start)
                        .filter(|s| text[s.span.end..q.outer.start].trim().is_empty())?;
                    if !matches!(before.words.last(), Some(&"." | &":")) {
                        return None;
                    }
                    attribute(text, before, &others, q.outer, &refs).filter(|(sp, cue)| {
                        sp.is_some()
                            && before.spans.iter().filter(|t| t.start >= cue.end).count() <= 4
                    })
                })
                .or_else(|| {
                    // With no verb of saying anywhere near, a colon opening the quote after a
                    // sentence's subject: "Perez lobbies for a higher minimum wage: “...”",
                    // "Hoff’s letter makes a libertarian-style case: “...”".
                    let s = around.first()?;
                    let colon = s
                        .spans
                        .iter()
                        .rposition(|t| t.end <= q.outer.start)
                        .filter(|&i| s.words[i] == ":")?;
                    let outside = |i: usize| !in_quote(&others, s.spans[i]);
                    let speaker = opening_subject(text, s, colon, &refs, &outside)?;
                    Some((Some(speaker), s.spans[colon]))
                });
            // A title in quotation marks ("Face the Nation", "The Revenant") is nobody's words;
            // not when a speaker follows it ("“Denver,” he answered.", "“What a night!” she
            // declared.").
            let (owned, shown) = names_a_work(&text[..q.outer.start]);
            let title = is_title(content.slice(text), owned)
                && (owned
                    || shown
                    || !(ends_statement
                        && attribution.as_ref().is_some_and(|(speaker, cue)| {
                            // (A tag, not a participle going on: "told “Fox and Friends,”
                            // reminding the hosts ...".)
                            // (Nor a title in the speaker's appositive: "X, the author
                            // of “Going Viral,” said ...".)
                            speaker.as_ref().is_some_and(|sp| {
                                sp.span.start >= q.outer.end
                                    || !text[sp.span.end..q.outer.start].contains(',')
                            }) && cue.start >= q.outer.end
                                && !cue.slice(text).ends_with("ing")
                                && text[q.outer.end..cue.start].split_whitespace().count() <= 3
                        })));
            // A quote that is a whole sentence of its own, closed by its dialogue tag, is a
            // statement however short ("“It’s doable,” Risch told the paper.").
            let own_sentence = ends_statement
                && around.first().is_some_and(|s| {
                    text[s.span.start.min(q.outer.start)..q.outer.start]
                        .trim()
                        .is_empty()
                })
                && attribution
                    .as_ref()
                    .is_some_and(|(speaker, cue)| speaker.is_some() && cue.start >= q.outer.end);
            let kind = if !title && (words >= 6 || (words >= 3 && ends_statement) || own_sentence) {
                QuoteKind::Direct
            } else {
                QuoteKind::Partial
            };
            // A word or three in quotation marks standing far from the sentence's reporting
            // verb is a term the writer marks, not words reported ("The “qualified” spat
            // bubbled up last week after Clinton refused ...", "building a “dry port” at
            // Khorgos ..., it hopes"): nobody's quote, as a title is.
            // (Nor a part of a list of quotes the verb reports: "calls people “losers” and
            // “sad.”", "Oz is “smart as hell,” Mosko wrote ..., and “full of it.”".)
            let gap = |other: Span| {
                let (from, to) = if other.end <= q.outer.start {
                    (other.end, q.outer.start)
                } else {
                    (q.outer.end, other.start.max(q.outer.end))
                };
                text[from..to].split_whitespace().count()
            };
            let term = words <= 3
                && attribution.as_ref().is_some_and(|(_, cue)| {
                    gap(*cue) > 4 && others.iter().all(|&o| o == q.outer || gap(o) > 4)
                })
                // (Nor the last of quoted words joined by "and": "Oz is “smart as hell,” Mosko
                // wrote in an email to a friend, and “full of it.”")
                && !(matches!(
                    text[..q.outer.start].split_whitespace().next_back(),
                    Some("and" | "or")
                ) && others.iter().any(|o| {
                    o.end <= q.outer.start
                        && around.iter().any(|s| s.span.start <= o.start)
                }))
                // (Not the object of a reporting verb of its own: "called her “third-rate”",
                // "Citing “obligations in Tennessee,” ...".)
                && !around.iter().any(|s| {
                    let i = s.spans.partition_point(|t| t.end <= q.outer.start);
                    (i.saturating_sub(4)..i).any(|k| lemma_at(s, k).is_some())
                });
            // A word or two in quotation marks that the sentence's verb gives nobody to say
            // is the writer's term too ("a game many are calling an “instant classic.”",
            // "Washington, star of television’s “Scandal,” thanked Obama").
            let unsaid = words <= 2 && matches!(attribution, Some((None, _)));
            if title || term || unsaid {
                quotes.push(Quote {
                    span: content,
                    kind,
                    speaker: None,
                    co_speakers: Vec::new(),
                    cue: None,
                    cited_source: None,
                    confidence: 0.3,
                });
                continue;
            }
            // With no verb of saying near, a quote in the object of the verb after the
            // sentence's subject is the subject's, and so is the object holding it ("Sanders
            // has consistently pushed his promise of “free college” and ...").
            let object = attribution
                .is_none()
                .then(|| around.first())
                .flatten()
                .and_then(|s| object_with_quote(text, s, q.outer, &others, &refs));
            let attribution = match &object {
                Some((speaker, cue, _)) => Some((Some(speaker.clone()), *cue)),
                None => attribution,
            };
            let inherited = previous_speaker
                .as_ref()
                .filter(|(pb, _, _)| *pb + 2 >= b)
                .map(|(_, _, s)| s.clone());
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
                    // The next quote of the paragraph, a paragraph continuing a quote, or a
                    // paragraph opening with a quote right after one with a speaker keeps the
                    // speaker of the one before; a full quote right after a reported clause
                    // takes that clause's speaker ("Carter said that ... would not happen.\n\n
                    // “That’s because ...”"), the later of the two when both are there.
                    let opens_paragraph =
                        n == 0 && text[block.span.start..q.outer.start].trim().is_empty();
                    // (Only a full quote takes a clause's speaker.)
                    let full = kind == QuoteKind::Direct;
                    let reporters = [
                        previous_reporter.clone(),
                        last_reporter(text, &clauses, b, q.outer.start),
                    ];
                    let inherit = if n == 0 && continues {
                        previous_speaker.clone()
                    } else {
                        reporters
                            .into_iter()
                            .filter(|_| full)
                            .chain([previous_speaker.clone()])
                            .flatten()
                            .filter(|(pb, _, _)| *pb == b || (opens_paragraph && *pb + 1 == b))
                            .max_by_key(|&(pb, end, _)| (pb, end))
                    }
                    .map(|(_, _, s)| s);
                    let confidence = if inherit.is_some() { 0.6 } else { 0.3 };
                    (inherit, None, confidence)
                }
            };
            let cited_source = around
                .iter()
                .find_map(|s| cited_source(text, s, &others, &refs));
            if let Some((speaker, cue, object)) = object
                && object != q.outer
                && !objects.iter().any(|o| o.span == object)
            {
                objects.push(Quote {
                    span: object,
                    kind: QuoteKind::Indirect,
                    speaker: Some(speaker),
                    co_speakers: Vec::new(),
                    cue: Some(cue),
                    cited_source: cited_source.clone(),
                    confidence: 0.5,
                });
            }
            if let Some(s) = &speaker
                && kind == QuoteKind::Direct
            {
                previous_speaker = Some((b, q.outer.end, s.clone()));
            }
            let runs_on = q.unclosed && cue.is_none() && kind == QuoteKind::Direct;
            // The paragraph before ended inside this statement: its speaker, and its cue when
            // the tag comes here ("“I am a proven champion ...\n\n“I will take that same
            // strength ...,” Espinoza said.").
            if n == 0 && continues && !runs_on {
                for k in pending.drain(..) {
                    let open: &mut Quote = &mut quotes[k];
                    if kind != QuoteKind::Direct || speaker.is_none() {
                        continue;
                    }
                    if cue.is_some() && text[block.span.start..q.outer.start].trim().is_empty() {
                        open.cue = cue;
                        open.speaker = speaker.clone();
                    } else if open.speaker.is_none() {
                        open.speaker = speaker.clone();
                    }
                    open.confidence = 0.6;
                }
            }
            if runs_on {
                pending.push(quotes.len());
            }
            quotes.push(Quote {
                span: content,
                kind,
                speaker,
                co_speakers: Vec::new(),
                cue,
                cited_source,
                confidence,
            });
        }
        continues = found.last().is_some_and(|q| q.unclosed);
        if !continues {
            pending.clear();
        }
        // (Only a clause that closes its paragraph hands its speaker on to the next.)
        previous_reporter = last_reporter(text, &clauses, b, block.span.end);
        quotes.extend(clauses);
        quotes.append(&mut objects);
    }
    quotes.sort_by_key(|q| q.span.start);
    for q in &mut quotes {
        if let Some(sp) = &q.speaker
            && let Some(joint) = joint_subject(&sentences, &refs, sp.span)
        {
            let mut joint = joint.into_iter();
            q.speaker = joint.next();
            q.co_speakers = joint.collect();
        }
    }
    quotes
}

/// Prepositions before which a list of names is no subject ("talks between Kim and Putin").
const LIST_PREPOSITIONS: &[&str] = &[
    "between",
    "with",
    "of",
    "to",
    "for",
    "by",
    "from",
    "about",
    "against",
    "on",
    "at",
    "in",
    "like",
    "than",
    "including",
    "and",
    "or",
    "nor",
    "besides",
    "except",
    "unlike",
    "beyond",
];

/// "Kim and Putin agreed", "Russia, China and Iran said": the names of a subject joined by
/// "and" that `speaker` (a name's span) is one of, in text order, when they are the subject of
/// a reporting verb. None for a speaker named alone.
fn joint_subject(sentences: &[Sent<'_>], refs: &[Ref<'_>], speaker: Span) -> Option<Vec<Speaker>> {
    // (Sentences are in text order: the last one starting at or before the speaker.)
    let s = sentences[..sentences.partition_point(|s| s.span.start <= speaker.start)]
        .last()
        .filter(|s| speaker.end <= s.span.end)?;
    let r = ref_at(refs, speaker).filter(|r| r.kind == MentionKind::Name && r.span == speaker)?;
    // (A place in a subject of saying is its government: "Russia and China said".)
    let kind_ok = |k: EntityType| {
        matches!(
            k,
            EntityType::Person | EntityType::Organization | EntityType::Location
        )
    };
    // A name in the list: its first and last token.
    let name_at = |i: usize| -> Option<(usize, usize, &Ref<'_>)> {
        let m = ref_at(refs, *s.spans.get(i)?)
            .filter(|m| m.kind == MentionKind::Name && kind_ok(m.entity.kind))?;
        let mut first = s.spans.partition_point(|t| t.start < m.span.start);
        let last = s
            .spans
            .partition_point(|t| t.end <= m.span.end)
            .checked_sub(1)?;
        // ("Vietnam, the Philippines and Taiwan": the article goes with its name.)
        if first > 0 && matches!(s.words[first - 1], "the" | "The") {
            first -= 1;
        }
        Some((first, last, m))
    };
    let (first, last, _) = name_at(s.spans.partition_point(|t| t.start < speaker.start))?;
    let mut names = vec![(first, last, r)];
    let mut joined = false;
    // Leftwards: "A, B and" before the speaker.
    while let Some(&(start, _, _)) = names.first() {
        let Some(sep) = start.checked_sub(1) else {
            break;
        };
        if !matches!(s.words[sep], "and" | ",") || sep == 0 {
            break;
        }
        let Some(prev) = name_at(sep - 1).filter(|p| p.1 == sep - 1) else {
            break;
        };
        joined |= s.words[sep] == "and";
        names.insert(0, prev);
    }
    // Rightwards: ", B and C" after it ("and" after a comma too).
    loop {
        let end = names.last().map_or(0, |n| n.1) + 1;
        let mut k = end;
        let mut and = false;
        while matches!(s.words.get(k).copied(), Some("," | "and")) {
            and |= s.words[k] == "and";
            k += 1;
        }
        let Some(next) = (k > end)
            .then(|| name_at(k + usize::from(matches!(s.words.get(k).copied(), Some("the")))))
            .flatten()
            .filter(|n| n.0 == k)
        else {
            break;
        };
        joined |= and;
        names.push(next);
    }
    if !joined || names.len() < 2 {
        return None;
    }
    let start = names[0].0;
    let mut after = names.last()?.1 + 1;
    if start > 0 && LIST_PREPOSITIONS.contains(&s.words[start - 1].to_lowercase().as_str()) {
        return None;
    }
    // The subject of a cue: "Kim and Putin (on Monday) agreed".
    while after < s.words.len()
        && after < names.last()?.1 + 6
        && (is_between_subject_and_cue(s.words[after]) || is_time_word(s.words[after]))
    {
        after += 1;
    }
    if after >= s.words.len() || !cue_at(s, after, refs) {
        return None;
    }
    let mut seen: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for (_, _, m) in names {
        if seen.contains(&m.entity.id.as_str()) {
            continue;
        }
        seen.push(&m.entity.id);
        out.push(Speaker {
            entity_id: Some(m.entity.id.clone()),
            name: m.entity.name.clone(),
            span: m.span,
        });
    }
    (out.len() > 1).then_some(out)
}

/// The speaker of the last of `clauses` (of block `b`), with where it ends, when that clause
/// ends right before `at` (a few words at most between) and its speaker is an entity: a subject
/// naming no one ("a dozen", "the biggest") is no one to hand on.
fn last_reporter(
    text: &str,
    clauses: &[Quote],
    b: usize,
    at: usize,
) -> Option<(usize, usize, Speaker)> {
    let last = clauses
        .iter()
        .filter(|c| c.span.end <= at)
        .max_by_key(|c| c.span.end)?;
    let s = last.speaker.as_ref().filter(|s| s.entity_id.is_some())?;
    (text[last.span.end..at].split_whitespace().count() <= 3).then(|| (b, last.span.end, s.clone()))
}

/// "“...,” Hannity pressed." / "“...?” asked Dunn, now a partner at ...": a quote closing on a
/// comma, a question or an exclamation mark, then a speaker and a verb in the past tense (or
/// the verb, then the speaker) closing the clause. Only dialogue is written so, whatever the
/// verb ("surmised", "riffed", "went on"), so the verb needs no lexicon.
fn dialogue_tag(
    text: &str,
    s: &Sent<'_>,
    quote: Span,
    refs: &[Ref<'_>],
) -> Option<(Option<Speaker>, Span)> {
    let inner = text[quote.start..quote.end].trim_end_matches(['”', '"', '’', '\'']);
    if !inner.trim_end().ends_with([',', '?', '!']) {
        return None;
    }
    let k = s.spans.iter().position(|t| t.start >= quote.end)?;
    let past = |i: usize| s.words.get(i).is_some_and(|w| past_tense(w));
    let closes = |i: usize| {
        s.words.get(i).is_none_or(|w| {
            matches!(
                *w,
                "." | ","
                    | ";"
                    | "and"
                    | "but"
                    | "on"
                    | "in"
                    | "at"
                    | "to"
                    | "as"
                    | "with"
                    | "from"
                    | "after"
                    | "before"
                    | "during"
                    | "while"
                    | "when"
            )
        })
    };
    // "..., the senator surmised", "an angry Hollande retaliated": the speaker first.
    let subject = (k..(k + 3).min(s.words.len()))
        .take_while(|&j| j == k || s.words[j - 1].chars().all(|c| c.is_ascii_lowercase()))
        .find_map(|j| speaker_at(text, s, j, refs, false));
    // A particle may follow the verb: "Trump shot back", "she pointed out", "he spoke up".
    let particle = |i: usize| usize::from(matches!(s.words.get(i), Some(&("back" | "out" | "up"))));
    if let Some(sp) = subject
        && let Some(verb) = s.spans.iter().position(|t| t.start >= sp.span.end)
        && past(verb)
        && closes(verb + 1 + particle(verb + 1))
    {
        return Some((Some(sp), s.spans[verb]));
    }
    // "..., asked Dunn, now ...": the verb first.
    if past(k) {
        let sp = speaker_at(text, s, k + 1, refs, false)?;
        let after = s.spans.iter().position(|t| t.start >= sp.span.end);
        return after.is_none_or(closes).then(|| (Some(sp), s.spans[k]));
    }
    None
}

/// Does a quote opening on `word`, after a comma, resume an earlier quote of its sentence that
/// closed on a comma ("“Many people are uncertain,” Thiel wrote ..., “but most Americans
/// agree ...”")? Only a coordinator says so: a quote finishing a clause of the writer's
/// ("adding that if the GOP loses ..., “hanging onto the Senate would be ...”") does not.
fn resumes(word: &str) -> bool {
    matches!(word, "but" | "and" | "or" | "so" | "yet")
}

/// A verb in the past tense, as dialogue writes it: "-ed", or a few irregular ones.
fn past_tense(w: &str) -> bool {
    w.len() > 3
        && w.chars().all(|c| c.is_ascii_lowercase())
        && (w.ends_with("ed") || matches!(w, "went" | "wrote" | "began" | "shot"))
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

/// Every mention of `entities` (names, roles and resolved pronouns), in text order.
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

/// The sentence after a quote that closes its own sentence, when that sentence may be the
/// quote's dialogue tag: the sentence splitter cannot tell "“Is that all there is?” Trump said."
/// from a quote followed by a new sentence, so the attribution pass looks there for a cue among
/// its first words. After `?` or `!` any sentence may be the tag; after a full stop, which
/// writers sometimes put where the comma goes ("“... are missing.” Trump said."), only a
/// sentence of at most five words, so that "“We will win.” Trump said the polls were wrong."
/// gives the quote nothing.
fn tag_after<'s, 't>(
    text: &str,
    sentences: &[&'s Sent<'t>],
    quote: Span,
    content: Span,
) -> Option<&'s Sent<'t>> {
    // (Through a quote closing inside it: "“..., ‘what can we do to help?’” Renteria told
    // reporters ...".)
    let content = text[content.start..content.end]
        .trim_end()
        .trim_end_matches(['’', '\'', '"', '”'])
        .trim_end();
    let full_stop = content.ends_with('.');
    if !(full_stop || content.ends_with(['?', '!'])) {
        return None;
    }
    let k = sentences
        .iter()
        .position(|s| s.span.start < quote.end && quote.end <= s.span.end)?;
    let own = sentences[k];
    let rest = &text[quote.end..own.span.end];
    let next = sentences.get(k + 1)?;
    let short = next
        .words
        .iter()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
        <= 5;
    (rest.trim().is_empty()
        && text[own.span.end..next.span.start].trim().is_empty()
        && (!full_stop || short))
        .then_some(*next)
}

/// The last sentence of body block `b - 1` when it ends in a colon and block `b` follows it
/// directly: the introduction of a quote that opens block `b` ("He said:", "Transcript as
/// follows:").
fn introduction<'s, 't>(sentences: &'s [Sent<'t>], b: usize) -> Option<&'s Sent<'t>> {
    // (Sentences are in block order: a binary search, not a scan per quote.)
    let before = sentences.partition_point(|s| s.block < b);
    let last = sentences[..before].last().filter(|s| s.block + 1 == b)?;
    (last.words.last() == Some(&":")).then_some(last)
}

/// Whether the words before a quotation mark (`before`) say a work's title follows: a named
/// owner's possessive ("MSNBC’s “Morning Joe,”", "NBC’s “Today”"), and "on" ("appeared on “Face
/// the Nation,” Rubio said"), which names a show but is too common to make one word a title.
fn names_a_work(before: &str) -> (bool, bool) {
    let mut words = before.trim_end().rsplit(char::is_whitespace);
    let Some(word) = words.next() else {
        return (false, false);
    };
    // (The owner may be named before a common noun: "Fox News channel’s “Sunday Morning
    // Futures,”".)
    let owner = ["’s", "'s"]
        .iter()
        .find_map(|s| word.strip_suffix(s))
        .is_some_and(|w| {
            w.len() > 1
                && (w.starts_with(char::is_uppercase)
                    || words
                        .next()
                        .is_some_and(|w| w.starts_with(char::is_uppercase)))
        });
    // "the spot titled “Dangerous,”": a work named as such.
    let titled = matches!(word, "titled" | "entitled" | "headlined");
    // "on “Fox and Friends,”", "an interview with “Meet the Press”": a program spoken on or
    // with.
    (owner || titled, matches!(word, "on" | "On" | "with"))
}

/// True for a quoted title or name ("Face the Nation,", "The Art of the Deal"): up to eight
/// words, every word but short function words capitalized, no clause punctuation inside; one word
/// is enough when the words before name a work (`named`: "NBC’s “Today”").
fn is_title(content: &str, named: bool) -> bool {
    let words: Vec<&str> = content
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let inner = content.trim_end_matches(['.', ',', '!', '?', ' ']);
    words.len() >= if named { 1 } else { 2 }
        && words.len() <= 8
        && !inner.contains(['.', ',', '!', '?', ';', ':'])
        && words
            .first()
            .is_some_and(|w| !matches!(*w, "I" | "We" | "You" | "It"))
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || matches!(
                    *w,
                    "of" | "the"
                        | "and"
                        | "a"
                        | "an"
                        | "in"
                        | "on"
                        | "for"
                        | "with"
                        | "to"
                        | "at"
                        | "by"
                        | "or"
                )
        })
}

/// `span` without surrounding white space and edge punctuation other than the statement's own
/// final mark.
fn trim(text: &str, span: Span) -> Span {
    let slice = &text[span.start..span.end];
    let start = span.start + (slice.len() - slice.trim_start().len());
    let trimmed = slice.trim();
    Span::new(start, start + trimmed.len())
}

/// A reporting verb ("said", "warns", "According").
fn is_cue(word: &str) -> bool {
    cues::lemma(word).is_some()
}

/// The lemma of the reporting verb at token `i` of `s`: any form [`cues::lemma`] knows, or a
/// base form after "to" and a verb ("went on to call Cruz “...”", "rushed to counter that
/// ..."); not after a noun, whose infinitive says what it is for ("sent the letter to
/// congratulate", "uses the term to describe").
fn lemma_at(s: &Sent<'_>, i: usize) -> Option<&'static str> {
    let word = s.words[i];
    // "fired back that ...", "Trump shot back": a verb of striking with "back" retorts.
    if s.words.get(i + 1) == Some(&"back")
        && matches!(
            word,
            "fired"
                | "fires"
                | "firing"
                | "shot"
                | "shoots"
                | "hit"
                | "hits"
                | "hitting"
                | "snapped"
        )
    {
        return Some("retort");
    }
    cues::lemma(word).or_else(|| {
        let verb = |w: &str| {
            w.starts_with(char::is_lowercase)
                && (w.ends_with("ed")
                    || w.ends_with("ing")
                    || matches!(
                        w,
                        "on" | "want"
                            | "wants"
                            | "plan"
                            | "plans"
                            | "went"
                            | "began"
                            | "seems"
                            | "continue"
                            | "continues"
                    ))
        };
        (i > 1 && s.words[i - 1] == "to" && verb(s.words[i - 2]))
            .then(|| cues::infinitive(word))
            .flatten()
    })
}

/// The verb at token `cue` casts its object as what a quote says: an object of a few words,
/// "as" (for "credit": "for", "with" or "to"), and the quote within four words ("the
/// Affordable Care Act as a “crazy system”", "credited him for “an inspiring campaign”").
fn casts_as_quote(s: &Sent<'_>, cue: usize) -> bool {
    let n = s.words.len();
    let links: &[&str] = if s.words[cue].to_lowercase().starts_with("credit") {
        &["for", "with", "to"]
    } else {
        &["as"]
    };
    let Some(as_) = (cue + 2..(cue + 10).min(n)).find(|&i| links.contains(&s.words[i])) else {
        return false;
    };
    (cue + 1..as_).all(|i| {
        !matches!(s.words[i], "," | ";" | ":" | "—" | "“" | "\"")
            && !FINITE_AUXILIARIES.contains(&s.words[i])
    }) && (as_ + 1..(as_ + 5).min(n)).any(|i| OPENING_MARKS.contains(&s.words[i]))
}

/// "talks about “spoiling the party,”", "spoke about what will happen “if we do not win”": a
/// verb of talking whose topic holds a quote reports the words quoted.
fn talks_about_quote(s: &Sent<'_>, i: usize) -> bool {
    matches!(
        s.words[i],
        "talk" | "talks" | "talked" | "talking" | "speak" | "speaks" | "spoke" | "speaking"
    ) && s.words.get(i + 1) == Some(&"about")
        && (i + 2..(i + 7).min(s.words.len())).any(|k| OPENING_MARKS.contains(&s.words[k]))
}

/// A reporting verb at token `i` used as a verb: "tweets", "claims", "calls" after a
/// determiner or an adjective are nouns ("his early-morning tweets", "Republican claims").
fn cue_at(s: &Sent<'_>, i: usize, refs: &[Ref<'_>]) -> bool {
    let word = s.words[i];
    // "the statement read", "a sign reads: “...”": "read" reports a text's words only when
    // nothing but the end of its clause or the quote follows ("read the report" does not).
    let clause_ends = |k: usize| {
        s.words
            .get(k)
            .is_none_or(|next| matches!(*next, "." | "," | ":" | ";" | "\"" | "“" | "‘" | "'"))
    };
    // (Or when it tags the quote before it, inverted: "“...,” read the statement.")
    if matches!(word, "read" | "reads") {
        let inverted = i >= 2
            && CLOSING_MARKS.contains(&s.words[i - 1])
            && matches!(s.words[i - 2], "," | "?" | "!")
            && s.words.get(i + 1).is_some_and(|w| {
                matches!(*w, "the" | "a" | "an" | "his" | "her" | "its" | "their")
            });
        return inverted || clause_ends(i + 1);
    }
    // "they maintain that ...", "..., he maintained.", not "agreed to ... maintain “closer
    // communication”" or "Clinton maintains a wide lead": the verb keeps a thing as often as it
    // asserts one.
    if matches!(
        word,
        "maintain" | "maintains" | "maintained" | "maintaining"
    ) {
        // (Closing its clause as a tag: "“...,” he maintained.")
        return matches!(s.words.get(i + 1), None | Some(&("that" | "." | "," | ";")));
    }
    // "thanks to surging prices": no one thanks anyone.
    if word == "thanks" && s.words.get(i + 1) == Some(&"to") {
        return false;
    }
    // "as Cornyn put it, “...”", "as he puts it": the words are his.
    if matches!(word, "put" | "puts") {
        return s.words.get(i + 1) == Some(&"it") && clause_ends(i + 2);
    }
    // "Said Comey, “...”": the verb opening its sentence, a name after it (elsewhere "Said" is
    // a name: "Edward Said wrote").
    if matches!(word, "Said" | "Says") {
        return i == 0
            && ref_at(refs, s.spans[i]).is_none()
            && s.words
                .get(1)
                .is_some_and(|w| w.starts_with(char::is_uppercase));
    }
    let lemma = lemma_at(s, i);
    // "pointed out that ...", not "pointed to the polls": only with its particle.
    if lemma == Some("point") {
        return s.words.get(i + 1) == Some(&"out");
    }
    // "Sanders continues to trail", "she will continue to do so": going on doing a thing says
    // nothing (the verb after "to" may: "continued to insist that ...", see `lemma_at`).
    if lemma == Some("continue") && s.words.get(i + 1) == Some(&"to") {
        return false;
    }
    // "he felt squeezed in", "felt emotionally violated": a feeling, not a belief reported.
    if lemma == Some("feel")
        && s.words.get(i + 1).is_some_and(|w| {
            w.len() > 4
                && w.starts_with(char::is_lowercase)
                && (w.ends_with("ed") || w.ends_with("ly"))
        })
    {
        return false;
    }
    if lemma.is_none() {
        // "referred to Mexican immigrants as “criminals”": a verb that reports only so.
        return (cues::casting(word) && casts_as_quote(s, i)) || talks_about_quote(s, i);
    }
    // A passive ("would be charged", "was told that", "being informed") makes its subject the
    // one spoken to or about, not the speaker.
    if i > 0
        && matches!(
            s.words[i - 1],
            "be" | "been" | "being" | "is" | "are" | "was" | "were" | "am"
        )
        && (word.ends_with("ed")
            || matches!(word, "told" | "said" | "written" | "thought" | "found"))
    {
        return false;
    }
    // "a website called “Cape Breton If Trump Wins”", "a show dubbed “...”": a participle
    // naming the noun before it, not a report.
    if i > 0
        && word.ends_with("ed")
        && lemma.is_some_and(|l| cues::NAMING.contains(&l))
        && s.words
            .get(i + 1)
            .is_some_and(|w| OPENING_MARKS.contains(w))
        && s.words[i - 1].starts_with(char::is_lowercase)
        && s.words[i - 1].chars().all(char::is_alphabetic)
        && !PRONOUNS.contains(&s.words[i - 1])
        && ref_at(refs, s.spans[i - 1]).is_none()
    {
        return false;
    }
    if !word.ends_with('s') || word.ends_with("ss") || i == 0 || word == "says" {
        return true;
    }
    let before = s.words[i - 1];
    if NOUNS_FIRST.contains(&word) && !verb_of_subject(s, i) {
        return false;
    }
    // ("chants of “...”", "claims of fraud", "in 15 states", "for states": a noun.)
    let noun_use = s.words.get(i + 1) == Some(&"of")
        || DETERMINERS.contains(&before)
        || matches!(
            before,
            "of" | "these" | "those" | "such" | "more" | "whose" | "her"
        )
        || PREPOSITIONS.contains(&before)
        || before.ends_with('-')
        || before.contains('-')
        || (before.starts_with(char::is_uppercase)
            && ref_at(refs, s.spans[i - 1]).is_none_or(|r| {
                !matches!(r.entity.kind, EntityType::Person | EntityType::Organization)
            })
            && !PRONOUNS.contains(&before)
            && !matches!(before, "It" | "This" | "That"));
    !noun_use
}

/// "-s" forms of reporting verbs that news writing uses far more often as plural nouns ("in
/// five states", "his opening remarks", "the biggest challenges"): verbs only
/// where [`verb_of_subject`] finds the shape of one.
const NOUNS_FIRST: &[&str] = &["states", "remarks", "challenges"];

/// Prepositions, before which a word is a noun's ("in states", "to states").
const PREPOSITIONS: &[&str] = &[
    "in",
    "on",
    "at",
    "for",
    "to",
    "from",
    "with",
    "by",
    "across",
    "into",
    "among",
    "over",
    "under",
    "between",
    "throughout",
    "within",
];

/// The "-s" form at token `i` reads as a verb with a subject: after a pronoun ("It states that
/// ...", "where it states") or a dash closing an appositive subject ("Byrne — who ... — states
/// that"), or after a noun with its determiner and before what a verb of saying takes ("the
/// document states, ...", "the ad states."), not a relative clause ("the battleground states,
/// where ...") nor a new subject ("in his opening remarks, Trump ...").
fn verb_of_subject(s: &Sent<'_>, i: usize) -> bool {
    let before = s.words[i - 1];
    if matches!(
        before,
        "it" | "It" | "he" | "He" | "she" | "She" | "which" | "who" | "this" | "This" | "—" | "–"
    ) {
        return true;
    }
    // (A noun of one or two words after its determiner: "the document", "the ferry
    // charter".)
    let noun = |k: usize| {
        s.words[k].starts_with(char::is_lowercase)
            && s.words[k].chars().all(|c| c.is_alphabetic() || c == '-')
    };
    let subject = (1..=2).any(|len| {
        i > len && (i - len..i).all(noun) && DETERMINERS.contains(&s.words[i - len - 1])
    });
    let takes = match s.words.get(i + 1).copied() {
        Some("." | ":" | "“" | "\"") => true,
        // (A clause with its own subject: "states that every boat ...", not "states that
        // have voted".)
        Some("that") => s.words.get(i + 2).is_some_and(|w| {
            DETERMINERS.contains(w)
                || PRONOUNS.contains(w)
                || matches!(*w, "every" | "no" | "it" | "this")
                || w.starts_with(char::is_uppercase)
        }),
        // (A verb's clause goes on after a comma in lower case: "the document states,
        // becomes available ...", not "the battleground states, where", "in his opening
        // remarks, Trump said".)
        Some(",") => s.words.get(i + 2).is_some_and(|w| {
            w.starts_with(char::is_lowercase)
                && !matches!(
                    *w,
                    "where" | "which" | "who" | "like" | "with" | "including" | "such" | "from"
                )
        }),
        _ => false,
    };
    subject && takes
}

/// A token a noun phrase may hold: letters, digits and hyphens, or a possessive ending ("the
/// agency 's director").
fn plain_word(word: &str) -> bool {
    matches!(word, "'s" | "’s") || word.chars().all(|c| c.is_alphanumeric() || c == '-')
}

/// The entity mention or pronoun naming a speaker at token `i` of `s`, if any.
/// `loose` also takes a capitalized word the tagger missed ("Caddell said"), for the word
/// right next to a cue.
fn speaker_at(
    text: &str,
    s: &Sent<'_>,
    i: usize,
    refs: &[Ref<'_>],
    loose: bool,
) -> Option<Speaker> {
    let span = s.spans[i];
    let in_phrase = |k: usize| {
        matches!(
            s.words[k],
            "to" | "in" | "on" | "with" | "through" | "by" | "from" | "of"
        )
    };
    if let Some(r) = ref_at(refs, span) {
        // Nationalities do not speak ("North Korean"), nor do places, except a country right
        // at its verb ("Russia insisted", "Japan branded it ...": its government), unless a
        // preposition ties it to a noun before ("the senator from Vermont said").
        let first = s.spans.partition_point(|t| t.start < r.span.start);
        let government =
            loose && r.entity.kind == EntityType::Location && (first == 0 || !in_phrase(first - 1));
        if matches!(r.entity.kind, EntityType::Person | EntityType::Organization)
            || r.kind == MentionKind::Nominal
            || government
        {
            return Some(r.speaker());
        }
        return None;
    }
    let word = s.words[i];
    // "a source said", "officials told", "the commission said": a speaker that is no entity.
    // ("promising to campaign", "in a statement", "by the committee" are no speakers.)
    let after_preposition = i > 0
        && (in_phrase(i - 1)
            || (i > 1 && DETERMINERS.contains(&s.words[i - 1]) && in_phrase(i - 2)));
    // (A title before a name, "Governor Abel Stone", is the name's: the person speaks.)
    let before_person = s.spans.get(i + 1).is_some_and(|&next| {
        ref_at(refs, next).is_some_and(|r| r.entity.kind == EntityType::Person)
    });
    if SOURCE_NOUNS.contains(&word.to_lowercase().as_str()) && !after_preposition && !before_person
    {
        let mut from = i;
        while from > 0
            && i - from < 3
            && plain_word(s.words[from - 1])
            && !is_cue(s.words[from - 1])
            && (!s.words[from - 1].starts_with(char::is_uppercase)
                || DETERMINERS.contains(&s.words[from - 1]))
        {
            from -= 1;
            // "the", "a", "his", "Her", "two" open the phrase.
            if DETERMINERS.contains(&s.words[from]) {
                break;
            }
        }
        // "Duval's spokesman": the owner's name opens the phrase.
        if matches!(s.words[from], "'s" | "’s") {
            let mut owner = from;
            while owner > 0
                && from - owner < 4
                && s.words[owner - 1].starts_with(char::is_uppercase)
                && plain_word(s.words[owner - 1])
            {
                owner -= 1;
            }
            from = if owner < from { owner } else { from + 1 };
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
        return Some(Speaker::unnamed(text, span));
    }
    // A capitalized name the tagger missed, right next to the cue ("Caddell said").
    if loose
        && word.starts_with(char::is_uppercase)
        && !crate::dates::is_calendar_word(word)
        && word.chars().any(char::is_lowercase)
        && word
            .chars()
            .skip(1)
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
        && word.chars().count() > 2
        && !PRONOUNS.contains(&word)
        // (An article opens the name after it: "according to audio provided to The Times".)
        && !matches!(word, "The" | "An")
        // (Opening its sentence only right before a verb of saying: "Another said", "Someone
        // wrote", "Quarvell of North Carolina said"; not "The warning", "When asked".)
        && (i > 0
            || (after_name(s, 0) < s.words.len()
                && matches!(
                    lemma_at(s, after_name(s, 0)),
                    Some("say" | "tell" | "write" | "add" | "tweet")
                )
                && !NOT_NAMES.contains(&word)
                && !SUBORDINATORS.contains(&word.to_lowercase().as_str())))
    {
        // A title before a name is not the name ("said Rep. Elijah Cummings"): the capitalized
        // words after it are.
        if crate::entities::canonical::is_title(word) {
            let first = i + 1 + usize::from(s.words.get(i + 1) == Some(&"."));
            if let Some(name) = name_at(text, s, refs, first, first, false) {
                return Some(name);
            }
        }
        return Some(Speaker::unnamed(text, span));
    }
    // "The Times reported", "according to ... The Times": the name after the article.
    if loose
        && matches!(word, "The" | "the")
        && s.words
            .get(i + 1)
            .is_some_and(|w| !crate::dates::is_calendar_word(w))
        && let Some(name) = name_at(text, s, refs, i, i + 1, loose)
    {
        return Some(name);
    }
    // "It added": the organization named last.
    if matches!(word, "it" | "It") {
        let org = refs
            .iter()
            .rfind(|r| r.span.end <= span.start && r.entity.kind == EntityType::Organization)?;
        return Some(Speaker {
            entity_id: Some(org.entity.id.clone()),
            name: org.entity.name.clone(),
            span,
        });
    }
    if PRONOUNS.contains(&word) {
        // ("he" and "she" resolved to a person are mentions of theirs, found above; unresolved,
        // they name no one.) "they", "we", "I": the most recently named person before this
        // point.
        let person = if pronouns::pronoun_gender(word).is_some() {
            None
        } else {
            refs.iter()
                .rfind(|r| r.span.end <= span.start && r.entity.kind == EntityType::Person)
        };
        return Some(Speaker {
            entity_id: person.map(|r| r.entity.id.clone()),
            name: person.map_or_else(|| word.to_owned(), |r| r.entity.name.clone()),
            span,
        });
    }
    None
}

/// The name starting at token `first` of `s`, after a title or an article: the entity
/// mentioned there, or else the capitalized words from there, named from token `from` ("Rep.
/// Elijah Cummings" is "Elijah Cummings"; "The Harbor Ledger" keeps its article). `None` when
/// no capitalized word stands at `first`.
fn name_at(
    text: &str,
    s: &Sent<'_>,
    refs: &[Ref<'_>],
    from: usize,
    first: usize,
    loose: bool,
) -> Option<Speaker> {
    let capitalized = |k: usize| {
        s.words.get(k).is_some_and(|w| {
            w.starts_with(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || "'’-.".contains(c))
        })
    };
    if !capitalized(first) {
        return None;
    }
    if ref_at(refs, s.spans[first]).is_some() {
        return speaker_at(text, s, first, refs, loose);
    }
    let last = (first..s.words.len())
        .take_while(|&k| capitalized(k))
        .last()
        .unwrap_or(first);
    Some(Speaker::unnamed(
        text,
        Span::new(s.spans[from].start, s.spans[last].end),
    ))
}

/// "a delegation to Pyongyang, which", "countries in the U.N. who": when token `k` ends a name
/// that follows a common noun and a preposition (and perhaps "the" or a role: "a letter to
/// North Korean leader Kim Jong-un pledging"), the preposition's index: a relative pronoun or
/// participle after the name refers to the noun before it. People count only for `which`,
/// which never refers to them ("the wife of John Smith, who" is his); "of" only for `who`
/// ("members of the Senate who").
fn preposition_before_name(s: &Sent<'_>, refs: &[Ref<'_>], k: usize, which: bool) -> Option<usize> {
    let r = ref_at(refs, s.spans[k])?;
    if !which
        && !matches!(
            r.entity.kind,
            EntityType::Location | EntityType::Organization
        )
    {
        return None;
    }
    let mut first = s.spans.partition_point(|t| t.start < r.span.start);
    // (Back over a person's role: "North Korean leader", "President".)
    if r.entity.kind == EntityType::Person {
        let role_word = |w: &str| {
            crate::entities::canonical::is_title(w)
                || (w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic))
        };
        while first > 0
            && role_word(s.words[first - 1])
            && !DETERMINERS.contains(&s.words[first - 1])
        {
            first -= 1;
        }
    }
    let preposition =
        first.checked_sub(1 + usize::from(first > 0 && s.words[first - 1] == "the"))?;
    let noun = s.words.get(preposition.checked_sub(1)?)?;
    // A noun phrase opening with a determiner ("a trade delegation"), not a verb ("Norland
    // belongs to the League, which").
    let determined = (preposition.saturating_sub(4)..preposition - 1)
        .rev()
        .take_while(|&i| s.words[i].chars().all(|c| c.is_alphanumeric()))
        .any(|i| DETERMINERS.contains(&s.words[i]));
    // ("members of the World Trade Organization, which writes the rules": "of" ties a whole to
    // its part, and "which" is the whole's.)
    ((matches!(s.words[preposition], "to" | "in" | "at" | "from")
        || (!which && s.words[preposition] == "of"))
        && noun.chars().all(char::is_lowercase)
        && !DETERMINERS.contains(noun)
        && determined)
        .then_some(preposition)
}

/// The token after a name at `i`, past where it is from ("Quarvell of North Carolina said").
fn after_name(s: &Sent<'_>, i: usize) -> usize {
    if s.words.get(i + 1) == Some(&"of") {
        (i + 2..s.words.len())
            .find(|&k| !s.words[k].starts_with(char::is_uppercase))
            .unwrap_or(s.words.len())
    } else {
        i + 1
    }
}

/// Capitalized words opening a sentence that are no name, beyond [`SUBORDINATORS`] ("Then
/// said ...", "Also told ...").
const NOT_NAMES: &[&str] = &[
    "The", "This", "That", "These", "Those", "His", "Her", "Its", "Their", "Our", "My", "Then",
    "Also", "Once", "Until", "Where", "But", "And", "Yet", "Still", "Later", "Earlier",
];

/// Prepositions that open a sentence with a phrase before its subject ("In a letter ..., Putin
/// highlighted").
const OPENING_PREPOSITIONS: [&str; 12] = [
    "In",
    "On",
    "At",
    "After",
    "Before",
    "During",
    "From",
    "With",
    "By",
    "Under",
    "Despite",
    "Following",
];

/// A speaker before token `cue` (the subject: "Putin said", "the Kremlin's spokesman said") or
/// right after it ("said Putin"), skipping a few words.
fn speaker_near(
    text: &str,
    s: &Sent<'_>,
    cue: usize,
    refs: &[Ref<'_>],
    outside: impl Fn(usize) -> bool,
) -> Option<Speaker> {
    // "The talks will go on, Spicer said, adding ...": a participle right after an attribution
    // has that attribution's speaker, whoever the clause before is about.
    // (Not "..., the Post reported, quoting an official": who is quoted is no subject.)
    let tag = (participle_after_comma(s, cue) && !matches!(s.words[cue], "quoting" | "citing"))
        .then(|| {
            // (The attribution's verb, then at most a time or a place before the comma: "said
            // Monday,", "said Tuesday in Paris,".)
            (cue.saturating_sub(6)..cue - 1)
                .rev()
                .take_while(|&i| outside(i))
                .find(|&i| {
                    let place = s.words[i].starts_with(char::is_uppercase)
                        && i >= 1
                        && matches!(s.words[i - 1], "in" | "at");
                    !(place || matches!(s.words[i], "on" | "in" | "at") || is_time_word(s.words[i]))
                })
                .filter(|&i| cue_at(s, i, refs))
        })
        .flatten();
    let cue = tag.unwrap_or(cue);
    // "Kim responded to Putin's letter, saying ...": a participle after a comma reports the
    // main clause's subject, not the nearest name.
    if tag.is_none() && participle_after_comma(s, cue) {
        // (Past a quote opening the sentence: "“...,” Trump told a rally, saying ...", and past
        // an opening phrase: "In a letter published by the Gazette, Duval thanked ...".)
        let mut clause = (0..cue).skip_while(|&i| !outside(i)).peekable();
        if clause
            .peek()
            .is_some_and(|&i| OPENING_PREPOSITIONS.contains(&s.words[i]))
        {
            let comma = clause
                .clone()
                .take_while(|&i| outside(i))
                .find(|&i| s.words[i] == ",");
            if let Some(comma) = comma {
                while clause.next_if(|&i| i <= comma).is_some() {}
            }
        }
        // ("CBC Chairman Brandt said ..., arguing that ...": the main clause's verb of saying
        // has found its subject, past the names that modify it.)
        let main_cue = clause
            .clone()
            .take_while(|&i| outside(i) && i + 1 < cue)
            .find(|&i| !s.words[i].ends_with("ing") && cue_at(s, i, refs));
        if let Some(main) = main_cue
            && let Some(subject) = subject_before(text, s, main, refs, &outside)
        {
            return Some(subject);
        }
        let subject = clause
            .take_while(|&i| outside(i))
            .find_map(|i| speaker_at(text, s, i, refs, false));
        if subject.is_some() {
            return subject;
        }
    }
    // "said Putin", "said the former top aide": after the cue, unless the cue's object is its
    // listener ("told AFP", "asked Sanders") or a phrase starts ("said in a statement").
    // (Nor after a participle: "before predicting a long fight" names what is predicted.)
    // (Capitalized too: "Said Comey, “...”" opens its sentence.)
    let inverts = lemma_at(s, cue)
        .or_else(|| cues::lemma(&s.words[cue].to_lowercase()))
        .is_some_and(|l| cues::INVERTING.contains(&l) && !cues::LISTENER.contains(&l))
        && !s.words[cue].ends_with("ing");
    // A name after the cue is the speaker unless a verb of its own follows: "said Clinton was
    // ..." opens the content. Where a subject may stand before the cue, only a name that
    // closes the attribution is taken ("..., said Brad Bannon, a pollster", "said Kim in
    // ..."), not "..., R-Fla., said Obama failed to ...".
    let named_after = |i: usize, closing: bool| {
        let sp = speaker_at(text, s, i, refs, true)?;
        let next = s.spans.partition_point(|t| t.start < sp.span.end);
        let ok = match s.words.get(next) {
            None => true,
            Some(w) if closing => matches!(
                *w,
                "," | "." | ";" | ":" | "(" | "—" | "who" | "in" | "on" | "at" | "during" | "after"
            ),
            Some(w) => !(FINITE_AUXILIARIES.contains(w) || matches!(*w, "'s" | "’s" | "’" | "'")),
        };
        ok.then_some(sp)
    };
    // "said former Pennsylvania Gov. Ed Rendell", "said Democratic National Committee Chairman
    // Ed Rendell": a person named past a title, with the place or body it belongs to.
    let person_after = |names_only: bool| {
        for i in cue + 1..(cue + 12).min(s.words.len()) {
            if !outside(i) {
                break;
            }
            let r = ref_at(refs, s.spans[i]);
            if r.is_some_and(|r| {
                r.entity.kind == EntityType::Person && (!names_only || r.kind == MentionKind::Name)
            }) {
                return named_after(i, names_only);
            }
            let w = s.words[i];
            let title_word = crate::entities::canonical::is_title(w)
                || matches!(w, "former" | "then" | "outgoing" | "acting" | "and")
                || (w == "."
                    && i > cue + 1
                    && crate::entities::canonical::is_title(s.words[i - 1]))
                || (w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic()));
            if !(title_word || r.is_some()) {
                break;
            }
        }
        None
    };
    // "..., forcing her to fend off Trump and Sanders, said Brad Bannon, a pollster": after a
    // comma, a person named after the cue is who speaks, not the last name before the comma
    // (but "..., said she turned out" opens the content).
    // (Only a verb of saying inverts: "..., praised Clinton’s remarks" names its object.)
    let says = lemma_at(s, cue).is_some_and(|l| {
        matches!(
            l,
            "say" | "add" | "write" | "explain" | "note" | "continue" | "argue" | "insist"
        )
    });
    if inverts && says && cue >= 1 && s.words[cue - 1] == "," {
        if let Some(sp) = person_after(true) {
            return Some(sp);
        }
    }
    // "Several said they would ...", "..., and many said ...": a quantity alone opening its
    // clause is who speaks, though it names no one.
    if cue >= 1
        && outside(cue - 1)
        && matches!(
            s.words[cue - 1].to_lowercase().as_str(),
            "many" | "several" | "some" | "others" | "few" | "most"
        )
        && (cue == 1 || matches!(s.words[cue - 2], "," | ";" | "and" | "but" | "—"))
    {
        return Some(Speaker::unnamed(text, s.spans[cue - 1]));
    }
    if let Some(subject) = subject_before(text, s, cue, refs, &outside) {
        return Some(subject);
    }
    if !inverts {
        return None;
    }
    if let Some(sp) = person_after(false) {
        return Some(sp);
    }
    for i in cue + 1..(cue + 4).min(s.words.len()) {
        if !outside(i)
            || matches!(
                s.words[i],
                "in" | "on" | "at" | "to" | "during" | "for" | "with" | "of" | "that" | ","
                    // ("said when Boyle asked him": a clause of its own begins.)
                    | "when" | "while" | "as" | "after" | "before" | "because" | "if"
            )
        {
            break;
        }
        // "said she should not ...": a pronoun after the cue opens the content; only "...,"
        // said he." inverts.
        let pronoun = PRONOUNS.contains(&s.words[i]) || matches!(s.words[i], "it" | "It");
        if pronoun
            && s.words
                .get(i + 1)
                .is_some_and(|w| w.chars().any(char::is_alphanumeric))
        {
            break;
        }
        if ref_at(refs, s.spans[i]).is_some() {
            return named_after(i, false);
        }
        if let Some(sp) = speaker_at(text, s, i, refs, i == cue + 1) {
            return Some(sp);
        }
    }
    // "said one well-connected Democrat familiar with ...": a determiner phrase after the cue,
    // through its first capitalized word or up to a comma, "who" or a preposition.
    let n = s.words.len();
    if cue + 2 < n && DETERMINERS.contains(&s.words[cue + 1]) && outside(cue + 1) {
        let mut end = cue + 2;
        while end < n.min(cue + 6)
            && outside(end)
            && s.words[end]
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-')
            && !matches!(
                s.words[end],
                "who"
                    | "in"
                    | "on"
                    | "at"
                    | "to"
                    | "for"
                    | "with"
                    | "of"
                    | "that"
                    | "familiar"
                    | "and"
            )
            && !FINITE_AUXILIARIES.contains(&s.words[end])
        {
            end += 1;
            if s.words[end - 1].starts_with(char::is_uppercase) {
                break;
            }
        }
        // (A verb after the phrase makes it the content's subject: "Many said the plan was
        // “a disaster”".)
        if s.words
            .get(end)
            .is_some_and(|w| FINITE_AUXILIARIES.contains(w))
        {
            return None;
        }
        if end > cue + 2 {
            let span = Span::new(s.spans[cue + 1].start, s.spans[end - 1].end);
            return Some(Speaker::unnamed(text, span));
        }
    }
    None
}

/// Words that may stand between a subject and its cue ("has said", "then loudly asked", "goes
/// on to say").
fn is_between_subject_and_cue(word: &str) -> bool {
    (word.len() > 3 && word.ends_with("ly") && word.starts_with(char::is_lowercase))
        || matches!(
            word,
            "also"
                | "then"
                | "later"
                | "again"
                | "once"
                | "has"
                | "have"
                | "had"
                | "was"
                | "were"
                | "is"
                | "are"
                | "would"
                | "will"
                | "could"
                | "did"
                | "does"
                | "not"
                | "never"
                | "goes"
                | "went"
                | "on"
                | "to"
                | "further"
                | "first"
                | "often"
                | "even"
                | "still"
        )
}

/// Words of a time adjunct that may stand between a subject and its cue ("last week", "on
/// Monday", "earlier this month").
fn is_time_word(word: &str) -> bool {
    matches!(
        word,
        "yesterday"
            | "today"
            | "tonight"
            | "last"
            | "this"
            | "earlier"
            | "week"
            | "weekend"
            | "month"
            | "year"
            | "night"
            | "morning"
            | "afternoon"
            | "evening"
    ) || (word.starts_with(char::is_uppercase)
        && word.ends_with("day")
        && crate::dates::is_calendar_word(word))
}

/// Determiners opening a subject that names no one ("a friend", "one well-connected Democrat",
/// "the board").
const DETERMINERS: &[&str] = &[
    "the", "The", "a", "A", "an", "An", "one", "One", "another", "Another", "some", "Some",
    "several", "Several", "many", "Many", "two", "Two", "three", "Three", "his", "His", "her",
    "Her", "their", "Their", "its", "Its", "my", "My", "our", "Our", "other", "Other", "both",
    "Both", "all", "All", "most", "Most", "these", "These", "those", "Those",
];

/// Words that end a plain subject phrase when read back from its verb ("the unrest in Charlotte
/// and", "a comment that").
const NOT_IN_SUBJECT: &[&str] = &[
    "of", "in", "on", "at", "for", "with", "by", "from", "to", "and", "or", "but", "that", "which",
    "who", "whom", "was", "is", "were", "are", "be", "been", "while", "as", "same",
];

/// The subject of the cue at token `cue`: a name, role noun or pronoun just before it, past
/// auxiliaries and adverbs ("Kim has long said"), a comma-enclosed appositive ("Norah
/// O’Donnell, who was off-screen, asked"; "Kasich (R-Ohio) said"), or else a determiner phrase
/// naming no one ("a friend said", "the board said").
fn subject_before(
    text: &str,
    s: &Sent<'_>,
    cue: usize,
    refs: &[Ref<'_>],
    outside: &impl Fn(usize) -> bool,
) -> Option<Speaker> {
    let mut end = cue;
    // (Past a time too: "Feinstein (D-Calif.) last week said", "Kim on Monday said".)
    while end > 0
        && end + 6 > cue
        && (is_between_subject_and_cue(s.words[end - 1]) || is_time_word(s.words[end - 1]))
    {
        end -= 1;
    }
    // (A closing bracket too: "Jason Chaffetz (R-Utah) said" names its subject before it.)
    let stop = |i: usize| {
        !outside(i)
            || matches!(
                s.words[i],
                "," | "“" | "”" | "\"" | "." | ";" | ":" | ")" | "—" | "–"
            )
    };
    // "Trump summed up Clinton as “terrible,” ... and said ...": a second verb of the
    // sentence's subject, its first person or organization. So is a gerund after "by": "Dean
    // ... appeared on MSNBC and began by saying he would ...".
    let by_gerund = end == cue && s.words[cue].ends_with("ing");
    if end > 0
        && (matches!(s.words[end - 1], "and" | "but") || (by_gerund && s.words[end - 1] == "by"))
    {
        return (0..end - 1)
            .take_while(|&i| outside(i))
            .filter_map(|i| ref_at(refs, s.spans[i]).map(|r| (i, r)))
            .find(|(_, r)| matches!(r.entity.kind, EntityType::Person | EntityType::Organization))
            .and_then(|(i, _)| speaker_at(text, s, i, refs, false))
            // "He called it ... and said ...": a pronoun or source noun opening the sentence.
            .or_else(|| {
                (0..(end - 1).min(3))
                    .take_while(|&i| outside(i))
                    .find_map(|i| speaker_at(text, s, i, refs, false))
            });
    }
    // "countries in the U.N. who refused", "a delegation to Pyongyang, which expressed": a
    // relative pronoun after a name that follows a common noun and a preposition refers to the
    // noun, a few words back to a determiner.
    // ("a letter to North Korean leader Kim Jong-un pledging": so does a participle right
    // after such a name, with the name a person's.)
    let relative = match end.checked_sub(1).map(|i| s.words[i]) {
        Some("who" | "Who") => Some((end - 1, false)),
        Some("which") if end > 2 && s.words[end - 2] == "," => Some((end - 2, true)),
        _ if end == cue && s.words[cue].ends_with("ing") && !participle_after_comma(s, cue) => {
            Some((cue, true))
        }
        _ => None,
    };
    if let Some((pronoun, which)) = relative
        && pronoun > 0
        && let Some(preposition) = preposition_before_name(s, refs, pronoun - 1, which)
    {
        let mut from = preposition;
        while from > 0
            && preposition - from < 4
            && !stop(from - 1)
            && !NOT_IN_SUBJECT.contains(&s.words[from - 1].to_lowercase().as_str())
        {
            from -= 1;
            if DETERMINERS.contains(&s.words[from]) {
                break;
            }
        }
        // (A document speaks for its author: "a letter to ... Kim pledging" is its sender's.)
        return (from < preposition).then(|| {
            speaker_at(text, s, preposition - 1, refs, false)
                .filter(|sp| sp.entity_id.is_some())
                .unwrap_or_else(|| {
                    Speaker::unnamed(
                        text,
                        Span::new(s.spans[from].start, s.spans[preposition - 1].end),
                    )
                })
        });
    }
    // Up to four words back from `end`, the nearest name, role noun or pronoun.
    let named = |end: usize, loose_words: usize| {
        (1..=4).find_map(|back| {
            let i = end.checked_sub(back)?;
            (!stop(i)).then(|| speaker_at(text, s, i, refs, back <= loose_words))?
        })
    };
    let mut from = end;
    // "..., Alexander Matsegora, said": the comma closing an appositive may sit between.
    if from > 0 && s.words[from - 1] == "," {
        from -= 1;
    }
    // "Butterfield of North Carolina said": a place after "of" says where the subject is from;
    // the subject is the word before it, as if at the verb.
    let of_place = (from == end && from > 0)
        .then(|| ref_at(refs, s.spans[from - 1]))
        .flatten()
        .filter(|r| r.entity.kind == EntityType::Location)
        .and_then(|r| s.spans.iter().position(|t| t.start >= r.span.start))
        .filter(|&first| first >= 2 && s.words[first - 1] == "of" && outside(first - 1));
    if let Some(first) = of_place {
        from = first - 1;
    }
    if let Some(found) = (1..=4).find_map(|back| {
        let i = from.checked_sub(back)?;
        if stop(i) {
            return Some(None);
        }
        // (A place is a speaker only right at its verb, not across a comma: "pressure from
        // Asian imports, said the chief executive".)
        speaker_at(
            text,
            s,
            i,
            refs,
            back <= 2 && ((from + 2 >= cue && from == end) || (of_place.is_some() && back == 1)),
        )
        .map(Some)
    }) {
        if found.is_some() {
            return found;
        }
    }
    // "X, who ..., said" / "X (R-Ohio) said" / "X — a teacher from ... — says": the subject
    // before the enclosed words.
    // ("X, the author of “Going Viral,” said": the appositive's comma inside a title's
    // closing mark.)
    // (Only a title: "..., “his chances are slim,” says Walter Stone" is a tag.)
    let titled = end > 3
        && !outside(end - 1)
        && CLOSING_MARKS.contains(&s.words[end - 1])
        && s.words[end - 2] == ","
        && (1..end - 2)
            .rev()
            .take_while(|&i| !outside(i))
            .find(|&i| OPENING_MARKS.contains(&s.words[i]))
            .is_some_and(|open| {
                let words = Span::new(s.spans[open].end, s.spans[end - 2].start);
                is_title(words.slice(text), false)
            });
    if end > 1 && (titled || matches!(s.words[end - 1], "," | ")" | "—" | "–")) {
        // ("Gov. John Kasich (R-OH), said": the bracket before the comma.)
        let mut close = if titled { end - 2 } else { end - 1 };
        if s.words[close] == "," && close > 1 && s.words[close - 1] == ")" {
            close -= 1;
        }
        let open = match s.words[close] {
            ")" => "(",
            dash @ ("—" | "–") => dash,
            _ => ",",
        };
        if let Some(j) = (end.saturating_sub(32)..close)
            .rev()
            // (Not a comma inside a quoted title: "X, the author of “Going Viral,” about
            // ..., said".)
            .find(|&j| s.words[j] == open && outside(j))
        {
            let mut k = j;
            while k > 0 && s.words[k - 1] == "," {
                k -= 1;
            }
            // ("Rep. Zoe Lofgren (D-Calif.), who ..., said": past the bracket too.)
            if k > 1
                && s.words[k - 1] == ")"
                && let Some(b) = (k.saturating_sub(8)..k - 1)
                    .rev()
                    .find(|&b| s.words[b] == "(")
            {
                k = b;
            }
            if let Some(found) = named(k, 1) {
                return Some(found);
            }
            end = k;
        }
    }
    // "South Korean intelligence, which indicated": an institution's relative clause; the
    // speaker is the antecedent, a name or the few words before the comma.
    if end > 2 && s.words[end - 1] == "which" && s.words[end - 2] == "," {
        let comma = end - 2;
        if let Some(found) = speaker_at(text, s, comma - 1, refs, false) {
            return Some(found);
        }
        let mut from = comma;
        while from > 0
            && comma - from < 4
            && outside(from - 1)
            && !stop(from - 1)
            && !NOT_IN_SUBJECT.contains(&s.words[from - 1].to_lowercase().as_str())
        {
            from -= 1;
            if DETERMINERS.contains(&s.words[from]) {
                break;
            }
        }
        if from == comma {
            return None;
        }
        let span = Span::new(s.spans[from].start, s.spans[comma - 1].end);
        return Some(Speaker::unnamed(text, span));
    }
    // "voters who said": the relative pronoun's antecedent, a name or the words before it.
    if end > 1 && matches!(s.words[end - 1], "who" | "Who") {
        if let Some(found) = speaker_at(text, s, end - 2, refs, false) {
            return Some(found);
        }
        // "Sen. Dianne Feinstein of California, the ranking Democrat, who said": the nearest
        // person or organization before the comma.
        if s.words[end - 2] == "," {
            return (end.saturating_sub(14)..end - 2)
                .rev()
                .take_while(|&i| outside(i))
                .filter(|&i| {
                    ref_at(refs, s.spans[i]).is_some_and(|r| {
                        matches!(r.entity.kind, EntityType::Person | EntityType::Organization)
                    })
                })
                .find_map(|i| speaker_at(text, s, i, refs, false));
        }
        // Back to a determiner, at most three words ("the voters who", "Among those who").
        let mut from = end - 1;
        while from > 0
            && end - from < 4
            && !stop(from - 1)
            && !NOT_IN_SUBJECT.contains(&s.words[from - 1].to_lowercase().as_str())
            && s.words[from - 1] != "Among"
        {
            from -= 1;
            if DETERMINERS.contains(&s.words[from]) {
                break;
            }
        }
        if from + 1 == end {
            return None;
        }
        let span = Span::new(s.spans[from].start, s.spans[end - 1].end);
        return Some(Speaker::unnamed(text, span));
    }
    // "a friend said", "One Club for Growth ad argues": a determiner phrase of a few words.
    // (A possessive within, before an inflected verb: "the paper's editorial board wrote";
    // "on “Meet the Voters,” the city's cable show" is no report.)
    let inflected = cues::lemma(s.words[cue]).is_some_and(|l| l != s.words[cue]);
    let det = (1..=5).find_map(|back| {
        let i = end.checked_sub(back)?;
        if stop(i)
            || !plain_word(s.words[i])
            || (matches!(s.words[i], "'s" | "’s") && !inflected)
            || NOT_IN_SUBJECT.contains(&s.words[i])
        {
            return Some(None);
        }
        DETERMINERS.contains(&s.words[i]).then_some(Some(i))
    });
    if let Some(Some(det)) = det
        && det + 1 < end
    {
        let span = Span::new(s.spans[det].start, s.spans[end - 1].end);
        return Some(Speaker::unnamed(text, span));
    }
    quantity_subject(text, s, end, &stop)
}

/// Words that make a phrase a share of people ("28 percent of voters", "six in 10", "nearly
/// half", "a majority of Republicans", "most of them").
const QUANTITIES: &[&str] = &[
    "percent",
    "%",
    "half",
    "majority",
    "most",
    "third",
    "thirds",
    "quarter",
    "plurality",
    "minority",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
];

/// Words a share phrase may open with before its quantity ("nearly half", "more than six in 10").
const QUANTITY_OPENERS: &[&str] = &[
    "nearly", "almost", "about", "roughly", "just", "only", "more", "fewer", "less", "than",
    "over", "under", "some", "a", "the",
];

/// A poll's share of people as the subject of the cue ending at `end`: "Twenty-four percent
/// said", "More than six in 10 said", "a majority of Republicans said". Polls report opinions
/// this way, with no one to name.
fn quantity_subject(
    text: &str,
    s: &Sent<'_>,
    end: usize,
    stop: &impl Fn(usize) -> bool,
) -> Option<Speaker> {
    let counted = |w: &str| {
        let lower = w.to_lowercase();
        w.bytes().next().is_some_and(|b| b.is_ascii_digit())
            || QUANTITIES.contains(&lower.as_str())
            || lower.ends_with("-four")
            || lower.strip_suffix("ty").is_some_and(|t| t.len() >= 3)
    };
    let words = |i: usize| {
        s.words[i]
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '%')
    };
    // The phrase: up to seven words back, to the start of the clause.
    let mut from = end;
    while from > 0 && end - from < 7 && !stop(from - 1) && words(from - 1) {
        from -= 1;
    }
    // It opens at its first quantity (or a word that leads one in).
    let start = (from..end).find(|&i| {
        counted(s.words[i])
            || (QUANTITY_OPENERS.contains(&s.words[i].to_lowercase().as_str())
                && i + 1 < end
                && (counted(s.words[i + 1])
                    || QUANTITY_OPENERS.contains(&s.words[i + 1].to_lowercase().as_str())))
    })?;
    // Only "of", "in" and plain words may follow the quantity ("six in 10", "of them").
    let tail_ok = (start..end).all(|i| !matches!(s.words[i], "that" | "which" | "and" | "but"));
    (tail_ok && (start..end).any(|i| counted(s.words[i]))).then(|| {
        let span = Span::new(s.spans[start].start, s.spans[end - 1].end);
        Speaker::unnamed(text, span)
    })
}

/// The signer of a quote in the web's epigraph style ("“...” ― Esther Tapia"), with the dash
/// as its cue: the signature must follow the quote's closing mark and end at `line_end`.
fn signed_by(
    text: &str,
    line_end: usize,
    quote: Span,
    refs: &[Ref<'_>],
) -> Option<(Option<Speaker>, Span)> {
    // (From the closing mark on: a dash inside the quote is the speaker's.)
    let close = text[..quote.end].char_indices().next_back()?.0;
    let (dash, name) = crate::text::quote_signature(&text[close..line_end])?;
    let dash = Span::new(close + dash.start, close + dash.end);
    if !text[quote.end..dash.start].trim().is_empty() {
        return None;
    }
    let name = Span::new(close + name.start, close + name.end);
    let speaker = refs
        .iter()
        .find(|r| {
            r.span.start == name.start
                && matches!(r.entity.kind, EntityType::Person | EntityType::Organization)
        })
        .map_or_else(|| Speaker::unnamed(text, name), Ref::speaker);
    Some((Some(speaker), dash))
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
    let outside = |i: usize| !in_quote(quotes, s.spans[i]);
    let mut cues: Vec<usize> = (0..s.words.len())
        .filter(|&i| outside(i) && cue_at(s, i, refs))
        .collect();
    // A subordinator after the quote opens a clause whose cues are not the quote's: one opening
    // what follows the quote ("a “pre-agreement” because some governments did not agree"), or
    // one after a tag of its own ("“...,” Le Pen told CNN when asked ..."); not one inside the
    // speaker's appositive ("“...,” Ortiz, the mayor since 1998, said").
    let after = |i: usize| s.spans[i].start >= quote.end;
    let first_after = (0..s.words.len()).find(|&i| after(i) && s.words[i] != ",");
    // (So does a relative clause on the quote itself: "“He has been very aggressive with the
    // rule,” which Mozloom thinks will lead ...".)
    let blocked_from = (0..s.words.len()).find(|&sub| {
        after(sub)
            && ((s.words[sub] != "as"
                && SUBORDINATORS.contains(&s.words[sub])
                && (Some(sub) == first_after || cues.iter().any(|&c| after(c) && c < sub)))
                || (s.words[sub] == "which" && Some(sub) == first_after))
    });
    // Verbs before "according to" (which names a channel as often as a speaker), nearest to
    // the quote first.
    // (A cue whose "that" opens the quote governs it, nearer cues after it or not: "told the
    // crowd that “we close one chapter,” and she vowed to ...".)
    let opening = s.spans.iter().rposition(|t| t.end <= quote.start);
    let governing = opening
        .filter(|&i| s.words[i] == "that")
        .and_then(|that| cues.iter().rfind(|&&c| c < that && that - c <= 4))
        .copied();
    cues.sort_by_key(|&i| {
        let at = s.spans[i].start;
        let distance = if Some(i) == governing {
            0
        } else if at >= quote.end {
            at - quote.end
        } else {
            quote.start - at.min(quote.start)
        };
        (s.words[i].eq_ignore_ascii_case("according"), distance)
    });
    // An outlet reporting ("..., KCNA said") yields to a person the sentence also has
    // speaking ("the leader responded, saying that ..."): the outlet is the cited source.
    let mut outlet: Option<(Option<Speaker>, Span)> = None;
    let mut bare: Option<Span> = None;
    // At most three words between the quote and the cue.
    let near = |cue: usize| {
        let at = s.spans[cue];
        let between = if at.start >= quote.end {
            Span::new(quote.end, at.start)
        } else {
            Span::new(at.end, quote.start.max(at.end))
        };
        s.spans.iter().filter(|t| between.contains(**t)).count() <= 3
    };
    let is_org = |sp: &Speaker| {
        refs.iter()
            .any(|r| r.span == sp.span && r.entity.kind == EntityType::Organization)
    };
    for cue in cues {
        if s.words[cue].eq_ignore_ascii_case("according") {
            if s.words.get(cue + 1) == Some(&"to") {
                let speaker = (cue + 2..(cue + 6).min(s.words.len()))
                    .find_map(|i| speaker_at(text, s, i, refs, true));
                let end = s.spans[cue + 1].end;
                return Some((speaker, Span::new(s.spans[cue].start, end)));
            }
            continue;
        }
        // (Not a cue in a clause of its own after the quote: "The deal is a “pre-agreement”
        // because some governments did not agree.")
        if blocked_from.is_some_and(|sub| cue > sub) {
            continue;
        }
        let speaker = speaker_near(text, s, cue, refs, outside);
        match speaker {
            Some(sp) if is_org(&sp) => {
                outlet.get_or_insert((Some(sp), s.spans[cue]));
            }
            Some(sp) => return Some((Some(sp), s.spans[cue])),
            // A cue right next to the quote whose speaker we cannot name ("“...,” said one
            // of those advisers") still makes the quote an attribution.
            None if near(cue) => {
                bare.get_or_insert(s.spans[cue]);
            }
            None => {}
        }
    }
    outlet
        .or_else(|| dialogue_tag(text, s, quote, refs))
        .or(bare.map(|cue| (None, cue)))
        .or_else(|| {
            // "Former secretary of state Hillary Clinton: “We learned ...”": a name and a colon
            // introduce the quote; the colon is the cue.
            let colon = s
                .spans
                .iter()
                .rposition(|t| t.end <= quote.start)
                .filter(|&i| matches!(s.words[i], ":" | ",") && outside(i))?;
            // "Trump leaned in and boomed: “...”", "Rubio fired back:", "Silverman interjected,
            // “...”": a verb in the past tense and its subject introduce the quote, whatever
            // the verb.
            let verb = (colon.saturating_sub(2)..colon)
                .find(|&i| past_tense(s.words[i]))
                .filter(|&v| {
                    (v + 1..colon)
                        .all(|i| matches!(s.words[i], "back" | "in" | "out" | "up" | "on"))
                });
            if let Some(v) = verb
                && let Some(speaker) = subject_before(text, s, v, refs, &outside)
            {
                return Some((Some(speaker), s.spans[v]));
            }
            if s.words[colon] != ":" {
                return None;
            }
            // "Sanders delivered a snappy retort: “...”", "Kim had a message for Seoul: “...”":
            // a noun for something said, given by the verb's subject. The noun is the cue.
            let said = (colon.saturating_sub(4)..colon)
                .rev()
                .find(|&i| SPEECH_NOUNS.contains(&s.words[i]) && outside(i));
            if let Some(noun) = said
                && let Some(verb) = (noun.saturating_sub(3)..noun)
                    .rev()
                    .find(|&i| past_tense(s.words[i]) || GIVING_VERBS.contains(&s.words[i]))
                && (verb + 1..noun).all(|i| s.words[i].starts_with(char::is_lowercase))
                && let Some(speaker) = subject_before(text, s, verb, refs, &outside)
            {
                return Some((Some(speaker), s.spans[noun]));
            }
            // "... the Democratic caucus - HuffPollster: “...”": a label of capitalized words
            // alone between a dash (or the sentence's start) and the colon names who speaks,
            // tagged or not.
            // (Past a party and state: "Rep. Trey Gowdy (R-S.C.): “...”".)
            let end = if colon > 0 && s.words[colon - 1] == ")" {
                (colon.saturating_sub(8)..colon - 1)
                    .rfind(|&i| s.words[i] == "(")
                    .filter(|&open| {
                        (open + 1..colon - 1).all(|i| {
                            let w = s.words[i];
                            !w.starts_with(char::is_lowercase)
                                && w.chars()
                                    .all(|c| c.is_ascii_alphabetic() || "-.".contains(c))
                        })
                    })
                    .unwrap_or(colon)
            } else {
                colon
            };
            let label = (0..end)
                .rev()
                .take_while(|&i| !matches!(s.words[i], "-" | "—" | "–"))
                .collect::<Vec<_>>();
            // (The period of a title's abbreviation is no word: "Sen. Ada Brooks".)
            let words = label.iter().filter(|&&i| s.words[i] != ".").count();
            if (1..=4).contains(&words)
                && label.last().is_some_and(|&i| s.words[i] != ".")
                && label.iter().all(|&i| {
                    outside(i)
                        && (s.words[i].starts_with(char::is_uppercase) || s.words[i] == ".")
                        && s.words[i]
                            .chars()
                            .all(|c| c.is_alphabetic() || "'’.-".contains(c))
                })
            {
                let first = label[label.len() - 1];
                let span = Span::new(s.spans[first].start, s.spans[end - 1].end);
                let named = (first..end).find_map(|i| {
                    ref_at(refs, s.spans[i])
                        .filter(|r| {
                            matches!(r.entity.kind, EntityType::Person | EntityType::Organization)
                        })
                        .map(|r| r.speaker())
                });
                // (Untagged words are a name only after a dash: "Update: “...”" opening a
                // sentence is page furniture.)
                let speaker = named.or_else(|| (first > 0).then(|| Speaker::unnamed(text, span)));
                if let Some(speaker) = speaker {
                    return Some((Some(speaker), s.spans[colon]));
                }
            }
            // (Or a source noun: "From the report: “...”".)
            (colon.saturating_sub(3)..colon)
                .rev()
                .find_map(|i| {
                    let named = ref_at(refs, s.spans[i]).is_some_and(|r| {
                        matches!(r.entity.kind, EntityType::Person | EntityType::Organization)
                    });
                    let source = SOURCE_NOUNS.contains(&s.words[i].to_lowercase().as_str());
                    (named || source)
                        .then(|| speaker_at(text, s, i, refs, false))
                        .flatten()
                })
                .map(|speaker| (Some(speaker), s.spans[colon]))
        })
}

/// The entity opening sentence `s` as its subject, before token `end`: a name, role noun or
/// resolved pronoun among its first three words, past a conjunction ("But he ...") or an
/// opening phrase set off by a comma ("In city after city, Perez ..."). Words naming no entity
/// ("Respondents", "there") are no one.
fn opening_subject(
    text: &str,
    s: &Sent<'_>,
    end: usize,
    refs: &[Ref<'_>],
    outside: &impl Fn(usize) -> bool,
) -> Option<Speaker> {
    let first_of = |from: usize| {
        (from..(from + 3).min(end))
            .take_while(|&i| outside(i) && s.words[i] != ",")
            // (Not "it": "Wait, it gets better:" is the writer's.)
            .filter(|&i| !s.words[i].eq_ignore_ascii_case("it"))
            .find_map(|i| speaker_at(text, s, i, refs, false).filter(|sp| sp.entity_id.is_some()))
    };
    let from = usize::from(matches!(
        s.words.first(),
        Some(&("And" | "But" | "So" | "Yet"))
    ));
    // ("In a Fox interview later that day, Trump went even further:", "Before Trump’s
    // appearance ..., the cleric is shown lecturing:": a phrase before the subject names no
    // speaker.)
    let opener = s.words.get(from).is_some_and(|w| {
        let w = w.to_lowercase();
        PREPOSITIONS.contains(&w.as_str())
            || SUBORDINATORS.contains(&w.as_str())
            || matches!(
                w.as_str(),
                "after" | "before" | "during" | "despite" | "like"
            )
    });
    (!opener).then(|| first_of(from)).flatten().or_else(|| {
        let comma = (from..end.min(from + 12)).find(|&i| s.words[i] == ",")?;
        first_of(comma + 1)
    })
}

/// The subject, verb and object of a sentence whose object holds quote `quote` (its outer
/// span), when no verb of saying reports it: "Sanders has consistently pushed his promise of
/// “free college” and ...", "He tossed in a “lyin’” Ted Cruz". The subject is a name, role
/// or pronoun opening the sentence (`opening_subject`), the verb the word right after it (past
/// auxiliaries and adverbs), and the object runs from after the verb and its particles through
/// the quote to the clause's end: PolNeAR annotates such objects as what the subject says.
/// Returns the speaker, the verb's span and the object's. None for a subject with no finite verb
/// before the quote ("Trump’s “beautiful” wall", "This Trump campaign ad") or a quote far from
/// its verb.
fn object_with_quote(
    text: &str,
    s: &Sent<'_>,
    quote: Span,
    quotes: &[Span],
    refs: &[Ref<'_>],
) -> Option<(Speaker, Span, Span)> {
    let first = s.spans.partition_point(|t| t.end <= quote.start);
    let outside = |i: usize| !in_quote(quotes, s.spans[i]);
    let speaker = opening_subject(text, s, first, refs, &outside)?;
    let mut v = s.spans.partition_point(|t| t.end <= speaker.span.end);
    let plain = |i: usize| {
        i < first
            && outside(i)
            && s.words[i]
                .chars()
                .all(|c| c.is_alphabetic() && c.is_lowercase())
    };
    while plain(v)
        && (FINITE_AUXILIARIES.contains(&s.words[v])
            || CUE_ADVERBS.contains(&s.words[v])
            || MODALS.contains(&s.words[v])
            || s.words[v].ends_with("ly"))
        && plain(v + 1)
    {
        v += 1;
    }
    let verb = s.words.get(v).filter(|_| v < first)?;
    // (A verb's finite form: "-ed", "-s" or a common irregular past; not a noun of the
    // subject's phrase: "Former Obama spokesman Robert Gibbs", "This Trump doppelganger".)
    let finite = past_tense(verb)
        || (verb.ends_with('s') && !verb.ends_with("ss"))
        || IRREGULAR_PASTS.contains(verb);
    if !plain(v)
        || !finite
        || PREPOSITIONS.contains(verb)
        || NOT_IN_SUBJECT.contains(verb)
        || DETERMINERS.contains(verb)
        || SUBORDINATORS.contains(verb)
    {
        return None;
    }
    let mut start = v + 1;
    while start < first && plain(start) && PARTICLES.contains(&s.words[start]) {
        start += 1;
    }
    // (The quote is the verb's object, not a clause further on: "Trump won Florida easily,
    // and his “beautiful” wall ...".)
    if first - start > 8
        || s.words[start..first]
            .iter()
            .any(|w| matches!(*w, "," | ";" | ":"))
    {
        return None;
    }
    let from = s
        .spans
        .get(start)
        .filter(|_| start < first)
        .map_or(quote.start, |t| t.start);
    // The object goes on past the quote to the clause's end ("the name of the Palestinian
    // group “Hamas” as if it were ...", "“little” Marco Rubio").
    // (Not past a comma closing the quote, nor into an adjunct: "the “Charleston loophole,” a
    // flaw in ...", "... that CNN “doesn’t treat me properly” before floating the idea".)
    let mut end = s.spans.partition_point(|t| t.end <= quote.end);
    if !text[..quote.end]
        .trim_end_matches(|c: char| !c.is_alphanumeric() && c != ',')
        .ends_with(',')
    {
        // (An aside in parentheses goes on with it: "that Sanders’ “diagnoses” of economic
        // ills (read: ...) are the big draw".)
        let mut depth = 0usize;
        while end < s.words.len() {
            match s.words[end] {
                "(" => depth += 1,
                ")" => depth = depth.saturating_sub(1),
                w if depth == 0
                    && outside(end)
                    && (matches!(w, "," | ";" | ":" | "—" | "–" | "--")
                        || (w != "as" && SUBORDINATORS.contains(&w))
                        || (w == "as"
                            && matches!(s.words.get(end + 1), Some(&("if" | "though"))))
                        || matches!(w, "before" | "after" | "until")) =>
                {
                    break;
                }
                _ => {}
            }
            end += 1;
        }
    }
    let last = s.spans[..end]
        .iter()
        .rposition(|t| !matches!(t.slice(text), "." | "!" | "?"))
        .map_or(quote.end, |i| s.spans[i].end.max(quote.end));
    Some((speaker, s.spans[v], Span::new(from, last)))
}

/// Irregular past forms of verbs that take an object ("made clear", "took credit for"), besides
/// those `past_tense` knows, and short "-ed" ones it leaves out.
const IRREGULAR_PASTS: &[&str] = &[
    "made", "took", "came", "gave", "put", "got", "held", "brought", "kept", "left", "sent", "won",
    "ran", "saw", "drew", "threw", "struck", "set", "hit", "let", "cut", "led",
];

/// Particles and prepositions that go with the verb before its object ("referred to", "ticked
/// off", "came out against").
const PARTICLES: &[&str] = &[
    "to", "on", "off", "in", "out", "up", "down", "against", "for", "about", "at", "back", "into",
    "with", "by",
];

/// An outlet credited in sentence `s`: "according to X", "X reported", "told (the newspaper) X",
/// "in an interview with X", where X is an organization.
fn cited_source(text: &str, s: &Sent<'_>, quotes: &[Span], refs: &[Ref<'_>]) -> Option<Speaker> {
    let outside = |i: usize| !in_quote(quotes, s.spans[i]);
    // An outlet is an organization; after "interview with", anything but a person (an
    // outlet the tagger took for a place is still the outlet).
    let org_at_kind = |i: usize, lenient: bool| -> Option<Speaker> {
        let span = s.spans[i];
        ref_at(refs, span)
            .filter(|r| {
                r.entity.kind == EntityType::Organization
                    || (lenient && r.entity.kind != EntityType::Person)
            })
            .map(Ref::speaker)
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

/// Words that may follow a cue before its content ("said Tuesday", "told reporters").
const CUE_ADVERBS: &[&str] = &[
    "today",
    "yesterday",
    "recently",
    "later",
    "earlier",
    "also",
    "repeatedly",
    "again",
    "once",
];

/// Listeners of a verb that has one ("told reporters that").
const LISTENERS: &[&str] = &[
    "reporters",
    "him",
    "her",
    "them",
    "us",
    "me",
    "you",
    "voters",
    "supporters",
    "lawmakers",
];

/// Nouns closing a phrase between a cue and its content ("in a statement", "at a news
/// conference", "on Twitter").
const CUE_PHRASE_ENDS: &[&str] = &[
    "statement",
    "interview",
    "interviews",
    "speech",
    "email",
    "release",
    "conference",
    "briefing",
    "call",
    "appearance",
    "rally",
    "event",
    "hearing",
    "Twitter",
    "Facebook",
    "television",
    "radio",
    "debate",
    "post",
    "letter",
    "op-ed",
    "video",
    "night",
    "morning",
    "afternoon",
    "evening",
];

/// Modal auxiliaries, whose base-form verbs a conjunction can share ("would sit ... and tell").
const MODALS: &[&str] = &[
    "will", "would", "can", "could", "should", "may", "might", "must", "shall",
];

/// Finite auxiliaries and copulas: a clause's verb, where adjuncts have none.
const FINITE_AUXILIARIES: &[&str] = &[
    "is", "was", "are", "were", "will", "would", "has", "have", "had", "can", "could", "should",
    "may", "might", "must", "does", "did",
];

/// The first token of a cue's content from token `start`: past time words, listeners ("told
/// reporters", "told the crowd", "told CNN", for verbs with a listener) and phrases like "in a
/// statement" or "on Tuesday".
fn skip_adjuncts(
    s: &Sent<'_>,
    mut start: usize,
    listener: bool,
    refs: &[Ref<'_>],
    outside: &impl Fn(usize) -> bool,
) -> usize {
    let n = s.words.len();
    let limit = (start + 8).min(n);
    while start < limit && outside(start) {
        let word = s.words[start];
        if CUE_ADVERBS.contains(&word) || crate::dates::is_calendar_word(word) {
            start += 1;
            continue;
        }
        // ("told the Associated Press (AP), “...”": an aside in brackets.)
        if word == "(" {
            if let Some(close) = (start + 1..(start + 6).min(n)).find(|&j| s.words[j] == ")") {
                start = close + 1;
                continue;
            }
        }
        if listener {
            if LISTENERS.contains(&word) {
                start += 1;
                continue;
            }
            // ("the Associated Press": the article before a named listener.)
            if matches!(word, "the" | "The")
                && start + 1 < n
                && ref_at(refs, s.spans[start + 1]).is_some()
            {
                start += 1;
                continue;
            }
            // (A named or described listener; "told the Post he was ...": the pronoun opens
            // the content.)
            if let Some(r) = ref_at(refs, s.spans[start]).filter(|r| r.kind != MentionKind::Pronoun)
            {
                start = s
                    .spans
                    .iter()
                    .rposition(|t| t.end <= r.span.end)
                    .unwrap_or(start)
                    + 1;
                continue;
            }
            // ("told the crowd that", "tells the crowd: “...”", "told a reporter he was"; but
            // "ask a question he ..." asks a thing, not a listener.)
            if matches!(word, "the" | "a" | "an" | "his" | "her" | "their")
                && start + 1 < n
                && s.words[start + 1].starts_with(char::is_lowercase)
                && s.words.get(start + 2).is_some_and(|w| {
                    matches!(*w, "that" | "," | ":")
                        || (PRONOUNS.contains(w)
                            && !(start > 0 && s.words[start - 1].to_lowercase().starts_with("ask")))
                })
            {
                start += 2;
                continue;
            }
        }
        // ("pledging to expand ties on Monday": an infinitive is the content, not a phrase
        // before it.)
        if matches!(word, "in" | "on" | "at" | "during" | "to")
            && !(word == "to" && s.words.get(start + 1).is_some_and(|w| infinitive(w)))
        {
            if let Some(end) = (start + 1..(start + 6).min(n)).find(|&j| {
                CUE_PHRASE_ENDS.contains(&s.words[j]) || crate::dates::is_calendar_word(s.words[j])
            }) {
                start = end + 1;
                continue;
            }
        }
        break;
    }
    start
}

/// Whether `word`, right after "to", reads as a verb's base form ("to expand") rather than a
/// listener or place ("to reporters", "to the crowd", "to Pyongyang"): lower case, no
/// determiner or pronoun, and no plural "-s" ("discuss" and "address" end in "ss").
fn infinitive(word: &str) -> bool {
    word.chars().all(|c| c.is_ascii_lowercase())
        && !DETERMINERS.contains(&word)
        && !LISTENERS.contains(&word)
        && !matches!(
            word,
            "this" | "that" | "each" | "every" | "any" | "no" | "date" | "camera"
        )
        && (!word.ends_with('s') || word.ends_with("ss"))
}

/// The stretch of `quotes` (in order and not nested, as [`in_quote`] takes them) that overlap
/// `span`, found by binary search.
fn touching(quotes: &[Span], span: Span) -> &[Span] {
    let first = quotes.partition_point(|q| q.end <= span.start);
    let last = first + quotes[first..].partition_point(|q| q.start < span.end);
    &quotes[first..last]
}

/// True when `token` lies inside one of `quotes`, a paragraph's quoted stretches (outer spans,
/// in order and not nested, as `marks::quoted_spans` gives them). A binary search: a paragraph
/// of thousands of quotes must not cost tokens times quotes.
fn in_quote(quotes: &[Span], token: Span) -> bool {
    let after = quotes.partition_point(|q| q.start <= token.start);
    after > 0 && token.end <= quotes[after - 1].end
}

/// Reported clauses of sentence `s`, as indirect quotes: "X said (that) CONTENT", "CONTENT, X
/// said", "according to X, CONTENT" / "CONTENT, according to X", and "X called Y “NAME”". The
/// content may hold quotation marks (`quotes`, their outer spans): a clause that is only a
/// quote is dropped by the caller, which keeps the quote as the direct one.
fn reported_clauses(text: &str, s: &Sent<'_>, quotes: &[Span], refs: &[Ref<'_>]) -> Vec<Quote> {
    let n = s.words.len();
    let inside = |i: usize| in_quote(quotes, s.spans[i]);
    let outside = |i: usize| !inside(i);
    let cues: Vec<usize> = (0..n)
        .filter(|&i| outside(i) && cue_at(s, i, refs))
        .collect();
    // Where each cue's subject starts, for cutting a content before the next attribution ("...
    // the woman, he claimed they ...").
    let speakers: Vec<Option<Speaker>> = cues
        .iter()
        .map(|&cue| {
            if s.words[cue].eq_ignore_ascii_case("according") {
                None
            } else {
                speaker_near(text, s, cue, refs, outside)
            }
        })
        .collect();
    let token_at = |at: usize| s.spans.iter().position(|t| t.start >= at).unwrap_or(n);
    // "he’d sit Putin down and tell him “...”": a bare base form conjoined to a verb under the
    // content's modal is the content's own verb, not the reporter's second ("but did not
    // suggest" has "do", "and say they’re ..." no modal: both are the reporter's).
    let content_verb = |c: usize, from: usize| {
        let word = s.words[c];
        c >= from + 3
            && matches!(s.words[c - 1], "and" | "or")
            && lemma_at(s, c) == Some(word)
            && (from..c - 1).any(|j| {
                let w = s.words[j];
                MODALS.contains(&w.to_lowercase().as_str())
                    || w.ends_with("’d")
                    || w.ends_with("'d")
                    || w.ends_with("’ll")
                    || w.ends_with("'ll")
            })
    };
    // Where a content starting at token `from` ends: before the next attribution of the
    // sentence ("..., he claimed", "but did not suggest", "according to KCNA").
    let next_clause = |from: usize| -> usize {
        // "..., according to KCNA": the channel closes the content.
        let channel = cues
            .iter()
            .find(|&&c| c > from && s.words[c].eq_ignore_ascii_case("according"))
            .copied();
        // "... but did not suggest ...", "and added": a second cue of the same subject.
        let conjoined = cues
            .iter()
            .filter(|&&c| c > from + 1)
            .filter(|&&c| !content_verb(c, from))
            .find_map(|&c| {
                (c.saturating_sub(3).max(from + 1)..c)
                    .find(|&j| matches!(s.words[j], "but" | "and"))
                    .filter(|&j| (j + 1..c).all(|m| is_between_subject_and_cue(s.words[m])))
            });
        let subject = cues
            .iter()
            .zip(&speakers)
            .filter(|&(&c, _)| c > from && !content_verb(c, from))
            // ("... is “complex” and he feels he can win ...": a pronoun's belief conjoined to
            // the content goes on with it.)
            .filter(|&(&c, _)| {
                !(matches!(lemma_at(s, c), Some("feel" | "think" | "believe"))
                    && c >= 2
                    && PRONOUNS.contains(&s.words[c - 1])
                    && matches!(s.words[c - 2], "and" | "but"))
            })
            .find_map(|(&c, sp)| {
                // (A subject before the content is no cut: "X, who wrote the bill, said in a
                // statement that ..." ends the relative clause at the comma before "said".)
                let mut first = sp
                    .as_ref()
                    .map(|sp| token_at(sp.span.start))
                    .filter(|&t| t > from)
                    .map_or(c, |t| t.min(c));
                // Back over the speaker's modifiers: "..., the North's state-run Korean
                // Central News Agency reported".
                let floor = first.saturating_sub(8).max(from + 2);
                if let Some(det) = (floor..first)
                    .rev()
                    .find(|&j| matches!(s.words[j], "the" | "The") && s.words[j - 1] == ",")
                    && (det + 1..first).all(|j| outside(j) && !is_cue(s.words[j]))
                {
                    first = det;
                }
                // "... fundraising: “There’s just a ton of it,” he said": a quote with a tag
                // of its own is that speaker's, and the content ends where it opens.
                // (A sentence of its own, after a colon or comma: not a partial quote the
                // subject goes on with, "had “been friends for some time,” he said".)
                let tagged = (first > from + 2
                    && first < c
                    && CLOSING_MARKS.contains(&s.words[first - 1])
                    && matches!(s.words[first - 2], "," | "?" | "!"))
                .then(|| quotes.iter().rfind(|o| o.end <= s.spans[first].start))
                .flatten()
                .map(|o| token_at(o.start))
                .filter(|&open| {
                    open > from + 1
                        && matches!(s.words[open - 1], ":" | ",")
                        && s.words
                            .get(open + 1)
                            .is_some_and(|w| w.starts_with(char::is_uppercase))
                });
                // (A dash sets the next report off as a comma does: "... optimism about
                // working together – Ryan saying he was “very encouraged”".)
                tagged
                    .or_else(|| {
                        (first > from + 1
                            && matches!(
                                s.words[first - 1],
                                "," | "but"
                                    | "and"
                                    | ";"
                                    | "while"
                                    | "although"
                                    | "though"
                                    | "—"
                                    | "–"
                            ))
                        .then(|| first - 1)
                    })
                    // "..., which he called “a cartel”": a relative clause with a report of
                    // its own is not the content's, and reports on its own.
                    .or_else(|| {
                        (first > from + 2
                            && first < c
                            && matches!(s.words[first - 1], "which" | "who" | "whom")
                            && s.words[first - 2] == ",")
                            .then(|| first - 2)
                    })
            })
            .unwrap_or(n);
        // "... was “corrupt,” noting that ...": a participle after a comma starts a clause of
        // its own.
        let participle = cues
            .iter()
            .find(|&&c| c > from + 1 && participle_after_comma(s, c))
            // (Through the closing mark, so that the content holds the whole quote.)
            .map(|&c| if s.words[c - 1] == "," { c - 1 } else { c })
            // "... doubt about the claim, with one telling Fox News that ...": a report of its
            // own, by someone named after "with".
            .or_else(|| {
                cues.iter().find_map(|&c| {
                    let with = (c.saturating_sub(4)..c).find(|&j| s.words[j] == "with")?;
                    (with > from + 1
                        && s.words[with - 1] == ","
                        && s.words[c].ends_with("ing")
                        && (with + 1..c).all(|j| outside(j) && s.words[j] != ","))
                    .then_some(with - 1)
                })
            });
        // A writer's aside after the content, an appositive to the whole (", a charge that
        // ...", ", an acknowledgment that ..."), or a word on a place (", where he trails
        // ..."). (Cutting before every ", which ..." and ", who ..." too gained on PolNeAR train
        // but lost all-attribution F1 on dev: only one with a report of its own cuts, above.)
        // (Or a dash: "... was “encouraged” by the plan — a modest boost for ...".)
        let aside = (from + 3..n).find(|&j| {
            matches!(s.words[j], "," | "—" | "–")
                && outside(j)
                && match s.words.get(j + 1).copied() {
                    Some("a" | "an" | "where") => s
                        .words
                        .get(j + 2)
                        .is_some_and(|w| w.starts_with(char::is_lowercase)),
                    // A contrast the writer draws: "..., while Maine Sen. Susan Collins ...".
                    Some("while" | "whereas") => true,
                    _ => false,
                }
        });
        // "... “kept us safe” on Twitter before claiming that ...": a later report of the
        // same subject, after a subordinator.
        let subordinate = cues
            .iter()
            .find(|&&c| {
                c > from + 2
                    && s.words[c].ends_with("ing")
                    && matches!(s.words[c - 1], "before" | "after" | "while" | "when")
            })
            .map(|&c| c - 1);
        // "things “should be wrapped up by Cleveland,” referring to ...", "... are “about
        // right,” though voters ...": a quote closing on a comma, then the writer's own
        // participle or concession.
        let closed = (from + 2..n.saturating_sub(1)).find(|&j| {
            CLOSING_MARKS.contains(&s.words[j]) && inside(j) && outside(j + 1) && {
                let w = s.words[j + 1];
                match s.words[j - 1] {
                    "," => {
                        matches!(w, "though" | "although" | "whereas" | "while")
                            || (w.len() > 4
                                && w.ends_with("ing")
                                && w.starts_with(char::is_lowercase))
                    }
                    // "... chiding him, “What difference does it make?” when questioned
                    // about ...": a question or exclamation closes the reported words.
                    "?" | "!" => matches!(w, "when" | "after" | "before" | "as" | "while"),
                    _ => false,
                }
            }
        });
        let closed = closed.map(|j| j + 1);
        // "... it “risks higher inflation” - except that, once again, inflation has fallen":
        // a dash after the reported words' quote opens the writer's aside.
        let dashed = (from + 3..n.saturating_sub(1)).find(|&j| {
            matches!(s.words[j], "-" | "--" | "—" | "–") && outside(j) && (from..j).any(inside)
        });
        // "... some “good gains” in the platform, but he pressed Clinton to do more": a
        // contrast with a subject of its own is the writer's next clause.
        let but = (from + 3..n.saturating_sub(2)).find(|&j| {
            s.words[j] == ","
                && s.words[j + 1] == "but"
                && outside(j)
                && (PRONOUNS.contains(&s.words[j + 2]) || s.words[j + 2] == "it")
        });
        // "“Many people are uncertain,” Thiel wrote in a statement explaining why he is
        // speaking, “but most Americans agree ...”": after a quote that closed on a comma, a
        // quote opening on a coordinator after a comma resumes it, and ends the clause.
        let interrupted = (1..from)
            .any(|j| CLOSING_MARKS.contains(&s.words[j]) && s.words[j - 1] == "," && inside(j));
        let resumed = interrupted
            .then(|| {
                (from + 1..n.saturating_sub(2)).find(|&j| {
                    s.words[j] == ","
                        && outside(j)
                        && OPENING_MARKS.contains(&s.words[j + 1])
                        && resumes(s.words[j + 2])
                })
            })
            .flatten();
        [
            conjoined,
            channel,
            participle,
            aside,
            subordinate,
            closed,
            resumed,
            dashed,
            but,
        ]
        .into_iter()
        .flatten()
        .fold(subject, usize::min)
    };
    let mut out: Vec<Quote> = Vec::new();
    // The token after the last tag that attributes a quote before it.
    let mut tagged = 0;
    for (k, &cue) in cues.iter().enumerate() {
        let word = s.words[cue].to_lowercase();
        let lemma = lemma_at(s, cue).unwrap_or_default();
        let cue_span = s.spans[cue];
        if word == "according" {
            if s.words.get(cue + 1) != Some(&"to") {
                continue;
            }
            let speaker =
                (cue + 2..(cue + 6).min(n)).find_map(|i| speaker_at(text, s, i, refs, true));
            let cue_span = Span::new(cue_span.start, s.spans[cue + 1].end);
            // "According to X, CONTENT." or "CONTENT, according to X."
            let clause = if cue == 0 || (cue == 1 && matches!(s.words[0], "And" | "But")) {
                (cue + 2..n)
                    .find(|&i| s.words[i] == ",")
                    .map(|c| (c + 1, next_clause(c + 1)))
            } else {
                // From the start of the clause: after a colon or semicolon ("... firms: London
                // was ..., according to one index").
                let start = (0..cue)
                    .rev()
                    .find(|&i| outside(i) && matches!(s.words[i], ":" | ";"))
                    .map_or(0, |i| i + 1);
                // "But the next day, according to Roffman, Trump made further demands": after a
                // short opener the content is what follows the source.
                let opener = (start..cue)
                    .filter(|&i| s.words[i].chars().any(char::is_alphanumeric))
                    .count()
                    <= 4;
                let after_source = (cue + 2..(cue + 16).min(n))
                    .find(|&i| outside(i) && s.words[i] == ",")
                    .filter(|&c| {
                        s.words[c + 1..]
                            .iter()
                            .any(|w| w.chars().any(char::is_alphanumeric))
                    });
                match after_source {
                    Some(c) if opener => Some((c + 1, next_clause(c + 1))),
                    _ => Some((start, cue)),
                }
            };
            if let Some((start, end)) = clause {
                out.extend(clause_quote(s, start, end, speaker, cue_span));
            }
            continue;
        }
        let Some(speaker) = speakers[k].clone() else {
            // "..., saying that CONTENT": reported speech even when no subject can be named.
            if s.words.get(cue + 1) == Some(&"that") {
                out.extend(clause_quote(
                    s,
                    cue + 2,
                    next_clause(cue + 2),
                    None,
                    cue_span,
                ));
            }
            continue;
        };
        let speaker_first = token_at(speaker.span.start);
        let speaker_last = s
            .spans
            .iter()
            .rposition(|t| t.end <= speaker.span.end)
            .unwrap_or(cue);
        let subject_before = speaker.span.end <= cue_span.start;
        // "..., saying Clinton would “abolish ...”": a participle reports forward from
        // itself, whatever stands before its comma.
        let participle = participle_after_comma(s, cue);
        // "X called Y “NAME” for ...": the object, the quoted name and what the clause says
        // of it, to the clause's end. So for any cue that casts its object as what a quote
        // says: "criticized the Affordable Care Act as a “crazy system” during a stop in
        // Flint" reports "the Affordable Care Act as a “crazy system”".
        if cues::NAMING.contains(&lemma) || casts_as_quote(s, cue) || talks_about_quote(s, cue) {
            if let Some(q) = (cue + 1..(cue + 12).min(n)).find(|&i| inside(i)) {
                let close = |q: usize| (q..n).take_while(|&i| inside(i)).last().unwrap_or(q) + 1;
                let mut end = close(q);
                // A list of names runs on: "called the senator a “nasty guy,” an “anchor
                // baby,” “unstable” and “sick.”"
                loop {
                    let mut k = end;
                    while k < n && matches!(s.words[k], "," | "and" | "or" | "a" | "an" | "the") {
                        k += 1;
                    }
                    if k < n && k - end <= 3 && inside(k) {
                        end = close(k);
                    } else {
                        break;
                    }
                }
                // (Not past a coordinated clause: "called him “a nice guy” and didn't ...",
                // nor past a quote closing on a comma: "identified the judge as “Spanish,”
                // which is ...".)
                let comma_closed = end >= 2 && s.words[end - 2] == ",";
                let goes_on = !comma_closed
                    && s.words.get(end).is_some_and(|w| {
                        matches!(
                            *w,
                            "for"
                                | "because"
                                | "that"
                                | "who"
                                | "which"
                                | "when"
                                | "to"
                                | "with"
                                | "as"
                                | "since"
                                | "after"
                                | "before"
                                | "while"
                                | "of"
                        )
                    });
                // (What it says of the name runs to a comma: "called it a “rough week” for
                // Trump, and with polls showing ...".)
                let end = if goes_on {
                    let clause_end = next_clause(end).max(end);
                    (end..clause_end)
                        .find(|&k| s.words[k] == "," && outside(k))
                        .unwrap_or(clause_end)
                } else {
                    end
                };
                // ("referred to the governor as “Chris”", "called on the board to “act now”":
                // the object, past the particle.)
                let object = if matches!(s.words.get(cue + 1), Some(&"to" | &"about"))
                    || (lemma == "call" && s.words.get(cue + 1) == Some(&"on"))
                {
                    cue + 2
                } else {
                    cue + 1
                };
                out.extend(clause_quote(s, object, end, Some(speaker), cue_span));
            }
            continue;
        }
        // "CONTENT, X said (in a statement)." — the attribution closes the sentence.
        let group = if subject_before && !participle {
            // (With the article before a name: "..., the Times reported".)
            if speaker_first >= 1 && matches!(s.words[speaker_first - 1], "the" | "The") {
                speaker_first - 1
            } else {
                speaker_first
            }
        } else {
            cue
        };
        let after = if subject_before {
            cue + 1
        } else {
            speaker_last + 1
        };
        // (To a participle after a comma: "..., Hollande said Tuesday in Paris, noting that
        // ..." is a tag with a clause of its own after it.)
        let rest_end = (after + 1..n)
            .find(|&i| {
                s.words[i - 1] == ","
                    && outside(i)
                    && s.words[i].len() > 4
                    && s.words[i].ends_with("ing")
                    && s.words[i].starts_with(char::is_lowercase)
            })
            .unwrap_or(n);
        let rest: Vec<&str> = (after..rest_end)
            .map(|i| s.words[i])
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .collect();
        // "“...,” Ramos said, referring to ...": the cue attributes the quote before it.
        // So does "“...,” Russia’s ambassador to North Korea, Alexander Matsegora, said": a
        // quote closing a few words before the subject, with no other verb between.
        let appositive = group >= 1 && s.words[group - 1] == ",";
        let window = if appositive { 12 } else { 3 };
        let quote_before = (group.saturating_sub(window)..group)
            .rev()
            .find(|&i| inside(i));
        // Where this cue's content may start: after an earlier clause of this sentence, or an
        // earlier quote's tag, if any ("“...,” she said, but ..., “...,” said Kunin").
        let from = out
            .iter()
            .map(|q| q.span.end)
            .max()
            .map_or(0, &token_at)
            .max(tagged);
        // (Unless the quote closes a clause of the writer's: "Trump plans to ... an
        // environment of “risk-taking,” Carson said" reports the whole clause.)
        let writers_words = |q: usize| {
            let opens = (from..=q)
                .rev()
                .take_while(|&i| inside(i))
                .last()
                .unwrap_or(q);
            // (A colon hands the sentence over to the quote: "... had lost its identity:
            // “France is no longer France,” he claimed" reports the quote alone.)
            if opens > from && s.words[opens - 1] == ":" {
                return 0;
            }
            (from..opens)
                .filter(|&i| s.words[i].chars().any(char::is_alphanumeric))
                .count()
        };
        // (Only a quote that closes off its words is the tag's: "“...,” Matsegora said", "“...”,
        // he said"; "Trump’s “excesses” are sickening, Hollande said" reports the clause.)
        let closes_off = |q: usize| {
            (q + 1..group).all(|i| s.words[i] == ",")
                || (q >= 1 && matches!(s.words[q - 1], "," | "." | "?" | "!" | "…" | "—"))
        };
        if !participle
            && quote_before.is_some_and(|q| {
                (q + 1..group)
                    .all(|i| !cue_at(s, i, refs) && !matches!(s.words[i], "but" | "and" | ";"))
                    && writers_words(q) < 4
                    && closes_off(q)
            })
            // (The writer's "that": one inside a later quote is no "said that".)
            && !(after..rest_end).any(|i| outside(i) && s.words[i] == "that")
        {
            tagged = tagged.max(cue.max(speaker_last) + 1);
            continue;
        }
        // "CONTENT, Sanders said, a policy that ..." / "The goal, he said, is to ...": an
        // attribution set off by commas inside the sentence. The content is what comes before,
        // or the whole sentence when only a few words come before.
        let after_comma = (after..n).find(|&i| s.words[i] != ".");
        // (Only a bare attribution interrupts: "he said", "he later said", not "she sent an
        // email saying, “done.”" after an opener.)
        let bare = !subject_before
            || (speaker_last + 1..cue).all(|i| is_between_subject_and_cue(s.words[i]));
        if !participle
            && bare
            && group >= 2
            && s.words[group - 1] == ","
            && after_comma.is_some_and(|i| s.words[i] == "," && i <= after + 6)
        {
            // (An earlier clause of this sentence may already reach past the subject.)
            let Some(before) = (group - 1).checked_sub(from) else {
                continue;
            };
            // (A name alone is a subject, not a statement: "Vice President Joe Biden, Rubio
            // said, had been in the Senate for ...".)
            let name_only = (from..group - 1).all(|i| {
                s.words[i].starts_with(char::is_uppercase)
                    || matches!(s.words[i], "the" | "of" | "and" | "'s" | "’s")
            });
            // What follows goes on with the sentence ("..., Fiorina wrote, she began ...",
            // "..., he said, “not only by ...”"), so the content is all of it; PolNeAR train
            // annotates 98 of 116 such sentences so. A fresh quoted sentence ("..., Trump
            // wrote, “I hear ...”"), an appositive ("..., Sanders said, a policy that ...") or a
            // participle ("..., Spicer said, adding ...") starts something of its own.
            // (Not after an inverted attribution: "..., said Rita Katz, the director of ..."
            // goes on with the speaker's appositive.)
            let goes_on = subject_before
                && after_comma.is_some_and(|c| {
                    let next = s.words.get(c + 1).copied().unwrap_or("");
                    let (word, quoted) = match s.words.get(c + 2) {
                        Some(w) if OPENING_MARKS.contains(&next) => (*w, true),
                        _ => (next, false),
                    };
                    let lower = word.starts_with(|c: char| c.is_lowercase());
                    let own = matches!(word, "a" | "an" | "on" | "")
                        || (lower && word.ends_with("ing"))
                        || OPENING_MARKS.contains(&word);
                    if quoted { lower } else { !own }
                });
            let (start, end) = if before < 4 || name_only || goes_on {
                (from, next_clause(after))
            } else {
                (from, group - 1)
            };
            out.extend(clause_quote(s, start, end, Some(speaker), cue_span));
            continue;
        }
        // (Not after a short opener: "As for Trump, he said he is not worried" reports
        // forward.)
        let opener = subject_before
            && (group < from + 5
                || s.words
                    .get(after)
                    .is_some_and(|w| PRONOUNS.contains(w) || *w == "it"));
        // The comma before the subject, or inside the closing mark ("... capital investment,”
        // Ben Carson said").
        let tail_comma = (group >= 2 && s.words[group - 1] == ",")
            || (group >= 3
                && CLOSING_MARKS.contains(&s.words[group - 1])
                && s.words[group - 2] == ",");
        // What follows the attribution: adjuncts ("said on Tuesday"), an appositive after an
        // inverted one ("..., said Gary Orfield, a professor at ..."), or a clause of its own
        // ("the senator said his campaign was “closing really strong”"), which it reports.
        let appositive_after = !subject_before && s.words.get(after) == Some(&",");
        let clause_after = rest.iter().any(|w| FINITE_AUXILIARIES.contains(w));
        // (A quote in the cue's object is what it reports: "On the same day of the vote,
        // Trump portrayed “illegal” immigrants as criminals"; not one in an adjunct: "said on
        // ABC's “This Week”".)
        let quote_in_object = subject_before
            && s.words.get(after).is_some_and(|w| {
                !PREPOSITIONS.contains(w) && !is_time_word(w) && !matches!(*w, "," | "." | ":")
            })
            && (after..rest_end).any(&inside);
        if tail_comma
            && !quote_in_object
            && (appositive_after || (rest.len() <= 8 && !clause_after))
            && !rest.contains(&"that")
            && !opener
            && !participle
        {
            // "“...,” Russia’s ambassador, Alexander Matsegora, said": the words between a
            // quote closing on a comma and the speaker are the speaker's appositive, not
            // content (but "The FBI made a “mistake” in the check for ..., Comey said" goes on).
            let mut end = (from..group - 1)
                .rev()
                .take(12)
                .find(|&i| inside(i))
                .filter(|&i| {
                    s.words[i] == ","
                        || s.words.get(i + 1) == Some(&",")
                        || (i >= 1 && s.words[i - 1] == ",")
                })
                .map_or(group - 1, |i| i + 1);
            // The closing mark too, so that the clause holds the whole quote.
            if end < group && CLOSING_MARKS.contains(&s.words[end]) {
                end += 1;
            }
            out.extend(clause_quote(s, from, end, Some(speaker), cue_span));
            continue;
        }
        // "X said (on Tuesday) (that) CONTENT"; not "said X, CONTENT".
        if !subject_before {
            continue;
        }
        let mut start = after;
        // ("said: “...”": the colon introduces the content.)
        if s.words.get(start) == Some(&":") {
            start += 1;
        }
        // (Past a quoted title in an adjunct: "said on ABC's “This Week” that ..."; not to a
        // second content: "says he voted for her, and that ..." reports both; nor past the
        // content's own verb: "said his biggest worry is that ...".)
        if let Some(that) = (start..(start + 12).min(n))
            .take_while(|&i| {
                inside(i)
                    || i == start
                    || !(is_cue(s.words[i]) || FINITE_AUXILIARIES.contains(&s.words[i]))
            })
            .find(|&i| s.words[i] == "that" && outside(i))
            .filter(|&that| that == start || s.words[that - 1] != "and")
        {
            start = that + 1;
        } else {
            start = skip_adjuncts(s, start, cues::LISTENER.contains(&lemma), refs, &outside);
        }
        // "was reported by North Korean state media": the agent of a passive cue is who
        // reported, not what; "concluded by expressing belief that ...", "responded by saying
        // ...": the gerund is the cue that reports.
        if s.words.get(start) == Some(&"by") {
            continue;
        }
        let mut end = next_clause(start);
        // "When he says he intends to “pick up delegates” everywhere he can, it would ...": a
        // report inside a subordinate clause opening the sentence ends where that clause does.
        let opens_subordinate = (0..speaker_first)
            .rev()
            .take_while(|&i| outside(i) && s.words[i] != ",")
            .any(|i| {
                SUBORDINATORS
                    .iter()
                    .any(|w| s.words[i].eq_ignore_ascii_case(w))
            });
        if opens_subordinate {
            if let Some(comma) = (start + 1..end).find(|&i| s.words[i] == "," && outside(i)) {
                end = comma;
            }
        }
        // "Kasich cautioned “let’s not get ahead of ourselves,” before predicting ...": a quote
        // right after the cue whose words end in punctuation is the statement; what follows is
        // the writer's.
        if start < n && inside(start) {
            // (The quote's tokens, its marks included.)
            let last = (start..n)
                .take_while(|&i| inside(i))
                .last()
                .unwrap_or(start);
            if last > start && matches!(s.words[last - 1], "," | "." | "?" | "!") && last + 1 < end
            {
                end = last + 1;
            }
        }
        out.extend(clause_quote(s, start, end, Some(speaker), cue_span));
    }
    // "Trump’s claim that there have been “thousands of shootings” ...", "the senator’s recent
    // assertion that ...": a noun of saying with its owner reports the clause after "that",
    // the owner speaking. So does a promise of what the owner will do: "Trump’s pledge to be
    // “neutral” ...".
    for i in (1..n.saturating_sub(2)).filter(|&i| outside(i)) {
        let noun = s.words[i].to_lowercase();
        let start = match s.words[i + 1] {
            "that" if REPORTING_NOUNS.contains(&noun.as_str()) => i + 2,
            "to" if matches!(noun.as_str(), "promise" | "pledge" | "vow" | "threat") => i + 1,
            _ => continue,
        };
        // Back over a few modifiers ("recent evidence-free") to the owner.
        let mut j = i - 1;
        while j > 0
            && i - j <= 3
            && s.words[j].starts_with(char::is_lowercase)
            && s.words[j].chars().all(|c| c.is_alphabetic() || c == '-')
            && !DETERMINERS.contains(&s.words[j])
        {
            j -= 1;
        }
        let speaker = match s.words[j] {
            "’s" | "'s" if j >= 1 => speaker_at(text, s, j - 1, refs, false),
            // "De Blasio repeated his claim that ...": a possessive pronoun, which the entities
            // stage does not resolve, stands for the person its sentence named last before it.
            "his" | "His" | "her" | "Her" => {
                let at = s.spans[j];
                refs.iter()
                    .filter(|r| {
                        r.entity.kind == EntityType::Person
                            && r.span.start >= s.spans[0].start
                            && r.span.end <= at.start
                    })
                    .max_by_key(|r| r.span.end)
                    .map(|r| Speaker {
                        span: at,
                        ..r.speaker()
                    })
            }
            _ => continue,
        };
        let Some(speaker) = speaker else {
            continue;
        };
        // (To a semicolon or a dash: "... Mr. Trump's assertion that ...; his criticism of
        // ...".)
        let end = (start..next_clause(start))
            .find(|&k| outside(k) && matches!(s.words[k], ";" | "-" | "—" | "–" | "("))
            .unwrap_or_else(|| next_clause(start));
        // (A claim that opens its sentence is its subject: "The mayor's claim that ... drew
        // scorn" has no mark of where the clause ends and the sentence's own verb begins.)
        if token_at(speaker.span.start) <= 1 && end == n {
            continue;
        }
        out.extend(clause_quote(s, start, end, Some(speaker), s.spans[i]));
    }
    // One clause per stretch of text: the first found keeps it.
    let mut kept: Vec<Quote> = Vec::new();
    for q in out {
        if !kept
            .iter()
            .any(|k| k.span.start < q.span.end && q.span.start < k.span.end)
        {
            kept.push(q);
        }
    }
    kept
}

/// Nouns of saying whose owner is the speaker of the clause after them ("Trump’s claim that
/// ...").
const REPORTING_NOUNS: &[&str] = &[
    "claim",
    "claims",
    "assertion",
    "accusation",
    "allegation",
    "charge",
    "contention",
    "insistence",
    "suggestion",
    "argument",
    "statement",
    "remark",
    "warning",
    "boast",
    "complaint",
    "admission",
    "prediction",
    "promise",
    "pledge",
    "vow",
    "view",
    "belief",
];

/// Words opening a subordinate clause ("When he says ..., it would ...").
const SUBORDINATORS: &[&str] = &[
    "when", "if", "as", "because", "while", "although", "though", "since", "unless", "whenever",
];

/// A participle cue right after a comma (or a comma inside a closing mark): "..., saying",
/// "“corrupt,” noting".
fn participle_after_comma(s: &Sent<'_>, cue: usize) -> bool {
    s.words[cue].ends_with("ing")
        && cue >= 1
        && (s.words[cue - 1] == ","
            || (cue >= 2 && CLOSING_MARKS.contains(&s.words[cue - 1]) && s.words[cue - 2] == ","))
}

/// Tokens that open a quotation.
const OPENING_MARKS: &[&str] = &["\"", "“", "''", "‘", "«", "„"];

/// Tokens that close a quotation.
const CLOSING_MARKS: &[&str] = &["\"", "”", "''", "’"];

/// The indirect quote over tokens `start..end` of `s`, without edge punctuation, if it has at
/// least four tokens.
fn clause_quote(
    s: &Sent<'_>,
    mut start: usize,
    mut end: usize,
    speaker: Option<Speaker>,
    cue: Span,
) -> Option<Quote> {
    end = end.min(s.words.len());
    // "The committee said about its platform:" names what the words after the colon are
    // about; the topic is not what was said.
    if s.words.get(start) == Some(&"about") && s.words[start..end].last() == Some(&":") {
        return None;
    }
    while start < end && matches!(s.words[start], "," | ":" | ";" | "-" | "—" | "–") {
        start += 1;
    }
    while end > start && matches!(s.words[end - 1], "." | "," | "!" | "?" | ";" | ":") {
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
        co_speakers: Vec::new(),
        cue: Some(cue),
        cited_source: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_inside_quotes_are_found_by_binary_search() {
        let quotes = [Span::new(2, 5), Span::new(8, 12), Span::new(20, 30)];
        for (token, inside) in [
            ((0, 1), false),
            ((2, 3), true),
            ((4, 5), true),
            ((4, 6), false),
            ((6, 7), false),
            ((8, 12), true),
            ((12, 13), false),
            ((25, 30), true),
            ((31, 33), false),
        ] {
            let token = Span::new(token.0, token.1);
            assert_eq!(in_quote(&quotes, token), inside, "{token:?}");
        }
        assert!(!in_quote(&[], Span::new(0, 1)));
    }

    #[test]
    fn quotes_touching_a_span_are_found_by_binary_search() {
        let quotes = [Span::new(2, 5), Span::new(8, 12), Span::new(20, 30)];
        for (span, expected) in [
            ((0, 2), &[][..]),
            ((0, 3), &[Span::new(2, 5)][..]),
            ((4, 9), &[Span::new(2, 5), Span::new(8, 12)][..]),
            ((5, 8), &[][..]),
            ((10, 40), &[Span::new(8, 12), Span::new(20, 30)][..]),
            ((30, 31), &[][..]),
        ] {
            let span = Span::new(span.0, span.1);
            assert_eq!(touching(&quotes, span), expected, "{span:?}");
        }
        assert!(touching(&[], Span::new(0, 1)).is_empty());
    }
}
